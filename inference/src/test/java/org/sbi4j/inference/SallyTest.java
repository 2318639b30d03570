package org.sbi4j.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.fisher.FisherInformation;
import org.sbi4j.inference.fisher.FisherMatrix;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.SimulatorQuadrature;

/** SALLY with the exact score of interference-1d: Fisher information and histogram limits. */
class SallyTest {
  private final Simulator sim = Simulators.INTERFERENCE_1D.create();

  /** Detector-level information L ∫ σ p (∂ log(σ p))² dx = L ∫ (∂dσ_x)²/dσ_x dx, numerically. */
  double detectorInformation(double theta, double lumi) {
    double[] t = {theta};
    double s = sim.crossSection(t);
    double ds = 2 * theta; // σ(θ) = 1 + θ²
    return lumi
        * new IterativeLegendreGaussIntegrator(24, 1e-12, 1e-14)
            .integrate(
                1_000_000,
                x -> {
                  double[] xx = {x};
                  double p = Math.exp(sim.logLikelihood(xx, t));
                  double total = sim.score(xx, t)[0] + ds / s; // ∂ log(σ p)
                  return s * p * total * total;
                },
                -5,
                40);
  }

  @Test
  void sallyFisherWithTheExactScoreIsTheDetectorLevelInformation() {
    for (double theta : new double[] {0, 0.3}) {
      EventSample q = SimulatorQuadrature.quadratureEvents(sim, -5, 40, 300);
      MorphedEvents ev = new MorphedEvents(q);
      FisherMatrix f =
          FisherInformation.sally(
              ev, ev, new ExactRatio(sim, new double[] {theta}), new double[] {theta}, 10);
      double expected = detectorInformation(theta, 10);
      // Both are quadratures of the same smooth integrand with different rules: ~1e-9 relative.
      assertEquals(expected, f.matrix()[0][0], 1e-7 * expected);
    }
  }

  @Test
  void sallyHistogramLimitsAreCloseToTheExactOnes() {
    EventSample file = Interference1DLimitsTest.simulatedFile(sim);
    LimitsResult exact =
        Interference1DLimitsTest.expected(file, Interference1DLimitsTest.exactSource(sim));
    LimitsResult sally =
        Interference1DLimitsTest.expected(
            file, LimitSource.sally(new ExactRatio(sim, new double[] {0})));
    Intervals e = exact.scan().intervals().get("theta");
    Intervals s = sally.scan().intervals().get("theta");
    // The tolerances for approximate methods against the exact ones: the score at θ = 0
    // is the locally sufficient statistic, so near θ_true SALLY loses little.
    assertEquals(e.cl68().lower(), s.cl68().lower(), 0.03);
    assertEquals(e.cl68().upper(), s.cl68().upper(), 0.03);
    assertEquals(e.cl95().lower(), s.cl95().lower(), 0.05);
    assertEquals(e.cl95().upper(), s.cl95().upper(), 0.05);
  }
}
