package org.sbi4j.samples.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.simulators.Interference2D;
import org.sbi4j.samples.simulators.Simulation;
import org.sbi4j.samples.simulators.Simulator;

class GoldMinerTest {
  private final Simulator sim = new Interference2D();

  /** Closed-form dσ(z|θ) of interference-2d and its θ-gradient: [dσ, ∂_a dσ, ∂_b dσ]. */
  static double[] dsigma(double[] z, double[] t) {
    double e = Math.exp(-z[0]) / (2 * Math.PI);
    double u = z[0] - 1;
    double c = Math.cos(z[1]);
    double a = 1 + t[0] * u + t[1] * c;
    return new double[] {e * a * a, 2 * e * a * u, 2 * e * a * c};
  }

  @Test
  void logRatioAndScoreMatchClosedFormPerEvent() {
    int n = 3000;
    Simulation s = sim.simulate(n, 21);
    double[] t0 = {0.4, -0.3};
    double[] t1 = {-0.2, 0.5};
    double[] gen = {0, 0};
    MinedEvents mined = new GoldMiner(sim.setup(), 700).mine(EventSource.of(s.events()), t0, t1, 0);
    // event-level dσ_e(θ) = σ_gen dσ(z_e|θ) / (n dσ(z_e|θ_gen)) and its sums, from closed forms
    double sigmaGen = sim.crossSection(gen);
    double[] sig0 = new double[3];
    double[] sig1 = new double[3];
    for (int i = 0; i < n; i++) {
      double g = dsigma(s.latent(i), gen)[0];
      double[] a = dsigma(s.latent(i), t0);
      double[] b = dsigma(s.latent(i), t1);
      for (int k = 0; k < 3; k++) {
        sig0[k] += sigmaGen * a[k] / (n * g);
        sig1[k] += sigmaGen * b[k] / (n * g);
      }
    }
    // morphing a quadratic with an exactly invertible 6 × 6 basis (cond(M) ≈ 10) loses ~1e-14
    // relative; 1e-10 leaves room for cancellation in sums over events
    assertEquals(sig0[0], mined.sigma0(), 1e-10 * sig0[0]);
    assertEquals(sig1[0], mined.sigma1(), 1e-10 * sig1[0]);
    double direct = 0;
    for (double d : mined.dsigma0()) {
      direct += d;
    }
    assertEquals(direct, mined.sigma0(), 1e-12 * direct);
    for (int i = 0; i < n; i++) {
      double[] a = dsigma(s.latent(i), t0);
      double[] b = dsigma(s.latent(i), t1);
      double logR = Math.log(a[0] / sig0[0]) - Math.log(b[0] / sig1[0]);
      assertEquals(logR, mined.logR()[i], 1e-10 * Math.max(1, Math.abs(logR)), "event " + i);
      for (int k = 0; k < 2; k++) {
        double want0 = a[k + 1] / a[0] - sig0[k + 1] / sig0[0];
        double want1 = b[k + 1] / b[0] - sig1[k + 1] / sig1[0];
        assertEquals(want0, mined.t0()[i * 2 + k], 1e-10 * Math.max(1, Math.abs(want0)));
        assertEquals(want1, mined.t1()[i * 2 + k], 1e-10 * Math.max(1, Math.abs(want1)));
      }
      double g = dsigma(s.latent(i), gen)[0];
      assertEquals(sigmaGen * a[0] / (n * g), mined.dsigma0()[i], 1e-10 * mined.dsigma0()[i]);
    }
    assertEquals(0, mined.negatives().count());
  }

  @Test
  void crossSectionsMorphLikeDirectSumsAtManyPoints() {
    EventSample ev = sim.events(2000, 8);
    GoldMiner miner = new GoldMiner(sim.setup(), 333);
    double[] sigmaB = miner.benchmarkCrossSections(EventSource.of(ev));
    for (double[] t : new double[][] {{0.1, 0.9}, {-0.7, -0.7}, {1, -1}}) {
      double[] w = sim.setup().morpher().weights(t);
      double direct = 0;
      for (int i = 0; i < ev.size(); i++) {
        for (int b = 0; b < w.length; b++) {
          direct += w[b] * ev.weight(i, b);
        }
      }
      assertEquals(direct, miner.at(t, sigmaB).sigma(), 1e-12 * direct);
    }
  }

