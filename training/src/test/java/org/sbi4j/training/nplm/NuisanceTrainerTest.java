package org.sbi4j.training.nplm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;

/**
 * NPLM with nuisances (docs/math.md §5.11) on a Gaussian toy whose likelihood is closed-form: the
 * reference is N(0, 1) with yield N(0), the shape nuisance a shift of the mean, n(x|ν) = N(0)
 * e^{ν_N} φ(x − ν_S), so ℓ(x; ν) = ν_N + ν_S x − ν_S²/2 exactly (linear in x, quadratic in ν).
 *
 * <p>The reference is a weighted grid (x on [−10, 10] in steps of 0.005, weights ∝ φ(x)): the
 * trapezoidal rule for these smooth, rapidly decaying integrands is exact to rounding, so Σ_R w_R
 * g(x) equals N(0)·E[g(X)] to ~1e−15 relative and the sums of sbi4j can be compared with the
 * integrals of the closed form.
 */
class NuisanceTrainerTest {
  static final double H = 0.005;
  static final double N0 = 1000;

  static double[] grid() {
    int n = (int) Math.round(20 / H) + 1;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = -10 + i * H;
    }
    return x;
  }

  /** Weights ∝ φ(x − mean) on the grid. */
  static double[] gaussianWeights(double[] x, double mean) {
    double[] w = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      w[i] = Math.exp(-0.5 * (x[i] - mean) * (x[i] - mean));
    }
    return w;
  }

  static double[] data(int n, double mean, long seed) {
    Random r = new Random(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean + r.nextGaussian();
    }
    return out;
  }

  /** The exact shift model ℓ = ν_S x − ν_S²/2 written in the standardised features (1, x'). */
  static ReferenceVariation exactShift(double[] x, double[] w) {
    Standardization s = Standardization.of(NplmProblem.weighted(1, x, w, new double[0], null, 1.0));
    double mu = s.mean()[0];
    double sd = s.scale()[0];
    return new ReferenceVariation(s, 1, new double[][][] {{{mu, sd}, {-0.5, 0}}});
  }

  @Test
  void learnedShiftModelIsTheExactLogRatio() {
    double[] x = grid();
    List<ReferenceVariation.Shift> shifts =
        java.util.Arrays.stream(new double[] {-0.2, -0.1, 0.1, 0.2})
            .mapToObj(nu -> new ReferenceVariation.Shift(nu, x, gaussianWeights(x, nu)))
            .toList();
    ReferenceVariation v = ReferenceVariation.fit(1, x, gaussianWeights(x, 0), List.of(shifts), 2);
    double[] at = {-3, -1, 0, 0.5, 2, 4};
    double[][][] d = v.deltas(at);
    for (int i = 0; i < at.length; i++) {
      // the model (degree 2 in x) contains the truth δ₁ = x, δ₂ = −1/2 and the grid sums are
      // exact integrals, so the convex fit's minimiser is the truth up to the Newton tolerance.
      assertEquals(at[i], d[0][0][i], 1e-6, "δ1 at " + at[i]);
      assertEquals(-0.5, d[0][1][i], 1e-6, "δ2 at " + at[i]);
    }
  }

  @Test
  void oneShiftValueGivesALinearModelAndNoneIsRefused() {
    double[] x = grid();
    ReferenceVariation v =
        ReferenceVariation.fit(
            1,
            x,
            gaussianWeights(x, 0),
            List.of(List.of(new ReferenceVariation.Shift(0.1, x, gaussianWeights(x, 0.1)))),
            1);
    assertEquals(1, v.coefficients()[0].length);
    // one value ν = 0.1: the linear model absorbs the quadratic term, δ₁ = x − ν/2.
    assertEquals(2 - 0.05, v.deltas(new double[] {2})[0][0][0], 1e-6);
    assertThrows(
        InvalidValueException.class,
        () -> new ReferenceVariation.Shift(0, x, gaussianWeights(x, 0)));
  }

  /**
   * Δ against the closed form: with the exact model, Σ_R w_R e^{ℓ} = N(0) e^{ν_N} for every ν_S (E
   * e^{ν X − ν²/2} = 1), so L(ν) = N(0)(e^{ν_N} − 1) − N_D ν_N − ν_S Σx + N_D ν_S²/2 + the
   * constraints, whose minimum has ν_S = (Σx + ν⁰_S/σ_S²)/(N_D + 1/σ_S²) and ν_N the root of N(0)
   * e^{ν_N} − N_D + (ν_N − ν⁰_N)/σ_N² = 0 (found here by bisection).
   */
  @Test
  void deltaMatchesTheClosedFormProfiledLikelihood() {
    double[] x = grid();
    double[] w = gaussianWeights(x, 0);
    double[] d = data(1080, 0.07, 3);
    double sN = 0.05;
    double sS = 0.1;
    double[] aux = {0.02, -0.03};
    NuisanceModel model = new NuisanceModel(sN, new double[] {sS}, exactShift(x, w));
    NplmProblem p = NplmProblem.weighted(1, x, w, d, null, N0);
    NuisanceFit fit = NuisanceTrainer.train(p, fastConfig(), model, aux, 11);
    double sum = 0;
    for (double v : d) {
      sum += v;
    }
    int nd = d.length;
    double nuS = (sum + aux[1] / (sS * sS)) / (nd + 1 / (sS * sS));
    double lo = -1;
    double hi = 1;
    for (int it = 0; it < 200; it++) {
      double mid = (lo + hi) / 2;
      double g = N0 * Math.exp(mid) - nd + (mid - aux[0]) / (sN * sN);
      if (g > 0) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double nuN = (lo + hi) / 2;
    double loss =
        N0 * Math.expm1(nuN)
            - nd * nuN
            - nuS * sum
            + nd * nuS * nuS / 2
            + 0.5 * ((nuN - aux[0]) * (nuN - aux[0]) - aux[0] * aux[0]) / (sN * sN)
            + 0.5 * ((nuS - aux[1]) * (nuS - aux[1]) - aux[1] * aux[1]) / (sS * sS);
    // the grid sums equal the integrals to ~1e−15 relative (class comment), times N(0) = 1000 and
    // a few hundred terms of rounding: 1e−9 absolute is far above both.
    assertEquals(-2 * loss, fit.delta(), 1e-9);
    assertEquals(nuN, fit.nuDelta()[0], 1e-9);
    assertEquals(nuS, fit.nuDelta()[1], 1e-9);
    // τ minimises over more (f and ν), so τ ≥ Δ up to the optimiser: t = τ − Δ ≥ 0.
    assertTrue(fit.t() >= -1e-6, "t = " + fit.t());
  }

  /**
   * Asimov data (the grid, weighted by the expected yields) at a shift of both nuisances, ν_N =
   * 0.05 and ν_S = 0.1, with the auxiliary measurements at the true values: the plain NPLM t sees
   * the shift (t ≈ 13, the closed form below), while ν̂ of the exact model reproduces the data
   * density exactly, f has nothing left to learn and t = τ − Δ = 0 up to the optimiser.
   */
  @Test
  void nuisancesAbsorbAShiftThatThePlainTestFlags() {
    double[] x = grid();
    double[] w = gaussianWeights(x, 0);
    double nuN = 0.05;
    double nuS = 0.1;
    double[] dw = gaussianWeights(x, nuS);
    double total = 0;
    for (double v : dw) {
      total += v;
    }
    for (int i = 0; i < dw.length; i++) {
      dw[i] *= N0 * Math.exp(nuN) / total;
    }
    NuisanceModel model = new NuisanceModel(0.05, new double[] {0.1}, exactShift(x, w));
    NplmProblem p = NplmProblem.weighted(1, x, w, x, dw, N0);
    NuisanceFit fit = NuisanceTrainer.train(p, fastConfig(), model, new double[] {nuN, nuS}, 1);
    double plain = NplmTrainer.train(p, fastConfig(), 1).t();
    // the best f is the true log ratio ν_N + ν_S x − ν_S²/2, so the plain t is at most
    // 2[Σ_D w_D ℓ − N(0)(e^{ν_N} − 1)] = 2 N(0) e^{ν_N}(ν_N + ν_S²/2) − 2 N(0)(e^{ν_N} − 1) = 11.8,
    // and a 1-4-1 network (sigmoids of a linear function of x) represents it to within a few %.
    double best = 2 * N0 * Math.exp(nuN) * (nuN + nuS * nuS / 2) - 2 * N0 * Math.expm1(nuN);
    assertTrue(plain <= best + 1e-6 && plain > 0.9 * best, "plain t = " + plain + ", best " + best);
    // with nuisances: Δ = τ (the null with ν̂ = ν is exact); the optimiser's tolerance on L is
    // ~1e−8 relative of |L| ≈ 6, so t within 1e−4 of 0.
    assertEquals(0, fit.t(), 1e-4);
    assertEquals(nuN, fit.nuDelta()[0], 1e-9);
    assertEquals(nuS, fit.nuDelta()[1], 1e-9);
  }

  @Test
  void kernelModelAndWrongAuxiliaryCountAreRefused() {
    double[] x = grid();
    double[] w = gaussianWeights(x, 0);
    NplmProblem p = NplmProblem.weighted(1, x, w, data(100, 0, 1), null, 100);
    NuisanceModel model = NuisanceModel.normalisation(0.1);
    assertThrows(
        InvalidValueException.class,
        () ->
            NuisanceTrainer.train(
                p, fastConfig().withKernel(KernelConfig.of(10, 1, 1e-6)), model, new double[1], 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> NuisanceTrainer.train(p, fastConfig(), model, new double[2], 1));
    assertThrows(
        InvalidValueException.class, () -> new NuisanceModel(Double.NaN, new double[0], null));
  }

  /** Fast mode with a single continuation start (enough for these smooth toys, and quick). */
  static NplmTrainingConfig fastConfig() {
    return NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9)
        .withOptimizer(NplmOptimizer.LBFGS)
        .withFastMode(new FastMode(ProjectedLbfgs.defaults(), 1, 30_000, 0, 1, 0.01, false));
  }
}
