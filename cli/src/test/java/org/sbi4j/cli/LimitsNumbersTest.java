package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sbi4j.testing.AllClose.assertAllClose;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.SimulatorQuadrature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sbi4j limits} (expected and observed) writes the library's numbers — {@link Limits} called
 * directly on the same files gives the same doubles — and, on an event file that carries the exact
 * interference-1d density, the histogram's q(θ) and 68 %/95 % intervals equal those of a naive
 * binned Asimov likelihood over exactly integrated bins, and never exceed the unbinned exact q.
 */
class LimitsNumbersTest {
  @TempDir Path dir;

  static final double L = 10;
  static final String GRID = "-1:1:41";
  static final int PANELS = 300;
  static final double Q95 = 3.841458820694124;
  private final Simulator sim = Simulators.INTERFERENCE_1D.create();

  private static JsonNode limits(Object... args) {
    CliRun run =
        CliRun.of("limits --histogram x --luminosity", L, "--grid", GRID, "--json -", args);
    assertEquals(0, run.exitCode(), run.err());
    return JsonMapper.builder().build().readTree(run.out());
  }

  private static double[] array(JsonNode n) {
    double[] v = new double[n.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = n.get(i).asDouble();
    }
    return v;
  }

  /** Every number of the JSON equals the library's result (JSON keeps doubles exact). */
  private static void assertSameAsLibrary(LimitsResult lib, JsonNode r) {
    assertAllClose(lib.scan().q(), array(r.get("q")), 0, "q");
    assertAllClose(lib.scan().pValues(), array(r.get("pValues")), 0, "pValues");
    assertAllClose(lib.scan().bestFit(), array(r.get("bestFit")), 0, "bestFit");
    Intervals iv = lib.scan().intervals().get("theta");
    JsonNode j = r.get("intervals").get("theta");
    assertAllClose(iv.cl68().bounds(), array(j.get("cl68")), 0, "cl68");
    assertAllClose(iv.cl95().bounds(), array(j.get("cl95")), 0, "cl95");
    assertEquals(lib.events(), r.get("events").asDouble(), 0);
  }

  @Test
  void expectedAndObservedEqualTheLibraryCall() throws Exception {
    Path events = TestEvents.interference1d(5_000, 41);
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "x\n0.3\n1.2\n0.8\n2.5\n0.1\n1.7\n0.9\n3.1\n0.4\n1.1\n0.05\n4.2\n");
    EventSample file = DataFiles.events(events);
    ParameterGrid grid = ParameterGrid.parse(GRID);
    LimitSource hist = LimitSource.histogram(List.of("x"));