  @Test
  void samplingFactorsKeepCombinedSamplesNormalised() {
    EventSample a = sim.events(500, 1);
    int[] from = new int[1000];
    for (int i = 500; i < 1000; i++) {
      from[i] = 2;
    }
    double[] w = new double[1000 * 6];
    System.arraycopy(a.weights(), 0, w, 0, 3000);
    System.arraycopy(a.weights(), 0, w, 3000, 3000);
    double[] x = new double[3000];
    System.arraycopy(a.x(), 0, x, 0, 1500);
    System.arraycopy(a.x(), 0, x, 1500, 1500);
    EventSample both = EventSample.ofFeatures(a.observables(), x).withWeights(sim.setup(), w, from);
    GoldMiner miner = new GoldMiner(sim.setup());
    double[] single = miner.benchmarkCrossSections(EventSource.of(a));
    double[] combined =
        miner.benchmarkCrossSections(WeightedView.of(EventSource.of(both), Partition.ALL));
    assertArrayEquals(single, combined, 1e-14);
    assertArrayEquals(
        new double[] {0.25, 0.75}, WeightedView.samplingFactors(new long[] {1, 3}), 0);
  }

  @Test
  void partitionsSplit602020WithCorrectedWeights() {
    EventSample ev = sim.events(1000, 2);
    EventSource src = EventSource.of(ev);
    GoldMiner miner = new GoldMiner(sim.setup());
    long total = 0;
    for (Partition p : List.of(Partition.TRAIN, Partition.VALIDATION, Partition.TEST)) {
      WeightedView v = WeightedView.of(src, p);
      total += v.size();
      double[] sb = miner.benchmarkCrossSections(v);
      double raw = 0;
      for (long i = v.offset(); i < v.offset() + v.size(); i++) {
        raw += ev.weight((int) i, 1);
      }
      assertEquals(raw * 1000.0 / v.size(), sb[1], 1e-13 * sb[1]);
    }
    assertEquals(1000, total);
    assertEquals(600, Partition.TRAIN.size(1000));
    assertEquals(800, Partition.TEST.from(1000));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WeightedView.of(EventSource.of(ev.range(0, 2)), Partition.TEST));
    assertTrue(e.getMessage().contains("test partition of 2 events is empty"), e.getMessage());
  }

  @Test
  void negativeWeightsAreReportedAndFailBeyondTheAllowedFraction() {
    MorphingSetup setup = new org.sbi4j.samples.simulators.Interference1D().setup();
    // weights at (sm, plus, minus); dσ(θ=1) = weight at 'plus' = −0.5 for event 1
    double[] w = {1, 1, 1, 1, -0.5, 1, 1, 2, 1, 1, 3, 1};
    EventSample ev =
        EventSample.ofFeatures(List.of("x"), new double[] {0, 1, 2, 3}).withWeights(setup, w, null);
    GoldMiner miner = new GoldMiner(setup);
    MinedEvents m = miner.mine(EventSource.of(ev), new double[] {0}, new double[] {1}, 0.5);
    assertEquals(1, m.negatives().count());
    assertTrue(!m.valid()[1] && m.valid()[0]);
    // |dσ| at θ0 and θ1 summed: 1+1+1+1 + 1+0.5+2+3 = 10.5; event 1 carries 1 + 0.5
    assertEquals(1.5 / 10.5, m.negatives().fraction(), 1e-15);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> miner.mine(EventSource.of(ev), new double[] {0}, new double[] {1}, 0.1));
    assertTrue(e.getMessage().contains("1 events with dσ_e(θ) ≤ 0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Unweighter(miner)
                    .draw(EventSource.of(ev), new double[][] {{1}}, new int[] {5}, 0.05, 1));
    assertTrue(e.getMessage().contains("raise the maximum negative fraction"), e.getMessage());
    Draws d =
        new Unweighter(miner)
            .draw(EventSource.of(ev), new double[][] {{1}}, new int[] {200}, 0.2, 1);
    for (long i : d.eventIndex()) {
      assertTrue(i != 1, "an event with dσ ≤ 0 was drawn");
    }
    assertEquals(1, d.negatives()[0].count());
    // p = (1, 0, 2, 3)/6: ESS = 1/max p = 2
    assertEquals(2.0, d.effectiveSampleSize()[0], 1e-15);
  }
}
