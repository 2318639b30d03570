package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.histfactory.AsymptoticCalculator;
import org.sbi4j.inference.histfactory.Fitter;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.TestStatistic;
import org.sbi4j.inference.histfactory.Workspace;

/**
 * Counting regions (docs/math.md §9.1): the profiled likelihood against numerical minimisation, CLs
 * and the limits against the HistFactory likelihood of the same region (a staterror modifier is the
 * same Gaussian constraint) and the closed form without uncertainty.
 */
class CountingLikelihoodTest {
  /** −ln L before profiling: λ − n ln λ + θ²/(2v). */
  static double raw(double n, double b, double v, double s, double theta) {
    double lambda = b + s + theta;
    return lambda - n * Math.log(lambda) + theta * theta / (2 * v);
  }

  @Test
  void closedFormProfileMatchesNumericalMinimisation() {
    double[][] cases = {
      {20, 18, 9, 0}, {20, 18, 9, 7}, {3, 10, 4, 0}, {0, 5, 1, 2}, {50, 30, 100, 5}
    };
    for (double[] c : cases) {
      double n = c[0];
      double b = c[1];
      double v = c[2];
      double s = c[3];
      double lo = -b - s + 1e-12;
      double min =
          new BrentOptimizer(1e-14, 1e-14)
              .optimize(
                  new MaxEval(10_000),
                  new UnivariateObjectiveFunction(t -> raw(n, b, v, s, t)),
                  GoalType.MINIMIZE,
                  new SearchInterval(lo, 10 * (b + s + v + n) + 10))
              .getValue();
      // Brent locates the minimum to ~1e-7 in θ, so −ln L to ~1e-12 (quadratic there)
      assertEquals(
          min, CountingLikelihood.profiledNll(n, b, v, s), 1e-9, java.util.Arrays.toString(c));
    }
  }

  @Test
  void newtonProfileMatchesSumOfRegionsAndNumericalMinimisation() {
    CountingLikelihood diag =
        new CountingLikelihood(
            new double[] {12, 30}, new double[] {10, 25}, new double[] {2, 4}, null);
    double[] s = {3, 1.5};
    double sum =
        CountingLikelihood.profiledNll(12, 10, 4, 3)
            + CountingLikelihood.profiledNll(30, 25, 16, 1.5);
    assertEquals(sum, diag.profiledNll(s), 1e-9);

    double[][] cov = {{4, 3}, {3, 16}};
    CountingLikelihood corr =
        new CountingLikelihood(new double[] {12, 30}, new double[] {10, 25}, null, cov);
    double det = 4 * 16 - 9;
    double[][] inv = {{16 / det, -3 / det}, {-3 / det, 4 / det}};
    double min =
        new SimplexOptimizer(1e-15, 1e-15)
            .optimize(
                new MaxEval(100_000),
                new ObjectiveFunction(
                    t -> {
                      double q = 0;
                      for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                          q += 0.5 * t[i] * inv[i][j] * t[j];
                        }
                      }
                      double l0 = 10 + s[0] + t[0];
                      double l1 = 25 + s[1] + t[1];
                      if (l0 <= 0 || l1 <= 0) {
                        return Double.MAX_VALUE;
                      }
                      return l0 - 12 * Math.log(l0) + l1 - 30 * Math.log(l1) + q;
                    }),
                GoalType.MINIMIZE,
                new InitialGuess(new double[] {0, 0}),
                new NelderMeadSimplex(2))
            .getValue();
    // Nelder–Mead converges to ~1e-10 in −ln L on this smooth convex problem
    assertEquals(min, corr.profiledNll(s), 1e-8);
  }

  @Test
  void clsMatchesHistFactoryOnTheSameRegion() {
    double n = 27;
    double b = 20;
    double delta = 3;
    Workspace ws =
        new Workspace(
            "1.0.0",
            List.of(
                new Workspace.Channel(
                    "sr",
                    List.of(
                        new Workspace.Sample(
                            "signal",
                            new double[] {1},
                            List.of(Workspace.Modifier.plain("mu", ModifierType.NORMFACTOR))),
                        new Workspace.Sample(
                            "background",
                            new double[] {b},
                            List.of(
                                Workspace.Modifier.perBin(
                                    "stat", ModifierType.STATERROR, new double[] {delta})))))),
            List.of(new Workspace.Observation("sr", new double[] {n})),
            List.of(new Workspace.Measurement("m", "mu", List.of())));
    HistFactoryModel model = HistFactoryModel.of(ws);
    AsymptoticCalculator calc =
        new AsymptoticCalculator(new Fitter(model), model.observedData(), TestStatistic.QTILDE);
    for (double s : new double[] {2, 8, 15, 25}) {
      // the HistFactory fits converge to ~1e-7 relative in −ln L: CLs agree to ~1e-5
      assertEquals(calc.test(s).clsObserved(), RegionLimits.cls(n, b, delta * delta, s), 2e-5);
    }
    double limit = RegionLimits.observed(n, b, delta * delta);
    assertEquals(0.05, RegionLimits.cls(n, b, delta * delta, limit), 1e-9);
    assertEquals(0.05, calc.test(limit).clsObserved(), 2e-5);
  }

  @Test
  void expectedLimitWithoutUncertaintyMatchesTheClosedForm() {
    // v → 0: q_A(s) = 2 [s − b ln(1 + s/b)] (Cowan et al.), whose root at 1.96² is found here
    double b = 12;
    double v = 1e-12;
    double z2 = Math.pow(TruncatedGaussian.Z975, 2);
    double root =
        new org.apache.commons.math3.analysis.solvers.BrentSolver(1e-13)
            .solve(200, s -> 2 * (s - b * Math.log(1 + s / b)) - z2, 0.1, 100);
    assertEquals(root, RegionLimits.expected(b, v), 1e-6);
  }

  @Test
  void fakesHaveThePoissonPlusGaussianMoments() {
    CountingLikelihood c =
        new CountingLikelihood(new double[] {0}, new double[] {40}, new double[] {3}, null);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
    int draws = 20_000;
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < draws; i++) {
      double n = c.fake(rng).observed()[0];
      sum += n;
      sum2 += n * n;
    }
    double mean = sum / draws;
    double var = sum2 / draws - mean * mean;
    // mean b, variance b + δ² = 49; 5σ statistical tolerances: √(49/N) and √(2·49²/N)
    assertEquals(40, mean, 5 * Math.sqrt(49.0 / draws));
    assertEquals(49, var, 5 * Math.sqrt(2 * 49.0 * 49 / draws));
  }

  @Test
  void refusesACovarianceThatIsNotPositiveDefinite() {
    double[] n = {10, 12};
    double[] b = {9, 11};
    String m =
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new CountingLikelihood(n, b, null, new double[][] {{1, 2}, {2, 1}}))
            .getMessage();
    org.junit.jupiter.api.Assertions.assertTrue(m.contains("positive definite"), m);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new CountingLikelihood(n, b, null, new double[][] {{1, 0.5}, {0.2, 1}}));
  }
}
