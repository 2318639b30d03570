package org.sbi4j.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LikelihoodScan;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.ScanResult;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.SimulatorQuadrature;

/**
 * The accuracy test on interference-1d at L = 10 pb⁻¹, θ_true = 0: expected intervals from
 * the exact log r through the library's likelihood, Asimov weights and scan, against an independent
 * numerical integration of q(θ) = 2L[∫ dσ_t log(dσ_t/dσ_θ) dx + σ(θ) − σ_t] (adaptive
 * Gauss–Legendre on the simulator's density, no morphing, no estimator).
 */
class Interference1DLimitsTest {
  static final double L = 10;
  static final double LO = -5;
  static final double HI = 40;
  private final Simulator sim = Simulators.INTERFERENCE_1D.create();

  double independentQ(double theta, double thetaTrue) {
    return SimulatorQuadrature.asimovQ(sim, theta, thetaTrue, L, LO, HI);
  }

  double crossing(double level, double a, double b, double thetaTrue) {
    return new BrentSolver(1e-12).solve(1000, x -> independentQ(x, thetaTrue) - level, a, b);
  }

  @Test
  void exactRatioIntervalsMatchNumericalIntegration() {
    EventSample events = SimulatorQuadrature.quadratureEvents(sim, LO, HI, 300);
    MorphedEvents ev = new MorphedEvents(events);
    Dataset asimov = Dataset.asimov(ev, ev, new double[] {0}, L);
    assertEquals(L * 1, asimov.count(), 1e-9); // σ(0) = 1 pb
    ExtendedLikelihood ll =
        new ExtendedLikelihood(new ExactRatio(sim, new double[] {0.5}), asimov, ev, L);
    ScanResult r = LikelihoodScan.run(ll, List.of("theta"), ParameterGrid.parse("-1:1:41"));
    assertEquals(0, r.bestFit()[0], 1e-3);
    Intervals iv = r.intervals().get("theta");
    // The tolerance is 1e-3; the two integrations of a smooth integrand agree far better.
    assertEquals(crossing(1, -1, 0, 0), iv.cl68().lower(), 1e-3);
    assertEquals(crossing(1, 0, 1, 0), iv.cl68().upper(), 1e-3);
    assertEquals(crossing(3.841458820694124, -1, 0, 0), iv.cl95().lower(), 1e-3);
    assertEquals(crossing(3.841458820694124, 0, 1, 0), iv.cl95().upper(), 1e-3);
    System.out.printf(
        "interference-1d exact: 68%% %s, 95%% %s%n",
        java.util.Arrays.toString(iv.cl68().bounds()),
        java.util.Arrays.toString(iv.cl95().bounds()));
  }

  @Test
  void simulatedEventsExactAndHistogramLimits() {
    EventSample file = simulatedFile(sim);
    LimitsResult exact = expected(file, exactSource(sim));
    LimitsResult hist = expected(file, LimitSource.histogram(List.of("x")));
    double[] ref68 = {crossing(1, -1, 0, 0), crossing(1, 0, 1, 0)};
    double[] ref95 = {crossing(3.841458820694124, -1, 0, 0), crossing(3.841458820694124, 0, 1, 0)};
    Intervals e = exact.scan().intervals().get("theta");
    Intervals h = hist.scan().intervals().get("theta");
    System.out.printf(
        "MC exact 68%% %s 95%% %s; histogram 68%% %s 95%% %s%n",
        java.util.Arrays.toString(e.cl68().bounds()),
        java.util.Arrays.toString(e.cl95().bounds()),
        java.util.Arrays.toString(h.cl68().bounds()),
        java.util.Arrays.toString(h.cl95().bounds()));
    // The Asimov sum over the 40 000 test events has Monte Carlo noise: the best fit moves by
    // ~1/√(N_test I_event) ≈ 0.003, so the exact-ratio ends agree with the integration to 0.01.
    assertEquals(ref68[0], e.cl68().lower(), 0.01);
    assertEquals(ref68[1], e.cl68().upper(), 0.01);
    assertEquals(ref95[0], e.cl95().lower(), 0.01);
    assertEquals(ref95[1], e.cl95().upper(), 0.01);
    // The tolerances for approximate methods: 0.03 (68 %) and 0.05 (95 %).
    assertEquals(ref68[0], h.cl68().lower(), 0.03);
    assertEquals(ref68[1], h.cl68().upper(), 0.03);
    assertEquals(ref95[0], h.cl95().lower(), 0.05);
    assertEquals(ref95[1], h.cl95().upper(), 0.05);
    assertEquals(10, exact.events(), 0.05); // L σ(0) with σ estimated from 200 000 weighted events
  }

  /** 200 000 simulated events at θ = 0, the file this test and {@link SallyTest} scan. */
  static EventSample simulatedFile(Simulator sim) {
    return sim.events(200_000, 20261123L);
  }

  /** The exact ratio against θ_ref = 0.5 as a limit source. */
  static LimitSource exactSource(Simulator sim) {
    return new LimitSource.Ratio("exact", new ExactRatio(sim, new double[] {0.5}));
  }

  /** Expected limits for θ_true = 0 at L on the grid −1:1:41 from {@code source}. */
  static LimitsResult expected(EventSample file, LimitSource source) {
    return Limits.expected(file, source, new double[] {0}, L, ParameterGrid.parse("-1:1:41"));
  }
}
