package org.sbi4j.samples.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulator;

/**
 * Unweighting in many chunks (the steps that run as tasks) still draws every event with probability
 * p_e = dσ_e⁺(θ)/Σ dσ⁺. The references are exact sums over the finite source, so the only
 * randomness is the draws': tolerances are 4 standard errors of the n draws (a false failure has
 * probability 6e-5 for a fixed seed's statistic).
 */
class ChunkedUnweightingTest {
  private static final Simulator SIM = new Interference1D();
  private static final EventSample EVENTS = SIM.events(60_000, 3);
  private static final double[] THETA = {0.5};

  /** p_e for every event of EVENTS at THETA. */
  private static double[] probabilities() {
    double[] w = SIM.setup().morpher().weights(THETA);
    int nb = w.length;
    double[] p = new double[EVENTS.size()];
    double total = 0;
    for (int e = 0; e < p.length; e++) {
      double d = 0;
      for (int b = 0; b < nb; b++) {
        d += w[b] * EVENTS.weight(e, b);
      }
      p[e] = Math.max(d, 0);
      total += p[e];
    }
    for (int e = 0; e < p.length; e++) {
      p[e] /= total;
    }
    return p;
  }

  @Test
  void drawsInSixtyChunksFollowTheWeightedDistribution() {
    int n = 40_000;
    Draws d =
        new Unweighter(new GoldMiner(SIM.setup()))
            .draw(EventSource.of(EVENTS), new double[][] {THETA}, new int[] {n}, 0, 17, 1_000);
    assertEquals(n, d.events().size());
    double[] p = probabilities();
    double mean = 0;
    double second = 0;
    double firstHalf = 0;
    for (int e = 0; e < p.length; e++) {
      double x = EVENTS.x(e, 0);
      mean += p[e] * x;
      second += p[e] * x * x;
      firstHalf += e < p.length / 2 ? p[e] : 0;
    }
    double sampleMean = 0;
    int drawnFromFirstHalf = 0;
    for (int i = 0; i < n; i++) {
      sampleMean += d.events().x(i, 0) / n;
      drawnFromFirstHalf += d.eventIndex()[i] < p.length / 2 ? 1 : 0;
      assertEquals(EVENTS.x((int) d.eventIndex()[i], 0), d.events().x(i, 0), 0.0);
    }
    double se = Math.sqrt((second - mean * mean) / n);
    assertEquals(mean, sampleMean, 4 * se, "E[x] at θ = 0.5");
    // the split over chunks: the first 30 chunks get a Binomial(n, P(first half)) share
    double f = (double) drawnFromFirstHalf / n;
    assertEquals(firstHalf, f, 4 * Math.sqrt(firstHalf * (1 - firstHalf) / n), "first half");
  }

  @Test
  void theSplitIsMultinomialOverChunksAndSkipsChunksWithoutPositiveWeight() {
    List<ChunkSums> chunks = List.of(sums(1), sums(0), sums(3));
    int n = 10_000;
    UnweightingPlan plan = UnweightingPlan.of(new double[][] {{0}}, new int[] {n}, chunks, 0, 5);
    int[][] c = plan.chunkCounts();
    assertEquals(0, c[1][0]);
    assertEquals(n, c[0][0] + c[2][0]);
    // Binomial(n, 1/4): σ = √(n · 1/4 · 3/4) ≈ 43
    assertEquals(n / 4.0, c[0][0], 4 * Math.sqrt(n * 0.25 * 0.75));
    assertEquals(4.0 / 3, plan.effectiveSampleSize()[0], 1e-15); // Σ = 4, largest event 3
  }

  private static ChunkSums sums(double positive) {
    return new ChunkSums(
        new double[] {positive},
        new double[] {positive},
        new double[] {positive},
        new long[1],
        new double[1],
        new double[] {positive});
  }

  @Test
  void sameSeedAndChunkingGiveTheSameDraws() {
    Unweighter u = new Unweighter(new GoldMiner(SIM.setup()));
    EventSource src = EventSource.of(EVENTS);
    double[][] thetas = {THETA, {-0.3}};
    int[] counts = {500, 700};
    Draws a = u.draw(src, thetas, counts, 0, 9, 4_000);
    Draws b = u.draw(src, thetas, counts, 0, 9, 4_000);
    assertArrayEquals(a.eventIndex(), b.eventIndex());
    assertArrayEquals(a.thetaIndex(), b.thetaIndex());
    assertArrayEquals(a.events().x(), b.events().x(), 0.0);
    assertTrue(a.effectiveSampleSize()[0] > 1000, "ESS " + a.effectiveSampleSize()[0]);
  }
}
