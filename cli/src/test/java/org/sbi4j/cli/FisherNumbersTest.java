package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.SimulatorQuadrature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sbi4j fisher} against the analytic information of interference-1d (docs/math.md §2.6,
 * §4.6): dσ(z|θ) = e^{−z}(1 + θ(z−1))², σ(θ) = 1 + θ², events generated at θ = 0 with weights
 * w_e(θ_b) = dσ(z_e|θ_b)/(n e^{−z_e}) at the benchmarks θ = 0, 1, −1.
 *
 * <p>{@code truth} = L Σ_e dσ_e t_e² + Lσ'²/σ with t_e = ∂dσ_e/dσ_e − σ'/σ equals L Σ_e
 * (∂dσ_e)²/dσ_e (expand the square; σ = Σ dσ_e). On simulated events ∂dσ_e/√dσ_e = 2(z_e−1)/√n, so
 * truth = (4L/n) Σ_e (z_e−1)², whose expectation is the parton-level information L∫(∂dσ)²/dσ dz =
 * 4L ∫e^{−z}(z−1)² dz = 4L at every θ. {@code rate} = Lσ'²/σ, exactly 4Lθ²/(1+θ²).
 */
class FisherNumbersTest {
  @TempDir Path dir;

  static final double L = 10;
  static final double THETA = 0.5;
  static final int N = 4_000;
  private final Simulator sim = Simulators.INTERFERENCE_1D.create();

  private static double info(Path events, String kind) {
    CliRun run =
        CliRun.of(
            "fisher --events",
            events,
            "--theta",
            THETA,
            "--luminosity",
            L,
            "--kind",
            kind,
            "--json -");
    assertEquals(0, run.exitCode(), run.err());
    return JsonMapper.builder().build().readTree(run.out()).get("matrix").get(0).get(0).asDouble();
  }

  @Test
  void truthAndRateOnSimulatedEventsMatchTheClosedForms() {
    EventSample ev = sim.events(N, 31);
    Path events = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(events, ev);
    // z_e from the stored weights: w_e(θ = 1) = z_e²/n (benchmark 1 is θ = 1).
    double[] z = new double[N];
    for (int e = 0; e < N; e++) {
      assertEquals(1.0 / N, ev.weight(e, 0), 1e-15);
      z[e] = Math.sqrt(N * ev.weight(e, 1));
    }
    double s1 = 0;
    double s2 = 0;
    double sigma = 0;
    double dSigma = 0;
    double[] a = new double[N];
    double[] b = new double[N];
    for (int e = 0; e < N; e++) {
      double u = 4 * (z[e] - 1) * (z[e] - 1);
      s1 += u;
      s2 += u * u;
      a[e] = Math.pow(1 + THETA * (z[e] - 1), 2);
      b[e] = 2 * (z[e] - 1) * (1 + THETA * (z[e] - 1));
      sigma += a[e] / N;
      dSigma += b[e] / N;
    }
    double truth = info(events, "truth");
    double rate = info(events, "rate");
    // The same sample, summed independently: agreement to rounding (the command morphs the three
    // benchmark weights, the test uses z; both are sums of 4 000 O(1) terms).
    assertEquals(L * s1 / N, truth, 1e-10 * truth);
    assertEquals(L * dSigma * dSigma / sigma, rate, 1e-10 * rate);

    // Against the closed forms, within 4 Monte Carlo standard errors of this sample. truth is a
    // mean of i.i.d. terms 4L(z−1)² (population sd 4√8 L ≈ 11.3 L for z ~ Exp(1)): SE ≈ 0.18 L.
    double meanU = s1 / N;
    double seTruth = L * Math.sqrt((s2 / N - meanU * meanU) / N);
    assertEquals(4 * L, truth, 4 * seTruth);
    // rate = L σ'²/σ of the sample means σ = ā, σ' = b̄; delta method with ∇ = (−σ'²/σ², 2σ'/σ).
    double caa = 0;
    double cab = 0;
    double cbb = 0;
    for (int e = 0; e < N; e++) {
      caa += (a[e] - sigma) * (a[e] - sigma) / N;
      cab += (a[e] - sigma) * (b[e] - dSigma) / N;
      cbb += (b[e] - dSigma) * (b[e] - dSigma) / N;
    }
    double ga = -dSigma * dSigma / (sigma * sigma);
    double gb = 2 * dSigma / sigma;
    double seRate = L * Math.sqrt((ga * ga * caa + 2 * ga * gb * cab + gb * gb * cbb) / N);
    double rateExact = 4 * L * THETA * THETA / (1 + THETA * THETA);
    assertEquals(rateExact, rate, 4 * seRate);
    System.out.printf(
        "fisher MC (n = %d): truth %.5g vs 4L = %.5g (SE %.3g); rate %.5g vs %.5g (SE %.3g)%n",
        N, truth, 4 * L, seTruth, rate, rateExact, seRate);
  }

  @Test
  void truthOnQuadratureEventsIsTheDetectorLevelInformation() {
    // "Events" at Gauss–Legendre nodes weighted by the exact detector density σ(θ_b)p(x|θ_b): the
    // truth kind then sums L(∂dσ(x))²/dσ(x) over nodes, i.e. the detector-level information
    // L∫σ p t² dx + Lσ'²/σ, computed here independently by adaptive integration of the exact score
    // t(x|θ) of Interference1D. 300 panels × 10 nodes on [−5, 40] and the adaptive rule are both
    // accurate to ~1e-10 relative for this smooth integrand; the tail beyond 40 is ~e^{−40}.
    Path events = dir.resolve("quadrature.h5");
    MadMinerFiles.writeEvents(events, SimulatorQuadrature.quadratureEvents(sim, -5, 40, 300));
    double truth = info(events, "truth");
    double rate = info(events, "rate");
    double[] th = {THETA};
    double sigma = sim.crossSection(th);
    double integral =
        new IterativeLegendreGaussIntegrator(24, 1e-12, 1e-14)
            .integrate(
                1_000_000,
                x -> {
                  double[] xx = {x};
                  double t = sim.score(xx, th)[0];
                  return sigma * Math.exp(sim.logLikelihood(xx, th)) * t * t;
                },
                -5,
                40);
    double rateExact = 4 * L * THETA * THETA / (1 + THETA * THETA);
    double detector = L * integral + rateExact;
    assertEquals(rateExact, rate, 1e-8 * rateExact);
    assertEquals(detector, truth, 1e-8 * detector);
    System.out.printf(
        "fisher quadrature: truth %.10g vs detector-level %.10g; rate %.10g vs %.10g%n",
        truth, detector, rate, rateExact);
  }
}
