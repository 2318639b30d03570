package org.sbi4j.samples.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulator;

/**
 * Doubly parameterised ratio samples (docs/math.md §3.8): every row carries one of the (θ0, θ1)
 * pairs, half the rows are drawn at θ0 (y = 0), and the joint ratio obeys E[r(x,z|θ0,θ1)|θ1] = 1
 * and E[1/r|θ0] = 1 over the pairs (4 Monte Carlo standard errors: a false failure has probability
 * ~6e−5 per check at this fixed seed).
 */
class DoublyRatioSampleTest {
  @Test
  void rowsCarryTheirPairAndTheJointRatioIdentitiesHold() {
    Simulator sim = new Interference1D();
    EventSource src = EventSource.of(sim.events(100_000, 11));
    TrainingSamples ts = new TrainingSamples(sim.setup(), 0);
    double[][] theta0 = {{-0.8}, {-0.2}, {0.5}};
    double[][] theta1 = {{0.3}, {-0.6}, {0.9}, {0.0}};
    int n = 40_000;
    AugmentResult a =
        ts.doublyRatio(
            new Unweighter(new GoldMiner(sim.setup())).drawer(src), theta0, theta1, n, 3);
    EventSample s = a.sample();
    assertEquals(n, s.size());
    // four pairs: θ0 cycles through its three points, θ1 through its four
    assertEquals(8, a.thetas().length);
    Set<List<Double>> pairs = new HashSet<>();
    for (int k = 0; k < 4; k++) {
      pairs.add(List.of(theta0[k % 3][0], theta1[k][0]));
    }
    double[] t0 = s.column(Column.THETA0);
    double[] t1 = s.column(Column.THETA1);
    double[] y = s.column(Column.Y);
    double[] logR = s.column(Column.LOG_R_XZ);
    Set<List<Double>> seen = new HashSet<>();
    double sumR = 0;
    double sumR2 = 0;
    double sumInv = 0;
    double sumInv2 = 0;
    int n1 = 0;
    for (int i = 0; i < n; i++) {
      List<Double> pair = List.of(t0[i], t1[i]);
      assertTrue(pairs.contains(pair), "row " + i + " has the pair " + pair);
      seen.add(pair);
      if (y[i] == 1) {
        double r = Math.exp(logR[i]);
        sumR += r;
        sumR2 += r * r;
        n1++;
      } else {
        double r = Math.exp(-logR[i]);
        sumInv += r;
        sumInv2 += r * r;
      }
    }
    assertEquals(pairs, seen);
    assertEquals(n / 2, n - n1);
    double mean = sumR / n1;
    double err = Math.sqrt((sumR2 / n1 - mean * mean) / n1);
    assertTrue(Math.abs(mean - 1) < 4 * err, "E[r|θ1] = " + mean + " ± " + err);
    int n0 = n - n1;
    mean = sumInv / n0;
    err = Math.sqrt((sumInv2 / n0 - mean * mean) / n0);
    assertTrue(Math.abs(mean - 1) < 4 * err, "E[1/r|θ0] = " + mean + " ± " + err);
  }
}
