package org.sbi4j.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.NuisanceEvents;
import org.sbi4j.inference.likelihood.NuisanceExtendedLikelihood;
import org.sbi4j.inference.likelihood.ProfiledLikelihood;
import org.sbi4j.inference.limits.Interval;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LikelihoodScan;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.ScanResult;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.testing.SimulatorQuadrature;

/**
 * The exact test of profiled limits: expected (Asimov, θ_true = 0, ν = 0) intervals of
 * interference-1d with its two nuisance parameters profiled, through the library's likelihood
 * (exact log r over θ ⊕ ν, σ(θ, ν) from nuisance morphing of parton-level quadrature events, the
 * quasi-Newton profile, its grid fitted as two chains), against an independent computation: q(θ) =
 * min_ν {2L[∫ dσ_t log(dσ_t / dσ_{θ,ν}) dx + σ(θ,ν) − σ_t] + |ν|²} with the simulator's exact σ(θ,
 * ν) p(x|θ, ν) on another quadrature rule (16-point panels) and minimised by Nelder–Mead from ν = 0
 * (no warm start, no gradients), its crossings found by Brent's method.
 */
class ProfiledLimitsTest {
  static final double LO = -5;
  static final double HI = 40;
  static final double CHI2_95 = 3.841458820694124;
  private final Simulator sim = Interference1D.withNuisances();

  /** The library's profiled and ν = 0 scans at L. */
  ScanResult[] library(double lumi) {
    EventSample parton = SimulatorQuadrature.partonEvents(sim, 0, 80, 400);
    MorphedEvents rate = new MorphedEvents(parton);
    MorphedEvents test =
        new MorphedEvents(SimulatorQuadrature.quadratureEvents(new Interference1D(), LO, HI, 300));
    Dataset asimov = Dataset.asimov(test, rate, new double[] {0}, lumi);
    NuisanceEvents events =
        new NuisanceEvents(rate, parton.nuisanceMorphing(NuisanceMorphing.Policy.ERROR));
    NuisanceExtendedLikelihood ll =
        new NuisanceExtendedLikelihood(
            ExactRatio.withNuisances(sim, new double[] {0.5}),
            asimov,
            events,
            sim.nuisances().names(),
            lumi);
    ParameterGrid grid = ParameterGrid.parse("-1:1:41");
    ScanResult profiled =
        LikelihoodScan.run(
            new ProfiledLikelihood(ll, new double[] {Double.NaN, Double.NaN}, true, true),
            List.of("theta"),
            grid);
    ScanResult fixed =
        LikelihoodScan.run(
            new ExtendedLikelihood(new ExactRatio(sim, new double[] {0.5}), asimov, rate, lumi),
            List.of("theta"),
            grid);
    return new ScanResult[] {profiled, fixed};
  }

  @Test
  void profiledIntervalsAtL10MatchIndependentProfile() {
    check(10);
  }

  @Test
  void profiledIntervalsAtL100MatchIndependentProfile() {
    check(100);
  }

  private void check(double lumi) {
    ScanResult[] lib = library(lumi);
    ProfiledReference ref = new ProfiledReference(sim, lumi, LO, HI);
    Intervals prof = lib[0].intervals().get("theta");
    Intervals fixed = lib[1].intervals().get("theta");
    assertEquals(0, lib[0].bestFit()[0], 1e-4);
    double[][] expect = new double[2][];
    double[][] expectFixed = new double[2][];
    double[] levels = {1, CHI2_95};
    for (int c = 0; c < 2; c++) {
      expect[c] = new double[] {ref.crossing(levels[c], -1, 0), ref.crossing(levels[c], 0, 1)};
      expectFixed[c] =
          new double[] {ref.fixedCrossing(levels[c], -1, 0), ref.fixedCrossing(levels[c], 0, 1)};
    }
    Interval[] got = {prof.cl68(), prof.cl95()};
    Interval[] gotFixed = {fixed.cl68(), fixed.cl95()};
    for (int c = 0; c < 2; c++) {
      System.out.printf(
          java.util.Locale.ROOT,
          "L = %s, level %s: profiled %s (reference %s), ν = 0 %s (reference %s)%n",
          lumi,
          levels[c],
          java.util.Arrays.toString(got[c].bounds()),
          java.util.Arrays.toString(expect[c]),
          java.util.Arrays.toString(gotFixed[c].bounds()),
          java.util.Arrays.toString(expectFixed[c]));
      // The tolerance, 1e-3: both sides integrate smooth functions with Gauss–Legendre
      // rules accurate to far better, and both maximisations converge to ~1e-10 in q.
      assertEquals(expect[c][0], got[c].lower(), 1e-3);
      assertEquals(expect[c][1], got[c].upper(), 1e-3);
      assertEquals(expectFixed[c][0], gotFixed[c].lower(), 1e-3);
      assertEquals(expectFixed[c][1], gotFixed[c].upper(), 1e-3);
      double widening = width(got[c]) - width(gotFixed[c]);
      double exactWidening = expect[c][1] - expect[c][0] - (expectFixed[c][1] - expectFixed[c][0]);
      assertTrue(widening > 0, "profiling must widen the interval");
      assertEquals(exactWidening, widening, 1e-3);
    }
  }

  private static double width(Interval i) {
    return i.upper() - i.lower();
  }
}
