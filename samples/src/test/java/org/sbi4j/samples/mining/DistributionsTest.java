package org.sbi4j.samples.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.Progress;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.simulators.Interference1D;

/** Histograms at θ and per-benchmark σ with Monte-Carlo errors. */
class DistributionsTest {
  private final Interference1D sim = new Interference1D();

  @Test
  void histogramMatchesTheAnalyticDensityWithinItsMonteCarloErrors() {
    EventSample ev = sim.events(40_000, 5);
    double[] edges = {-1, 0, 0.5, 1, 1.5, 2, 2.5, 3, 4};
    double[] theta = {0.6};
    // 40 000 events: more than one chunk of 32 768
    Distributions.Histogram h =
        Distributions.histograms(
                EventSource.of(ev), 0, edges, new double[][] {theta}, Progress.NONE)
            .get(0);
    // P_k = ∫_bin p(x|θ) dx from the simulator's exact density (Simpson, 400 intervals per bin;
    // its error, < 1e-8, is negligible next to the Monte-Carlo errors of ~1e-3)
    double chi2 = 0;
    for (int k = 0; k < edges.length - 1; k++) {
      double pk = integral(theta, edges[k], edges[k + 1]);
      double frac = h.sigma()[k] / h.total();
      double err = h.error()[k] / h.total();
      chi2 += (frac - pk) * (frac - pk) / (err * err);
    }
    // 8 bins: χ² with ≤ 8 degrees of freedom exceeds 26.1 with probability 0.001
    assertTrue(chi2 < 26.1, "χ² = " + chi2);
    // the MC errors are those of a naive loop: √(Σ dσ_e²) over the bin's events
    double[] wb = ev.setup().orElseThrow().morpher().weights(theta);
    double s = 0;
    double q = 0;
    for (int i = 0; i < ev.size(); i++) {
      if (ev.x(i, 0) >= 0.5 && ev.x(i, 0) < 1) {
        double d = 0;
        for (int b = 0; b < wb.length; b++) {
          d += wb[b] * ev.weight(i, b);
        }
        s += d;
        q += d * d;
      }
    }
    assertEquals(s, h.sigma()[2], 1e-12 * Math.abs(s));
    assertEquals(Math.sqrt(q), h.error()[2], 1e-12 * Math.sqrt(q));
  }

  @Test
  void benchmarkSigmasAreSumsWithRootSumSquareErrors() {
    EventSample ev = sim.events(5_000, 2);
    List<Distributions.BenchmarkSigma> b = Distributions.benchmarkSigmas(EventSource.of(ev));
    int nb = ev.setup().orElseThrow().benchmarks().size();
    assertEquals(nb, b.size());
    for (int k = 0; k < nb; k++) {
      double s = 0;
      double q = 0;
      for (int i = 0; i < ev.size(); i++) {
        s += ev.weight(i, k);
        q += ev.weight(i, k) * ev.weight(i, k);
      }
      assertEquals(s, b.get(k).sigma(), 1e-12 * Math.abs(s));
      assertEquals(Math.sqrt(q), b.get(k).error(), 1e-12 * Math.sqrt(q));
      // and the sum estimates the simulator's exact σ(θ_b) within 5 Monte-Carlo errors
      double exact = sim.crossSection(ev.setup().orElseThrow().basis()[k]);
      assertEquals(exact, b.get(k).sigma(), 5 * b.get(k).error());
    }
  }

  @Test
  void binsIncludeTheLastEdgeOnly() {
    double[] e = {0, 1, 2};
    assertEquals(0, Distributions.bin(e, 0));
    assertEquals(0, Distributions.bin(e, 0.5));
    assertEquals(1, Distributions.bin(e, 1));
    assertEquals(1, Distributions.bin(e, 2));
    assertEquals(-1, Distributions.bin(e, 2.0001));
    assertEquals(-1, Distributions.bin(e, -1e-9));
    assertEquals(-1, Distributions.bin(e, Double.NaN));
  }

  private double integral(double[] theta, double a, double b) {
    int n = 400;
    double h = (b - a) / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double x = a + i * h;
      double f = Math.exp(sim.logLikelihood(new double[] {x}, theta));
      s += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
    }
    return s * h / 3;
  }
}
