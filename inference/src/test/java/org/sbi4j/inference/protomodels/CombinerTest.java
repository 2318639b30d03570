package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.junit.jupiter.api.Test;

/** K^c of two-analysis toys against hand calculations (docs/math.md §9.3-§9.4). */
class CombinerTest {
  /**
   * One particle P (100-200 GeV, σ(100) = 4 fb, σ(200) = 1 fb: σ(150) = 2 fb log-linearly), two
   * analyses at 10 fb⁻¹ with efficiency 0.2 → 0.6 (0.4 at 150 GeV) and 0.1 → 0.5 (0.3): signals 8κ
   * and 6κ events at 150 GeV.
   */
  static Database twoAnalyses(
      AnalysisLikelihood first, AnalysisLikelihood second, boolean combinable) {
    Particle p =
        new Particle("P", 100, 200, new double[] {100, 200}, new double[] {4, 1}, List.of("c"));
    double[] grid = {100, 200};
    Analysis a =
        new Analysis(
            "A",
            10,
            first,
            List.of(new EfficiencyMap("P", "c", grid, new double[][] {{0.2}, {0.6}})));
    Analysis b =
        new Analysis(
            "B",
            10,
            second,
            List.of(new EfficiencyMap("P", "c", grid, new double[][] {{0.1}, {0.5}})));
    return new Database(
        List.of(p), List.of(a, b), new boolean[][] {{false, combinable}, {combinable, false}});
  }

  static ProtoModel particleAt150(double kappa) {
    return ProtoModel.standardModel(1).with(0, 150, kappa, new double[] {1});
  }

  @Test
  void signalsFollowCrossSectionAndEfficiencyInterpolation() {
    Database db =
        twoAnalyses(
            new UpperLimitLikelihood(new TruncatedGaussian(8, 5)),
            new UpperLimitLikelihood(new TruncatedGaussian(6, 6)),
            true);
    double[][] s = db.signals(particleAt150(1.5));
    // 10 fb⁻¹ × 1.5 × 2 fb × 0.4 = 12; × 0.3 = 9
    assertEquals(12, s[0][0], 1e-12);
    assertEquals(9, s[1][0], 1e-12);
  }

  @Test
  void twoTruncatedGaussiansCombineAsWeightedLeastSquares() {
    TruncatedGaussian g1 = new TruncatedGaussian(8, 5);
    TruncatedGaussian g2 = new TruncatedGaussian(6, 6);
    double s1 = 8;
    double s2 = 6;
    // −ln L_i(μ) = (μ s_i − m_i)²/(2σ_i²) + const: μ̂ = Σ s m/σ² / Σ s²/σ², Δχ² = (Σ s m/σ²)² / Σ
    // s²/σ²; the prior: one particle with one channel has 2 free parameters, K = Δχ² − 2·0.5·2
    double num = s1 * g1.mode() / sq(g1.width()) + s2 * g2.mode() / sq(g2.width());
    double den = sq(s1 / g1.width()) + sq(s2 / g2.width());
    Combiner c =
        new Combiner(
            twoAnalyses(new UpperLimitLikelihood(g1), new UpperLimitLikelihood(g2), true),
            new Combiner.Settings(0.5, 1.3));
    Combiner.Evaluation ev = c.evaluate(particleAt150(1));
    assertEquals(num / den, ev.muHat(), 1e-7);
    assertEquals(num * num / den, ev.deltaChi2(), 1e-9);
    assertEquals(num * num / den - 2, ev.k(), 1e-9);
    assertArrayEquals(new int[] {0, 1}, ev.clique());
    // critic: μ_max = r_max / max(s_i / U_obs,i) = 1.3 / max(8/8, 6/6)
    assertEquals(1.3, ev.muMax(), 1e-12);

    // a critic that caps μ below μ̂: μ̂ = μ_max and Δχ² from the two quadratics there
    Combiner strict =
        new Combiner(
            twoAnalyses(new UpperLimitLikelihood(g1), new UpperLimitLikelihood(g2), true),
            new Combiner.Settings(0.5, 0.1));
    Combiner.Evaluation capped = strict.evaluate(particleAt150(1));
    double mu = 0.1;
    double chi2 =
        sq(g1.mode() / g1.width())
            + sq(g2.mode() / g2.width())
            - sq((mu * s1 - g1.mode()) / g1.width())
            - sq((mu * s2 - g2.mode()) / g2.width());
    assertEquals(mu, capped.muHat(), 1e-12);
    assertEquals(chi2, capped.deltaChi2(), 1e-9);
  }

  @Test
  void analysesThatCannotBeCombinedGiveTheBetterSingleOne() {
    TruncatedGaussian g1 = new TruncatedGaussian(8, 5);
    TruncatedGaussian g2 = new TruncatedGaussian(6, 6);
    Combiner c =
        new Combiner(
            twoAnalyses(new UpperLimitLikelihood(g1), new UpperLimitLikelihood(g2), false),
            new Combiner.Settings(0.25, 10));
    Combiner.Evaluation ev = c.evaluate(particleAt150(1));
    // A alone: μ̂ = m₁/s₁, Δχ² = (m₁/σ₁)²; B alone has its mode at 0 (equal limits): Δχ² = 0
    assertArrayEquals(new int[] {0}, ev.clique());
    assertEquals(g1.mode() / 8, ev.muHat(), 1e-7);
    assertEquals(sq(g1.mode() / g1.width()) - 2 * 0.25 * 2, ev.k(), 1e-9);
  }

  @Test
  void twoCountingAnalysesAgainstTheirProfiledLikelihoods() {
    CountingLikelihood a =
        new CountingLikelihood(new double[] {30}, new double[] {20}, new double[] {3}, null);
    CountingLikelihood b =
        new CountingLikelihood(new double[] {14}, new double[] {12}, new double[] {2}, null);
    Combiner c = new Combiner(twoAnalyses(a, b, true), new Combiner.Settings(0.5, 5));
    Combiner.Evaluation ev = c.evaluate(particleAt150(1));
    java.util.function.DoubleUnaryOperator f =
        mu ->
            CountingLikelihood.profiledNll(30, 20, 9, 8 * mu)
                + CountingLikelihood.profiledNll(14, 12, 4, 6 * mu);
    double muMax = 5 / Math.max(8 / a.observedLimits()[0], 6 / b.observedLimits()[0]);
    var min =
        new BrentOptimizer(1e-14, 1e-14)
            .optimize(
                new MaxEval(10_000),
                new UnivariateObjectiveFunction(f::applyAsDouble),
                GoalType.MINIMIZE,
                new SearchInterval(0, muMax));
    assertEquals(muMax, ev.muMax(), 1e-12);
    assertEquals(min.getPoint(), ev.muHat(), 1e-6);
    assertEquals(2 * (f.applyAsDouble(0) - min.getValue()), ev.deltaChi2(), 1e-9);
    assertEquals(ev.deltaChi2() - 2, ev.k(), 1e-12);
  }

  @Test
  void theStandardModelHasKZero() {
    Combiner c =
        new Combiner(
            twoAnalyses(
                new UpperLimitLikelihood(new TruncatedGaussian(8, 5)),
                new UpperLimitLikelihood(new TruncatedGaussian(6, 6)),
                true),
            new Combiner.Settings(0.5, 1.3));
    Combiner.Evaluation ev = c.evaluate(ProtoModel.standardModel(1));
    assertEquals(0, ev.k());
    assertEquals(0, ev.freeParameters());
  }

  private static double sq(double x) {
    return x * x;
  }
}
