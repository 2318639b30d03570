package org.sbi4j.samples.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.simulators.Interference1D;

/**
 * augment --method plain, test and local, and several θ1 values, on interference-1d: the drawn x
 * follow the reweighted distribution of the file's events (Kolmogorov–Smirnov).
 */
class SamplingMethodsTest {
  @TempDir static Path dir;
  static Path events;
  static EventSample all;
  static final int N = 20_000;

  @BeforeAll
  static void events() {
    all = new Interference1D().events(N, 3);
    events = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(events, all);
  }

  private static AugmentStep.Request request(
      AugmentStep.Method m, String prior, int rows, Partition part, String out) {
    return new AugmentStep.Request(
        events, m, null, prior, 10, null, rows, part, dir.resolve(out), 9, 0.05, null);
  }

  /**
   * sup_x |F_n(x) − F_w(x)| between the sample's empirical CDF and the CDF of events [from, to) of
   * the file weighted by dσ_e(θ) = Σ_b w_b(θ) w_eb (the reweighted distribution).
   */
  private static double ks(double[] sample, double[] theta, int from, int to) {
    MorphingSetup setup = all.setup().orElseThrow();
    double[] wb = setup.morpher().weights(theta);
    int nb = wb.length;
    Integer[] idx = new Integer[to - from];
    double[] w = new double[N];
    double total = 0;
    for (int e = from; e < to; e++) {
      idx[e - from] = e;
      for (int b = 0; b < nb; b++) {
        w[e] += wb[b] * all.weight(e, b);
      }
      total += Math.max(w[e], 0);
    }
    Arrays.sort(idx, Comparator.comparingDouble(e -> all.x(e, 0)));
    double[] s = sample.clone();
    Arrays.sort(s);
    double d = 0;
    double cum = 0;
    int j = 0;
    for (Integer e : idx) {
      cum += Math.max(w[e], 0) / total;
      double x = all.x(e, 0);
      while (j < s.length && s[j] <= x) {
        j++;
      }
      d = Math.max(d, Math.abs((double) j / s.length - cum));
    }
    return d;
  }

  @Test
  void plainSampleFollowsTheReweightedDistribution() {
    AugmentStep.Result r =
        AugmentStep.run(
            request(AugmentStep.Method.PLAIN, "grid:0.8:0.8:1", 2000, Partition.ALL, "p.h5"));
    assertEquals(2000, r.rows());
    assertEquals(1, r.thetaPoints());
    EventSample p = TrainingFiles.read(dir.resolve("p.h5"));
    assertTrue(p.has(Column.THETA0) && !p.has(Column.WEIGHT) && !p.has(Column.Y));
    assertEquals(0.8, p.value(Column.THETA0, 1999, 0), 0);
    // draws with replacement from the reweighted events: the one-sample KS test against that
    // discrete distribution is exact (conservative); 1.63/√n is its 1 % critical value
    assertTrue(ks(p.x(), new double[] {0.8}, 0, N) < 1.63 / Math.sqrt(2000));
    // and it is not the distribution at another θ: the test has power
    assertTrue(ks(p.x(), new double[] {-0.8}, 0, N) > 1.63 / Math.sqrt(2000));
  }

  @Test
  void testSampleComesFromTheTestPartitionWithCrossSectionWeights() {
    AugmentStep.run(
        request(AugmentStep.Method.TEST, "grid:-0.5:-0.5:1", 1500, Partition.TEST, "t.h5"));
    EventSample t = TrainingFiles.read(dir.resolve("t.h5"));
    assertEquals(1500, t.size());
    // the test partition is events [0.8 N, N) of the file
    assertTrue(ks(t.x(), new double[] {-0.5}, 16_000, N) < 1.63 / Math.sqrt(1500));
    // Σ weights = σ(θ) estimated on the partition: Σ_{e in test} dσ_e(θ) · N / n_test
    double[] wb = all.setup().orElseThrow().morpher().weights(new double[] {-0.5});
    double sigma = 0;
    for (int e = 16_000; e < N; e++) {
      for (int b = 0; b < wb.length; b++) {
        sigma += wb[b] * all.weight(e, b);
      }
    }
    sigma *= N / 4000.0;
    double sum = Arrays.stream(t.column(Column.WEIGHT)).sum();
    assertEquals(sigma, sum, 1e-9 * sigma);
  }

