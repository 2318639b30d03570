package org.sbi4j.inference.likelihood;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The profile of a Gaussian log L(θ, ν) = −½ (x − θ − c·ν)ᵀ (x − θ − c·ν) / s² with two nuisance
 * parameters, constraint −½|ν|² added by the profiler, has the closed form max_ν = −½ (x − θ)² /
 * (s² + |c|²) at ν̂̂ = c (x − θ) / (s² + |c|²) (one observation x, θ scalar). Checked with analytic
 * gradients and with central differences, fixed nuisance parameters, warm starts in both
 * directions, and a grid fitted as two concurrent chains (the same numbers on one thread and on
 * three).
 */
class ProfiledLikelihoodTest {
  static final double X = 0.3;
  static final double S2 = 0.04;
  static final double[] C = {0.15, -0.1};

  /** The Gaussian log L without constraint. */
  static final NuisanceLikelihood GAUSS =
      new NuisanceLikelihood() {
        @Override
        public int dimension() {
          return 1;
        }

        @Override
        public List<String> nuisanceNames() {
          return List.of("a", "b");
        }

        @Override
        public double evaluate(double[] theta, double[] nu, double[] gradient) {
          double r = X - theta[0] - C[0] * nu[0] - C[1] * nu[1];
          if (gradient != null) {
            gradient[0] = r * C[0] / S2;
            gradient[1] = r * C[1] / S2;
          }
          return -0.5 * r * r / S2;
        }
      };

  static double exact(double theta) {
    double d = X - theta;
    return -0.5 * d * d / (S2 + C[0] * C[0] + C[1] * C[1]);
  }

  @Test
  void analyticGradientsGiveTheClosedFormProfile() {
    check(new ProfiledLikelihood(GAUSS, new double[] {Double.NaN, Double.NaN}, true));
  }

  @Test
  void centralDifferencesGiveTheClosedFormProfile() {
    check(new ProfiledLikelihood(GAUSS, new double[] {Double.NaN, Double.NaN}, false));
  }

  private static void check(ProfiledLikelihood p) {
    double denom = S2 + C[0] * C[0] + C[1] * C[1];
    // a scan up, then points back down and in between (warm starts from either side)
    double[] thetas = {-1, -0.5, 0, 0.5, 1, 0.25, -0.75, 0.3};
    for (double t : thetas) {
      ProfiledLikelihood.Fit f = p.profile(new double[] {t});
      // Newton decrement below 1e-6 after the last step, the quadratic model exact here: the
      // value is exact to rounding; ν̂̂ to ~√(2·1e-9 / curvature) at worst, far better in practice.
      assertEquals(exact(t), f.value(), 1e-9, "log L_prof at " + t);
      assertEquals(C[0] * (X - t) / denom, f.nu()[0], 1e-4, "ν̂̂_a at " + t);
      assertEquals(C[1] * (X - t) / denom, f.nu()[1], 1e-4, "ν̂̂_b at " + t);
    }
  }

  @Test
  void aFixedNuisanceKeepsItsValueAndTheOtherIsProfiled() {
    ProfiledLikelihood p = new ProfiledLikelihood(GAUSS, new double[] {0.5, Double.NaN}, true);
    double theta = -0.2;
    // with ν_a = 0.5 fixed: −½ (y − c_b ν_b)²/s² − ½ ν_b² − ½ 0.25, y = x − θ − c_a/2
    double y = X - theta - C[0] * 0.5;
    double denom = S2 + C[1] * C[1];
    ProfiledLikelihood.Fit f = p.profile(new double[] {theta});
    assertEquals(0.5, f.nu()[0], 0);
    assertEquals(-0.5 * y * y / denom - 0.125, f.value(), 1e-9);
    assertEquals(C[1] * y / denom, f.nu()[1], 1e-4);
  }

  /** The 41-point grid of {@code p}, fitted (as two chains when concurrent) in {@code pool}. */
  private static double[] grid(ProfiledLikelihood p, ForkJoinPool pool) throws Exception {
    double[][] thetas = new double[41][];
    for (int g = 0; g < thetas.length; g++) {
      thetas[g] = new double[] {-1 + g * 0.05};
    }
    try {
      return pool.submit(() -> p.evaluate(thetas)).get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aGridFittedAsTwoChainsIsTheClosedFormOnAnyNumberOfThreads() throws Exception {
    double[] nan = {Double.NaN, Double.NaN};
    double[] one = grid(new ProfiledLikelihood(GAUSS, nan, true, true), new ForkJoinPool(1));
    double[] three = grid(new ProfiledLikelihood(GAUSS, nan, true, true), new ForkJoinPool(3));
    // the chains are fixed by the grid, not by the threads: equal to the last bit
    assertArrayEquals(one, three, 0.0);
    ProfiledLikelihood chained = new ProfiledLikelihood(GAUSS, nan, true, true);
    double[] values = grid(chained, new ForkJoinPool(2));
    assertArrayEquals(one, values, 0.0);
    double denom = S2 + C[0] * C[0] + C[1] * C[1];
    for (int g = 0; g < values.length; g++) {
      double t = -1 + g * 0.05;
      // as in check(): exact to rounding once the Newton decrement is below 1e-6
      assertEquals(exact(t), values[g], 1e-9, "log L_prof at " + t);
      // the fit is kept: asking the point again returns it unchanged
      ProfiledLikelihood.Fit f = chained.profile(new double[] {t});
      assertEquals(values[g], f.value(), 0.0);
      assertEquals(C[0] * (X - t) / denom, f.nu()[0], 1e-4, "ν̂̂_a at " + t);
    }
  }
}
