package org.sbi4j.inference.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * One bin, n observed, signal s·μ and a known background b: q_μ, its Asimov value, CLs and the
 * upper limits against the closed forms of Cowan, Cranmer, Gross and Vitells (docs/math.md §6.7).
 * With μ̂ = (n − b)/s ≤ μ: q_μ = 2[μs + b − n + n ln(n/(μs + b))], q_μ,A = 2[μs − b ln(1 + μs/b)];
 * CLs+b = 1 − Φ(√q_μ), CLb = Φ(√q_μ,A − √q_μ), expected CLs(N) = Φ(−N − √q_μ,A)/Φ(−N).
 */
class CountingExperimentTest {
  static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
  static final double S = 10;
  static final double B = 50;
  static final double N = 52;

  static HistFactoryModel model() {
    return model(S, B, N);
  }

  /** One bin: signal s with a free normfactor mu, background b, n observed. */
  static HistFactoryModel model(double s, double b, double n) {
    return HistFactoryModel.of(
        TestWorkspaces.signalPlusBackground(
            new double[] {s}, new double[] {b}, List.of(), new double[] {n}));
  }

  static double q(double mu) {
    double l = mu * S + B;
    return 2 * (l - N + N * Math.log(N / l));
  }

  static double qa(double mu) {
    return 2 * (mu * S - B * Math.log(1 + mu * S / B));
  }

  static double cls(double mu) {
    double sq = Math.sqrt(q(mu));
    return (1 - NORMAL.cumulativeProbability(sq))
        / NORMAL.cumulativeProbability(Math.sqrt(qa(mu)) - sq);
  }

  static double expectedCls(double mu, double nSigma) {
    return NORMAL.cumulativeProbability(-nSigma - Math.sqrt(qa(mu)))
        / NORMAL.cumulativeProbability(-nSigma);
  }

  @Test
  void testStatisticAndClsMatchClosedForms() {
    HistFactoryModel model = model();
    for (double mu : new double[] {0.5, 1, 2, 3.5}) {
      AsymptoticCalculator.Result r =
          new AsymptoticCalculator(new Fitter(model), model.observedData(), TestStatistic.Q)
              .test(mu);
      assertEquals(q(mu), r.testStatValue(), 1e-7);
      assertEquals(qa(mu), r.testStatAsimov(), 1e-7);
      assertEquals(cls(mu), r.clsObserved(), 1e-6 * cls(mu));
      assertEquals(1 - NORMAL.cumulativeProbability(Math.sqrt(q(mu))), r.clsb(), 1e-7);
      for (int i = 0; i < 5; i++) {
        double e = expectedCls(mu, 2 - i);
        assertEquals(e, r.clsExpected()[i], 1e-6 * e, "band " + i);
      }
    }
  }

  @Test
  void upperLimitsMatchClosedForms() {
    HistFactoryModel model = model();
    UpperLimit.Result r =
        UpperLimit.compute(
            new Fitter(model), model.observedData(), TestStatistic.Q, 0.1, 6, 30, 0.05);
    BrentSolver brent = new BrentSolver(1e-12);
    double observed = brent.solve(1000, mu -> cls(mu) - 0.05, 0.3, 6);
    assertEquals(observed, r.observed(), 1e-5);
    for (int i = 0; i < 5; i++) {
      double n = 2 - i;
      double expected = brent.solve(1000, mu -> expectedCls(mu, n) - 0.05, 0.1, 6);
      assertEquals(expected, r.expected()[i], 1e-5, "band " + i);
    }
  }

  @Test
  void q0AndTmuMatchClosedForms() {
    HistFactoryModel model = model();
    Fitter fitter = new Fitter(model);
    double t0 = 2 * (B - N + N * Math.log(N / B));
    assertEquals(t0, TestStatistic.Q0.evaluate(fitter, model.observedData(), 0).value(), 1e-7);
    assertEquals(q(2), TestStatistic.TMU.evaluate(fitter, model.observedData(), 2).value(), 1e-7);
    assertEquals(0, TestStatistic.Q.evaluate(fitter, model.observedData(), 0.1).value(), 1e-12);
  }
}