  @Test
  void localSplitsRowsOverReferencePointsAndRatioOverTheta1() {
    AugmentStep.Request local =
        new AugmentStep.Request(
            events,
            AugmentStep.Method.LOCAL,
            null,
            null,
            0,
            null,
            301,
            Partition.TRAIN,
            dir.resolve("l.h5"),
            4,
            0.05,
            null,
            null,
            new double[][] {{-0.5}, {0}, {0.5}});
    AugmentStep.Result r = AugmentStep.run(local);
    assertEquals(301, r.rows());
    assertEquals(3, r.thetaPoints());
    EventSample l = TrainingFiles.read(dir.resolve("l.h5"));
    double[] th = l.column(Column.THETA0);
    // 301 rows over 3 points: 101, 100, 100, in the order of the points
    assertEquals(101, Arrays.stream(th).filter(v -> v == -0.5).count());
    assertEquals(100, Arrays.stream(th).filter(v -> v == 0).count());
    assertEquals(-0.5, th[100], 0);
    assertEquals(0, th[101], 0);
    // a local sample at one point is exactly the sally sample at it
    AugmentStep.run(
        new AugmentStep.Request(
            events,
            AugmentStep.Method.LOCAL,
            null,
            null,
            0,
            null,
            50,
            Partition.TRAIN,
            dir.resolve("l1.h5"),
            4,
            0.05,
            null,
            null,
            new double[][] {{0.3}}));
    AugmentStep.run(
        AugmentStep.Request.sally(
            events, new double[] {0.3}, 50, Partition.TRAIN, dir.resolve("s1.h5"), 4, 0.05));
    assertArrayEquals(
        TrainingFiles.read(dir.resolve("s1.h5")).column(Column.T_XZ0),
        TrainingFiles.read(dir.resolve("l1.h5")).column(Column.T_XZ0),
        0);

    AugmentStep.Request ratio =
        new AugmentStep.Request(
            events,
            AugmentStep.Method.RATIO,
            null,
            "grid:-1:1:3",
            0,
            null,
            400,
            Partition.TRAIN,
            dir.resolve("r.h5"),
            4,
            0.05,
            null,
            new double[][] {{0.2}, {-0.2}},
            null);
    r = AugmentStep.run(ratio);
    assertEquals(400, r.rows());
    assertEquals(3, r.thetaPoints());
    EventSample s = TrainingFiles.read(dir.resolve("r.h5"));
    double[] t1 = s.column(Column.THETA1);
    assertEquals(200, Arrays.stream(t1).filter(v -> v == 0.2).count());
    assertEquals(200, Arrays.stream(t1).filter(v -> v == -0.2).count());
    assertEquals(200, Arrays.stream(s.column(Column.Y)).filter(v -> v == 1).count());
  }

  @Test
  void badRequestsNameTheirOption() {
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () ->
                AugmentStep.run(
                    request(AugmentStep.Method.PLAIN, null, 10, Partition.ALL, "bad.h5")));
    assertEquals("theta0Prior", e.value());
    e =
        assertThrows(
            InvalidValueException.class,
            () ->
                AugmentStep.run(
                    new AugmentStep.Request(
                        events,
                        AugmentStep.Method.SALLY,
                        null,
                        null,
                        0,
                        null,
                        10,
                        Partition.ALL,
                        dir.resolve("bad.h5"),
                        1,
                        0.05,
                        null,
                        null,
                        new double[][] {{0}, {1}})));
    assertEquals("thetaRef", e.value());
  }
}
