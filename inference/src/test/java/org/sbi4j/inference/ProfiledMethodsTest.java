package org.sbi4j.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.GridEvaluator;
import org.sbi4j.inference.limits.Interval;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.NuisanceSettings;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulator;

/**
 * Profiled expected limits (θ_true = 0, ν = 0, L = 10 pb⁻¹) through {@link Limits} on simulated
 * interference-1d events with the norm and shape nuisance benchmarks: the histogram baseline and
 * the exact ratio over θ ⊕ ν against the independent profiled intervals of {@link
 * ProfiledReference}; fixing every nuisance parameter at 0 reproduces the limits of the same events
 * without nuisance parameters exactly.
 */
class ProfiledMethodsTest {
  static final double L = 10;
  static final double CHI2_95 = 3.841458820694124;
  static final ParameterGrid GRID = ParameterGrid.parse("-1:1:41");
  static final Simulator SIM = Interference1D.withNuisances();
  static EventSample file;
  static double[][] exact;

  @BeforeAll
  static void setUp() {
    file = SIM.events(100_000, 20261207L);
    ProfiledReference ref = new ProfiledReference(SIM, L, -5, 40);
    exact =
        new double[][] {
          {ref.crossing(1, -1, 0), ref.crossing(1, 0, 1)},
          {ref.crossing(CHI2_95, -1, 0), ref.crossing(CHI2_95, 0, 1)}
        };
  }

  private static LimitsResult expected(
      EventSample events, LimitSource source, NuisanceSettings settings) {
    return expected(events, source, settings, GRID);
  }

  private static LimitsResult expected(
      EventSample events, LimitSource source, NuisanceSettings settings, ParameterGrid grid) {
    return Limits.expected(
        events, source, new double[] {0}, L, grid, GridEvaluator.LOCAL, settings);
  }

  private static void within(LimitsResult r, double tol68, double tol95) {
    Interval[] got = {
      r.scan().intervals().get("theta").cl68(), r.scan().intervals().get("theta").cl95()
    };
    double[] tol = {tol68, tol95};
    for (int c = 0; c < 2; c++) {
      System.out.printf(
          java.util.Locale.ROOT,
          "%s profiled: %s (exact %s); ν̂ %s%n",
          r.method(),
          Arrays.toString(got[c].bounds()),
          Arrays.toString(exact[c]),
          r.nuisances().bestFitByName());
      assertEquals(exact[c][0], got[c].lower(), tol[c]);
      assertEquals(exact[c][1], got[c].upper(), tol[c]);
    }
  }

  @Test
  void histogramWithProfiledNuisancesIsWithinTheIssueTolerances() {
    LimitsResult r = expected(file, LimitSource.histogram(List.of("x")), NuisanceSettings.DEFAULT);
    assertNotNull(r.nuisances());
    assertEquals(List.of("norm", "shape"), r.nuisances().names());
    assertEquals(GRID.size(), r.nuisances().profile().length);
    // The issue's tolerances for approximate methods: 0.03 (68 %) and 0.05 (95 %).
    within(r, 0.03, 0.05);
    // Asimov data at ν = 0: the best fit is at ν̂ = 0 up to the sample's Monte Carlo noise.
    assertEquals(0, r.nuisances().bestFit()[0], 0.05);
    assertEquals(0, r.nuisances().bestFit()[1], 0.05);
  }

  @Test
  void exactRatioOverThetaAndNuisancesOnSimulatedEvents() {
    LimitsResult r =
        expected(
            file,
            new LimitSource.Ratio("exact", ExactRatio.withNuisances(SIM, new double[] {0.5})),
            NuisanceSettings.DEFAULT,
            ParameterGrid.parse("-1:1:21")); // the ends are solved on the continuous q anyway
    // Unlike the histogram, whose counts and templates share the events, the exact event term
    // Σ_i w_i log p(x_i|θ,ν) over the 20 000 test events carries Monte Carlo noise that the
    // profiled
    // shape nuisance enlarges: δq ≈ 2 n std(Δlog p)/√N ≈ 0.15 at the 95 % ends, where dq/dθ ≈ 10,
    // so the ends move by ~0.02 (seen: 0.007 at 68 %, 0.022 at 95 %). The exactness of this path
    // is ProfiledLimitsTest's (1e-3 against quadrature); here the issue's 0.03 / 0.05 apply.
    within(r, 0.03, 0.05);
  }

  @Test
  void sallyWithTheScoresNuisanceComponentsIsWithinTheIssueTolerances() {
    // SALLY with a score over θ ⊕ ν (the exact score at θ_ref = 0, ν = 0): histograms of its θ
    // component, the templates morphed per bin in ν.
    LimitsResult r =
        expected(
            file,
            LimitSource.sally(ExactRatio.withNuisances(SIM, new double[] {0})),
            NuisanceSettings.DEFAULT);
    within(r, 0.03, 0.05);
  }

  @Test
  void fixingOneNuisanceKeepsItAtItsValue() {
    LimitsResult r =
        expected(
            file,
            LimitSource.histogram(List.of("x")),
            new NuisanceSettings(true, Map.of("norm", 0.5), NuisanceMorphing.Policy.ERROR));
    assertEquals(Map.of("norm", 0.5), r.nuisances().fixed());
    for (double[] nu : r.nuisances().profile()) {
      assertEquals(0.5, nu[0], 0);
    }
  }

  @Test
  void noNuisancesWithAModelOverThetaAndNuReproducesTheNuisanceFreeModel() {
    EventSample plain = new Interference1D().events(100_000, 20261207L);
    NuisanceSettings none = new NuisanceSettings(false, Map.of(), NuisanceMorphing.Policy.ERROR);
    ParameterGrid grid = ParameterGrid.parse("-1:1:11");
    LimitsResult a =
        expected(
            file,
            new LimitSource.Ratio("exact", ExactRatio.withNuisances(SIM, new double[] {0.5})),
            none,
            grid);
    LimitsResult b =
        expected(
            plain,
            new LimitSource.Ratio("exact", new ExactRatio(SIM, new double[] {0.5})),
            NuisanceSettings.DEFAULT,
            grid);
    assertNull(a.nuisances());
    assertArrayEquals(b.scan().q(), a.scan().q(), 0);
    assertArrayEquals(
        b.scan().intervals().get("theta").cl68().bounds(),
        a.scan().intervals().get("theta").cl68().bounds(),
        0);
  }

  @Test
  void noNuisancesReproducesTheFileWithoutNuisancesExactly() {
    EventSample plain = new Interference1D().events(100_000, 20261207L);
    NuisanceSettings none = new NuisanceSettings(false, Map.of(), NuisanceMorphing.Policy.ERROR);
    LimitSource hist = LimitSource.histogram(List.of("x"));
    LimitsResult a = expected(file, hist, none);
    LimitsResult b = expected(plain, hist, NuisanceSettings.DEFAULT);
    assertNull(a.nuisances());
    assertArrayEquals(b.scan().q(), a.scan().q(), 0);
    assertArrayEquals(b.scan().bestFit(), a.scan().bestFit(), 0);
    assertArrayEquals(
        b.scan().intervals().get("theta").cl95().bounds(),
        a.scan().intervals().get("theta").cl95().bounds(),
        0);
  }
}
