package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Progress;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Interference2D;

/** {@code sbi4j combine}: every event exactly once, seeded shuffle, setup checks. */
class EventCombinerTest {
  @TempDir Path dir;

  /**
   * The events relabelled as if concatenated from per-benchmark runs: the first {@code n0} were
   * generated at benchmark 0, the rest at benchmark 1 (weights kept).
   */
  private static EventSample sorted(EventSample ev, int n0) {
    int[] from = new int[ev.size()];
    Arrays.fill(from, n0, from.length, 1);
    EventSample out = ev.withWeights(ev.setup().orElseThrow(), ev.weights(), from);
    return ev.nuisances().isEmpty() ? out : out.withNuisances(ev.nuisances(), ev.nuisanceWeights());
  }

  /** One string per event: its observables, weights and sampling benchmark, bit-exact. */
  private static List<String> rows(EventSample ev) {
    List<String> out = new ArrayList<>();
    int d = ev.featureCount();
    int nb = ev.setup().orElseThrow().benchmarks().size();
    int k = ev.nuisances().isEmpty() ? 0 : ev.nuisances().benchmarks().size();
    for (int i = 0; i < ev.size(); i++) {
      StringBuilder s = new StringBuilder();
      for (int j = 0; j < d; j++) {
        s.append(Double.doubleToRawLongBits(ev.x(i, j))).append(',');
      }
      for (int b = 0; b < nb; b++) {
        s.append(Double.doubleToRawLongBits(ev.weight(i, b))).append(',');
      }
      for (int b = 0; b < k; b++) {
        s.append(Double.doubleToRawLongBits(ev.nuisanceWeight(i, b))).append(',');
      }
      s.append(ev.sampledFrom().orElseThrow()[i]);
      out.add(s.toString());
    }
    return out;
  }

  private Path write(String name, EventSample ev) {
    Path f = dir.resolve(name);
    MadMinerFiles.writeEvents(f, ev);
    return f;
  }

  private Path combine(String name, long seed, int chunk, Path... in) {
    Path out = dir.resolve(name);
    EventCombiner.combine(List.of(in), out, seed, chunk, Progress.NONE);
    return out;
  }

  @Test
  void everyEventExactlyOnceAndShuffledDeterministically() {
    Interference1D sim = Interference1D.withNuisances();
    EventSample a = sorted(sim.events(700, 1), 300);
    EventSample b = sorted(sim.events(500, 2), 200);
    Path fa = write("a.h5", a);
    Path fb = write("b.h5", b);
    // chunks of 100 events: 12 buckets, so the bucket logic is exercised
    Path c1 = combine("c1.h5", 5, 100, fa, fb);
    EventSample c = MadMinerFiles.readEvents(c1);
    assertEquals(1200, c.size());
    List<String> want = new ArrayList<>(rows(a));
    want.addAll(rows(b));
    List<String> got = rows(c);
    assertNotEquals(want, got, "the events must be reordered");
    // checksum: the multisets of bit-exact rows are equal
    List<String> ws = new ArrayList<>(want);
    List<String> gs = new ArrayList<>(got);
    ws.sort(null);
    gs.sort(null);
    assertEquals(ws, gs);
    // the summary counts the combined events per benchmark
    try (EventFile in = MadMinerFiles.open(c1)) {
      long[] perBenchmark = in.signalEvents().orElseThrow();
      long[] expected = new long[perBenchmark.length];
      for (int s : c.sampledFrom().orElseThrow()) {
        expected[s]++;
      }
      assertArrayEquals(expected, perBenchmark);
      assertEquals(sim.nuisances(), in.nuisances());
      assertFalse(in.looksUnshuffled());
    }
    try (EventFile in = MadMinerFiles.open(fa)) {
      assertTrue(in.looksUnshuffled(), "a file sorted by benchmark looks unshuffled");
    }
    // same seed, same bytes; another seed, another order
    Path c2 = combine("c2.h5", 5, 100, fa, fb);
    assertEquals(got, rows(MadMinerFiles.readEvents(c2)));
    Path c3 = combine("c3.h5", 6, 100, fa, fb);
    assertNotEquals(got, rows(MadMinerFiles.readEvents(c3)));
  }

  @Test
  void writtenFileReadsBackThroughJhdfAndSurvivesAOneBucketRun() throws Exception {
    Interference2D sim = new Interference2D();
    EventSample a = sim.events(300, 3);
    Path fa = write("a.h5", a);
    Path out = combine("c.h5", 1, 1_000_000, fa);
    // jhdf's own reader sees the grown datasets with their full shapes and the right values
    EventSample c = MadMinerFiles.readEvents(out);
    try (HdfFile h5 = new HdfFile(out)) {
      assertArrayEquals(
          new int[] {300, c.featureCount()},
          h5.getDatasetByPath("samples/observations").getDimensions());
      double[][] x = (double[][]) h5.getDatasetByPath("samples/observations").getData();
      long[] s = (long[]) h5.getDatasetByPath("samples/sampling_benchmarks").getData();
      for (int i = 0; i < 300; i++) {
        assertEquals(c.x(i, 0), x[i][0], 0);
        assertEquals(c.x(i, 1), x[i][1], 0);
        assertEquals(c.sampledFrom().orElseThrow()[i], s[i]);
      }
    }
    List<String> ws = new ArrayList<>(rows(a));
    List<String> gs = new ArrayList<>(rows(c));
    ws.sort(null);
    gs.sort(null);
    assertEquals(ws, gs);
  }

