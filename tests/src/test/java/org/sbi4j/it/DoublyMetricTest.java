package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link DoublyMetric}'s two estimators of E[(log r̂ − log r)²] (θ0, θ1 ~ U(−1, 1), x ~ p(x|θ1))
 * against quadrature of the exact density of interference-1d: the exact sampler's distribution, and
 * both estimators on log r̂ = log r + a x (θ0 − θ1), whose metric is a² E[x² (θ0 − θ1)²] = a² · ½∫
 * (1/3 + θ1²) E[x²|θ1] dθ1 (½∫(θ0 − θ1)² dθ0 = 1/3 + θ1²).
 */
class DoublyMetricTest {
  /** ∫ f(x) p(x|θ) dx by Simpson's rule on [−5, 45] (p < 1e−15 beyond), step 0.005. */
  private static double expectation(java.util.function.DoubleUnaryOperator f, double theta) {
    return integral(f, theta, -5, 45);
  }

  /** ∫ f(x) p(x|θ) dx over [lo, hi] by Simpson's rule, 10 000 intervals. */
  private static double integral(
      java.util.function.DoubleUnaryOperator f, double theta, double lo, double hi) {
    int n = 10_000;
    double h = (hi - lo) / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double x = lo + i * h;
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      sum +=
          w
              * f.applyAsDouble(x)
              * Math.exp(DoublyMetric.SIM.logLikelihood(new double[] {x}, new double[] {theta}));
    }
    return sum * h / 3;
  }

  @Test
  void theSamplerDrawsFromTheExactDensity() {
    DoublyMetric.Sampler s = new DoublyMetric.Sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(21));
    int n = 40_000;
    for (double theta : new double[] {-1, -0.45, 0, 0.3, 1}) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = s.x(theta);
      }
      // the density integrates to 1 (Simpson's error at this step ≪ 1e-6)
      assertEquals(1, expectation(v -> 1, theta), 1e-6, "normalisation at θ = " + theta);
      double m1 = expectation(v -> v, theta);
      double m2 = expectation(v -> v * v, theta);
      double mean = java.util.Arrays.stream(x).average().orElseThrow();
      // sample mean within 4 standard errors sqrt(Var x / n)
      assertEquals(m1, mean, 4 * Math.sqrt((m2 - m1 * m1) / n), "E[x] at θ = " + theta);
      for (double c : new double[] {0, 0.5, 1, 2, 4}) {
        double p = integral(v -> 1, theta, -5, c);
        double f = java.util.Arrays.stream(x).filter(v -> v < c).count() / (double) n;
        // the empirical CDF within 4 binomial standard errors
        assertEquals(p, f, 4 * Math.sqrt(p * (1 - p) / n), "P(x < " + c + "|" + theta + ")");
      }
    }
  }

  @Test
  void bothEstimatorsAgreeWithQuadratureOnAKnownPerturbation() {
    double a = 0.1;
    // outer Simpson over θ1 ∈ [−1, 1] with 40 intervals: the integrand (1/3 + θ²) E[x²|θ] is a
    // rational function of θ with poles at ±i, Simpson's error ≪ 1e-6 relative
    int m = 40;
    double h = 2.0 / m;
    double sum = 0;
    for (int j = 0; j <= m; j++) {
      double t = -1 + j * h;
      double w = j == 0 || j == m ? 1 : j % 2 == 1 ? 4 : 2;
      sum += w * (1.0 / 3 + t * t) * expectation(v -> v * v, t);
    }
    double truth = a * a * 0.5 * sum * h / 3;
    DoublyMetric.LogRatio perturbed =
        (rows, x) -> {
          double[] out = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            double[] t0 = {rows[2 * i]};
            double[] t1 = {rows[2 * i + 1]};
            out[i] =
                DoublyMetric.SIM.logRatio(new double[] {x[i]}, t0, t1) + a * x[i] * (t0[0] - t1[0]);
          }
          return out;
        };
    double[] direct = DoublyMetric.direct(perturbed, 100_000, 31);
    double[] weighted = DoublyMetric.weighted(perturbed, 100_000, 32);
    // each within 4 of its own standard errors of the quadrature value
    assertEquals(truth, direct[0], 4 * direct[1], "direct");
    assertEquals(truth, weighted[0], 4 * weighted[1], "weighted");
    // the standard errors describe the estimators: positive and below 10 % of the value here
    assertTrue(direct[1] > 0 && direct[1] < 0.1 * truth, "direct standard error " + direct[1]);
    assertTrue(
        weighted[1] > 0 && weighted[1] < 0.1 * truth, "weighted standard error " + weighted[1]);
    // a zero perturbation gives exactly zero: the exact ratio is the reference
    double[] zero =
        DoublyMetric.direct(
            (rows, x) -> {
              double[] out = new double[x.length];
              for (int i = 0; i < x.length; i++) {
                out[i] =
                    DoublyMetric.SIM.logRatio(
                        new double[] {x[i]},
                        new double[] {rows[2 * i]},
                        new double[] {rows[2 * i + 1]});
              }
              return out;
            },
            1000,
            33);
    assertEquals(0.0, zero[0], 0.0);
  }
}
