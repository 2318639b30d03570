package org.sbi4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.MinedEvents;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.WeightedView;

/**
 * Mining throughput: event·benchmarks per second of {@link GoldMiner#mine} streaming an event file
 * from disk (both passes: σ_b sums, then per-event log r and t at θ0 and θ1), and the peak heap.
 *
 * <p>Usage: {@code MiningBenchmark EVENTS FILE [generate|setup|mine|tasksN]} ({@code tasksN}: as
 * {@code mine}, as tasks of 2²⁰ events on N local threads). The file holds EVENTS events × 20
 * benchmarks of a 2-parameter process with dσ_e(θ) = c_e (1 + θ_1 u_e + θ_2 v_e)⁴ (15 components,
 * 20 benchmarks: a least-squares morphing). {@code generate} writes it (needs ~2.5 × the file's
 * size of heap, jhdf writes at close); {@code setup} writes the setup groups only, for {@code
 * bench/mining.sh} to append 10 M events with h5py in chunks; {@code mine} times mining (run it
 * with -Xmx2g).
 */
public final class MiningBenchmark {
  static final int BENCHMARKS = 20;

  private MiningBenchmark() {}

  static MorphingSetup setup() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5);
    List<Benchmark> bs = new ArrayList<>();
    for (int b = 0; b < BENCHMARKS; b++) {
      bs.add(
          new Benchmark(
              "b" + b, new double[] {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1}));
    }
    return MorphingSetup.of(
        List.of(Parameter.of("c1", 4, -1, 1), Parameter.of("c2", 4, -1, 1)), bs, 4);
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    Path file = Path.of(args[1]);
    String mode = args.length > 2 ? args[2] : "mine";
    if (mode.equals("generate")) {
      generate(n, file);
      return;
    }
    if (mode.equals("setup")) {
      MadMinerFiles.writeSetup(file, setup());
      return;
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    double readSeconds;
    try (EventFile in = MadMinerFiles.open(file)) {
      long t = System.nanoTime();
      new GoldMiner(in.setup()).benchmarkCrossSections(WeightedView.of(in, Partition.ALL));
      readSeconds = (System.nanoTime() - t) / 1e9;
    }
    long start = System.nanoTime();
    MinedEvents m;
    if (mode.startsWith("tasks")) {
      int threads = Integer.parseInt(mode.substring(5));
      try (var runner = new org.sbi4j.common.LocalTaskRunner(threads)) {
        m =
            org.sbi4j.samples.steps.ChunkedMining.mine(
                file, new double[] {0.3, -0.2}, new double[] {0, 0}, 1.0, runner, 1 << 20);
      }
    } else {
      try (EventFile in = MadMinerFiles.open(file)) {
        m =
            new GoldMiner(in.setup())
                .mine(
                    WeightedView.of(in, Partition.ALL),
                    new double[] {0.3, -0.2},
                    new double[] {0, 0},
                    1.0);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "mode="
            + mode
            + " events=%d benchmarks=%d file=%.1f MB seconds=%.2f "
            + "throughput=%.1f M event·benchmarks/s (σ_b pass alone %.2f s) peakHeap=%.0f MB maxHeap=%.0f MB sigma0=%.6g%n",
        m.size(),
        BENCHMARKS,
        Files.size(file) / 1e6,
        seconds,
        (double) m.size() * BENCHMARKS / seconds / 1e6,
        readSeconds,
        peak / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6,
        m.sigma0());
  }

  static void generate(int n, Path file) {
    MorphingSetup setup = setup();
    double[][] basis = setup.basis();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
    double[] x = new double[n * 2];
    double[] w = new double[n * BENCHMARKS];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble() - 0.5;
      double v = rng.nextDouble() - 0.5;
      double c = rng.nextDouble() / n;
      x[2 * i] = u;
      x[2 * i + 1] = v;
      for (int b = 0; b < BENCHMARKS; b++) {
        double a = 1 + basis[b][0] * u + basis[b][1] * v;
        w[i * BENCHMARKS + b] = c * a * a * a * a;
      }
    }
    EventSample ev = EventSample.ofFeatures(List.of("u", "v"), x).withWeights(setup, w, null);
    long start = System.nanoTime();
    MadMinerFiles.writeEvents(file, ev);
    System.out.printf(
        Locale.ROOT, "wrote %d events in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
  }
}