  @Test
  void libhdf5ReadsTheGrownDatasetsThroughH5py() throws Exception {
    // the header patches must satisfy the HDF5 C library (h5py), MadMiner's reader, not only jhdf
    Interference1D sim = Interference1D.withNuisances();
    Path a = write("a.h5", sim.events(250, 4));
    Path out = combine("c.h5", 3, 60, a, a);
    EventSample c = MadMinerFiles.readEvents(out);
    String got =
        H5py.run(
            """
            import sys, h5py, numpy as np
            f = h5py.File(sys.argv[1], 'r')
            x = f['samples/observations']; w = f['samples/weights']; s = f['samples/sampling_benchmarks']
            assert x.shape == (500, 1) and x.dtype.str == '<f8', x
            assert w.shape[0] == 500 and w.dtype.str == '<f8', w
            assert s.shape == (500,) and s.dtype.str == '<i8', s
            assert int(f['sample_summary/signal_events'][()].sum() + f['sample_summary/background_events'][()]) == 500
            print(repr(float(x[123, 0])), repr(float(w[499, 2])), int(s[7]), [n.decode() for n in f['nuisance_parameters/names'][()]])
            """,
            out.toString());
    String[] f = got.strip().split(" ", 4);
    assertEquals(c.x(123, 0), Double.parseDouble(f[0]), 0);
    assertEquals(c.weight(499, 2), Double.parseDouble(f[1]), 0);
    assertEquals(c.sampledFrom().orElseThrow()[7], Integer.parseInt(f[2]));
    assertTrue(f[3].contains(sim.nuisances().names().get(0)), got);
  }

  @Test
  void partitionsByFileOrderAreUnbiased() {
    // 1000 events of benchmark 0 then 1000 of benchmark 1: after combining, the first 60 % (the
    // training partition) holds a hypergeometric count of benchmark-0 events with mean 600 and
    // standard deviation sqrt(1200 · 0.5 · 0.5 · 800/1999) ≈ 11; 5 σ is 55
    Interference1D sim = new Interference1D();
    EventSample ev = sorted(sim.events(2000, 7), 1000);
    Path fa = write("a.h5", ev.range(0, 1000));
    Path fb = write("b.h5", ev.range(1000, 2000));
    int[] s = combinedSampling(combine("c.h5", 11, 300, fa, fb));
    long inTrain = Arrays.stream(s, 0, 1200).filter(v -> v == 0).count();
    assertEquals(600, inTrain, 55);
  }

  @Test
  void everyOrderOfThreeEventsIsEquallyLikely() {
    // 3 events in 3 buckets of 1: over 120 seeds each of the 6 orders has expectation 20;
    // Pearson's χ² with 5 degrees of freedom exceeds 20.5 with probability 0.001
    Interference1D sim = new Interference1D();
    EventSample ev = sim.events(3, 2);
    Path f = write("three.h5", ev);
    List<String> original = rows(ev);
    Map<String, Integer> counts = new HashMap<>();
    for (int seed = 0; seed < 120; seed++) {
      Path out = combine("p.h5", seed, 1, f);
      List<String> got = rows(MadMinerFiles.readEvents(out));
      StringBuilder order = new StringBuilder();
      for (String r : got) {
        order.append(original.indexOf(r));
      }
      counts.merge(order.toString(), 1, Integer::sum);
    }
    assertEquals(6, counts.size(), counts.toString());
    double chi2 = counts.values().stream().mapToDouble(c -> (c - 20.0) * (c - 20.0) / 20).sum();
    assertTrue(chi2 < 20.5, "χ² = " + chi2 + " for " + counts);
  }

  @Test
  void filesOfDifferentSetupsAreRefusedNamingTheDifference() throws Exception {
    Path a = write("a.h5", new Interference1D().events(50, 1));
    Path b = write("b.h5", new Interference2D().events(50, 1));
    Path c = write("c.h5", Interference1D.withNuisances().events(50, 1));
    Path out = dir.resolve("out.h5");
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> EventCombiner.combine(List.of(a, b), out, 1, 100, Progress.NONE));
    assertTrue(e.getMessage().contains("parameters"), e.getMessage());
    e =
        assertThrows(
            InvalidValueException.class,
            () -> EventCombiner.combine(List.of(a, c), out, 1, 100, Progress.NONE));
    assertTrue(e.getMessage().contains("nuisance parameters"), e.getMessage());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertEquals(3, files.count(), "no bucket folder or temporary file is left behind");
    }
  }

  private static int[] combinedSampling(Path f) {
    return MadMinerFiles.readEvents(f).sampledFrom().orElseThrow();
  }
}