    JsonNode exp = limits("--events", events, "--theta-true 0.2 --plot", dir.resolve("e"));
    assertSameAsLibrary(Limits.expected(file, hist, new double[] {0.2}, L, grid), exp);
    JsonNode obs = limits("--events", events, "--observed", data, "--plot", dir.resolve("o"));
    assertEquals("observed", obs.get("mode").asString());
    assertSameAsLibrary(Limits.observed(file, DataFiles.observed(data), hist, L, grid), obs);
  }

  /** The unbinned Asimov q(θ) = 2L[∫dσ_t log(dσ_t/dσ_θ) dx + σ(θ) − σ_t], adaptive quadrature. */
  double exactQ(double theta, double thetaTrue) {
    return SimulatorQuadrature.asimovQ(sim, theta, thetaTrue, L, -5, 40);
  }

  double crossing(double level, double a, double b, double[] edges) {
    return new BrentSolver(1e-12).solve(1000, x -> binnedQ(x, edges, 0) - level, a, b);
  }

  /** The binned Asimov q of the histogram with these edges: exact bin integrals, §4.3–4.4. */
  double binnedQ(double theta, double[] edges, double thetaTrue) {
    double q = 0;
    for (int k = 0; k + 1 < edges.length; k++) {
      // Outer bins are open; the density outside [-5, 40] is below 1e-17 of σ.
      double lo = k == 0 ? -5 : edges[k];
      double hi = k + 2 == edges.length ? 40 : edges[k + 1];
      double n = L * binIntegral(thetaTrue, lo, hi);
      double nu = L * binIntegral(theta, lo, hi);
      // 2[log Pois(n|n) − log Pois(n|ν)]: the best fit is θ_true, where every ν_k = n_k (one
      // parameter, nothing profiled; dσ ≥ 0 here, so no bin is empty or reaches the 1e-9 floor).
      q += 2 * (nu - n + n * Math.log(n / nu));
    }
    return q;
  }

  /** ∫_lo^hi dσ(x|θ) dx = σ(θ) ∫ p(x|θ) dx of the exact detector-level density. */
  double binIntegral(double theta, double lo, double hi) {
    double[] th = {theta};
    double s = sim.crossSection(th);
    return new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-16)
        .integrate(1_000_000, x -> s * Math.exp(sim.logLikelihood(new double[] {x}, th)), lo, hi);
  }

  @Test
  void histogramOnExactDensityEventsGivesTheBinnedAsimovQ() {
    // Five copies of Gauss–Legendre "events" weighted by the exact density (each at 1/5 weight):
    // σ(θ) from the whole file is the exact integral, and the test partition (the last 20 %) is
    // exactly one copy, so the Asimov data is the exact density too. No Monte Carlo noise is left.
    EventSample one = SimulatorQuadrature.quadratureEvents(sim, -5, 40, PANELS);
    int n = one.size();
    int nb = one.weights().length / n;
    double[] x = new double[5 * n];
    double[] w = new double[5 * n * nb];
    double maxNode = 0;
    for (int c = 0; c < 5; c++) {
      for (int e = 0; e < n; e++) {
        x[c * n + e] = one.x(e, 0);
        maxNode = Math.max(maxNode, one.weight(e, 0));
        for (int b = 0; b < nb; b++) {
          w[(c * n + e) * nb + b] = one.weight(e, b) / 5;
        }
      }
    }
    EventSample five =
        EventSample.ofFeatures(one.observables(), x).withWeights(one.setup().get(), w, null);
    Path events = dir.resolve("exact.h5");
    MadMinerFiles.writeEvents(events, five);
    JsonNode r = limits("--events", events, "--theta-true 0 --plot", dir.resolve("x"));
    assertEquals(L, r.get("events").asDouble(), 1e-9); // Lσ(0), σ(0) = 1

    // The edges the library used for this file (adaptive, 80 bins at θ_ref = 0) ...
    LimitSource.Histogram hist = (LimitSource.Histogram) LimitSource.histogram(List.of("x"));
    double[] edges =
        Limits.histogramModel(
                new MorphedEvents(DataFiles.events(events)),
                hist.summary(),
                BinningSpec.adaptive(1),
                L)
            .binning()
            .edges()
            .get(0);
    // ... are the quantiles j/80 of the exact density at θ = 0: each bin holds 1/80 of σ(0) = 1
    // up to the node weight a quantile crossing can overshoot by (×2: both edges).
    assertEquals(81, edges.length);
    for (int k = 0; k + 1 < edges.length; k++) {
      double lo = k == 0 ? -5 : edges[k];
      double hi = k + 2 == edges.length ? 40 : edges[k + 1];
      assertEquals(1.0 / 80, binIntegral(0, lo, hi), 2 * maxNode, "bin " + k);
    }

    double[] q = array(r.get("q"));
    double maxDq = 0;
    double maxRel = 0;
    for (int j = 0; j < q.length; j++) {
      double theta = r.get("grid").get(j).get(0).asDouble();
      double ref = binnedQ(theta, edges, 0);
      double exact = exactQ(theta, 0);
      // The library's bin contents are sums over whole quadrature nodes (the edges are midpoints
      // between nodes), the reference integrates each bin exactly: like edges shifted by a fraction
      // of the node spacing (≤ 0.024 at the peak, bins there ≈ 0.03 wide). Measured: |Δq| ≤ 1.1e-3
      // q on this grid (at θ = −0.3), 1.7e-4 q with 5× the panels; bound 3e-3 q.
      assertEquals(ref, q[j], 3e-3 * ref + 1e-9, "q at θ = " + theta);
      // Binning cannot add information: for Asimov data both are KL divergences, binned ≤ unbinned.
      assertTrue(q[j] <= exact * (1 + 1e-9) + 1e-9, "q at θ = " + theta + ": " + q[j]);
      assertTrue(ref <= exact * (1 + 1e-9) + 1e-9, "reference q at θ = " + theta + ": " + ref);
      maxDq = Math.max(maxDq, Math.abs(ref - q[j]));
      maxRel = ref > 0.01 ? Math.max(maxRel, Math.abs(1 - q[j] / ref)) : maxRel;
    }
    JsonNode iv = r.get("intervals").get("theta");
    double[] ref68 = {crossing(1, -1, 0, edges), crossing(1, 0, 1, edges)};
    double[] ref95 = {crossing(Q95, -1, 0, edges), crossing(Q95, 0, 1, edges)};
    // 3e-3 q moves an end by ≤ 3e-3 q / |dq/dθ|: dq/dθ ≈ −13 / +10 at the 68 % ends (≤ 3e-4) and
    // −10 / +19 at the 95 % ends (≤ 1.2e-3). Measured: 4e-5 and 1.8e-4.
    assertAllClose(ref68, array(iv.get("cl68")), 5e-4, "cl68");
    assertAllClose(ref95, array(iv.get("cl95")), 1.5e-3, "cl95");
    assertEquals(0, r.get("bestFit").get(0).asDouble(), 1e-3); // Asimov: θ̂ = θ_true
    System.out.printf(
        "limits exact-density file: max |Δq| %.3g (max relative %.3g); 68%% %s vs %s; 95%% %s vs"
            + " %s%n",
        maxDq,
        maxRel,
        iv.get("cl68"),
        java.util.Arrays.toString(ref68),
        iv.get("cl95"),
        java.util.Arrays.toString(ref95));
  }
}
