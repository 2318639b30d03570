package org.sbi4j.training.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The ROLR loss against its closed-form optimum. At a fixed x, with z taking K values whose
 * probabilities under θ0 and θ1 are a_k and b_k and p(x|z_k) = c_k, the rows of class y = 0 (drawn
 * at θ0) come with density p0(x) p(z_k|x,θ0) = c_k a_k and those of class y = 1 with p1(x)
 * p(z_k|x,θ1) = c_k b_k, and the joint ratio is r_k = a_k/b_k. The expected loss as a function of l
 * = log r̂ is
 *
 * <pre>
 *   L(l) = Σ_k c_k b_k (e^l − r_k)² + Σ_k c_k a_k (e^−l − 1/r_k)²,
 * </pre>
 *
 * whose stationarity condition p1 (e^l − E[r|x,θ1]) e^l = p0 (e^−l − E[1/r|x,θ0]) e^−l holds at e^l
 * = r(x) = Σ c_k a_k / Σ c_k b_k, because E[r|x,θ1] = r(x) and E[1/r|x,θ0] = 1/r(x). The test
 * builds L and L' from {@link LossTerm#value} and {@link LossTerm#dLogRatio} (the definitions the
 * fused engine's {@link BatchLoss} and the graph's expression are held to in LossTermTest), finds
 * the global minimum on a grid and refines it by bisection on L', and compares it with log r(x).
 */
class RatioRegressionOptimumTest {
  private static final LossTerm TERM = LossTerm.RATIO_REGRESSION;

  /** Σ_rows weight × term (or its ∂/∂l) at l. */
  private static double expected(double l, double[] a, double[] b, double[] c, boolean slope) {
    double sum = 0;
    for (int k = 0; k < a.length; k++) {
      double r = a[k] / b[k];
      double[] joint = new double[JointLabel.values().length];
      joint[JointLabel.R.ordinal()] = r;
      joint[JointLabel.R_INV.ordinal()] = 1 / r;
      for (int y = 0; y <= 1; y++) {
        double weight = c[k] * (y == 1 ? b[k] : a[k]);
        double v =
            slope
                ? TERM.dLogRatio(1, l, null, null, y, joint)
                : TERM.value(1, l, null, null, y, joint);
        sum += weight * v;
      }
    }
    return sum;
  }

  private static double minimiser(double[] a, double[] b, double[] c) {
    double best = Double.NaN;
    double bestValue = Double.POSITIVE_INFINITY;
    double step = 1e-3;
    for (double l = -8; l <= 8; l += step) {
      double v = expected(l, a, b, c, false);
      if (v < bestValue) {
        bestValue = v;
        best = l;
      }
    }
    double lo = best - step;
    double hi = best + step;
    assertTrue(expected(lo, a, b, c, true) < 0 && expected(hi, a, b, c, true) > 0);
    for (int i = 0; i < 200 && hi - lo > 1e-15; i++) {
      double mid = 0.5 * (lo + hi);
      if (expected(mid, a, b, c, true) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  @Test
  void theExpectedLossIsMinimisedAtTheTrueRatio() {
    // three toys: mild ratios, a ratio near a zero of p(z|θ0) (1/r_k = 500, the heavy tail that
    // motivates the default gradient clip), and a ratio far above 1
    double[][][] toys = {
      {{0.2, 0.3, 0.5}, {0.4, 0.4, 0.2}, {1.0, 0.5, 0.25}},
      {{0.002, 0.498, 0.5}, {1.0 / 3, 1.0 / 3, 1.0 / 3}, {2.0, 1.0, 0.1}},
      {{0.7, 0.2, 0.1}, {0.05, 0.15, 0.8}, {0.3, 0.6, 1.2}},
    };
    for (double[][] toy : toys) {
      double[] a = toy[0];
      double[] b = toy[1];
      double[] c = toy[2];
      double num = 0;
      double den = 0;
      for (int k = 0; k < a.length; k++) {
        num += c[k] * a[k];
        den += c[k] * b[k];
      }
      double logR = Math.log(num / den);
      // L' is a sum of a few O(1–10⁵) terms in double precision: bisection pins its sign change to
      // ~1e−13 relative; 1e−9 in l is far above that rounding and far below the toys' |log r|.
      assertEquals(logR, minimiser(a, b, c), 1e-9);
      // stationarity by hand at l = log r(x): both sides of p1 (r̂ − E[r]) r̂ = p0 (1/r̂ − E[1/r])
      // /r̂
      assertEquals(0, expected(logR, a, b, c, true), 1e-9 * expected(logR, a, b, c, false));
    }
  }
}
