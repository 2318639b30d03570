package org.sbi4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.nplm.NplmTest;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.nplm.Sampler;
import org.sbi4j.testing.ProcessCpu;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.nplm.Adam;
import org.sbi4j.training.nplm.FusedLoss;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmEngine;
import org.sbi4j.training.nplm.NplmFit;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * Benchmark harness (not a unit test: surefire does not pick up this name). Run with {@code
 * bench/nplm.sh [speed|batch|compare]} (system properties {@code nplm.*} below, given to the script
 * as {@code -D} options after the mode); appends a section to {@code bench/results/nplm.md}.
 */
class NplmBenchmark {
  private static final NplmTrainingConfig BASE =
      NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9);

  /**
   * bench/results/nplm.md of this repository, whether the harness runs in {@code tests/} (surefire)
   * or at the repository root ({@code bench/nplm.sh}).
   */
  private static final Path OUT =
      Files.isDirectory(Path.of("bench", "results"))
          ? Path.of("bench", "results", "nplm.md")
          : Path.of("..", "bench", "results", "nplm.md");

  @Test
  void run() {
    String part = System.getProperty("nplm.bench", "speed");
    if (part.equals("speed")) {
      speed();
    } else if (part.equals("batch")) {
      batch(Integer.getInteger("nplm.toys", 8), Integer.getInteger("nplm.epochs", 2000));
    } else {
      compare(
          Integer.getInteger("nplm.referenceSize", 10_000),
          Integer.getInteger("nplm.expected", 1000),
          Integer.getInteger("nplm.toys", 2));
    }
  }

  /** Seconds per toy on the 1D benchmark (N_R = 200 000, N(0) = 2000). */
  private void speed() {
    SampledToys toys = SampledToys.nullToys(Sampler.exponential(1), 200_000, 2000);
    NplmProblem problem = toys.draw(1);
    boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    StringBuilder md = new StringBuilder();
    md.append("\n## Seconds per toy, 1D benchmark (N_R = 200 000, N(0) = 2000, 1-4-1, W = 9)\n\n");
    md.append(header());
    md.append("Fused kernel: ")
        .append(
            vector
                ? "Java Vector API (VectorShallow, " + "jdk.incubator.vector present)"
                : "plain-Java fallback (JVM without " + "jdk.incubator.vector)")
        .append(".\n\n");
    md.append(
        "| mode | s per epoch | CPU-s per epoch | s per toy (300 000 epochs) "
            + "| CPU-s per toy |\n|---|---|---|---|---|\n");
    if (!Boolean.getBoolean("nplm.skipNd4j")) {
      md.append(
          row(
              "Adam, ND4J/SameDiff (1 thread)",
              secondsPerEpoch(problem, BASE.withEngine(NplmEngine.ND4J), 20, 100)));
    }
    md.append(row("Adam, fused kernel (1 thread)", secondsPerEpoch(problem, BASE, 300, 2000)));
    md.append(
        row(
            "Adam, fused kernel (2 threads, one toy)",
            secondsPerEpoch(problem, BASE.withThreads(2), 300, 2000)));
    md.append(
        row(
            "Adam, fused kernel, float32 (1 thread)",
            secondsPerEpoch(problem, BASE.withPrecision(Precision.FLOAT32), 300, 2000)));
    md.append("\nAdam per-toy figures are the measured epoch time × 300 000.\n\n");
    int k = Integer.getInteger("nplm.toys", 4);
    NplmTrainingConfig fast = BASE.withOptimizer(NplmOptimizer.LBFGS);
    long start = System.nanoTime();
    long cpu0 = ProcessCpu.nanos();
    double[] t;
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      t = NplmTest.nullDistribution(toys, fast, k, 7, runner);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (ProcessCpu.nanos() - cpu0) / 1e9;
    md.append(
        String.format(
            Locale.ROOT,
            "Fast mode (--optimizer lbfgs), %d null toys, two at a "
                + "time on 2 threads: %.1f s wall, **%.1f s per toy**, %.1f CPU-s per toy (process CPU "
                + "time); t = %s; /proc/loadavg at the end: %s%n",
            k,
            wall,
            wall / k,
            cpu / k,
            java.util.Arrays.toString(round(t)),
            BenchReport.loadAverage()));
    append(md.toString());
  }

  /**
   * CPU seconds per toy-epoch of K Adam fits run one after the other against the same K fits
   * stacked into one computation (one parameter vector of K·p entries, one Adam, one objective
   * summing the toys' fused losses), at 2 000, 20 000 and 200 000 reference rows (N(0) = N_R/10).
   * Both give bitwise the same t (Adam is elementwise); only the per-epoch overhead can differ.
   */
  private void batch(int k, int epochs) {
    StringBuilder md =
        section(
            "| N_R | CPU-µs per toy-epoch, one at a time | stacked | stacked / "
                + "one at a time | same t |\n|---|---|---|---|---|\n",
            "Batched toys (stacked weights) "
                + "against one toy at a time, fused kernel, 1-4-1, %d toys × %d Adam epochs, one thread",
            k,
            epochs);
    NetworkShape shape = BASE.network();
    int p = shape.parameterCount();
    for (int nr : new int[] {2000, 20_000, 200_000}) {
      SampledToys toys = SampledToys.nullToys(Sampler.exponential(1), nr, nr / 10);
      FusedLoss[] losses = new FusedLoss[k];
      for (int t = 0; t < k; t++) {
        losses[t] = new FusedLoss(shape, toys.draw(100 + t), 1);
      }
      int reps = nr > 100_000 ? 1 : 3;
      double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
      boolean same = true;
      for (int rep = 0; rep <= reps; rep++) {
        long c0 = ProcessCpu.nanos();
        double[] one = new double[k];
        for (int t = 0; t < k; t++) {
          one[t] =
              Adam.withLearningRate(1e-3)
                  .minimize(
                      losses[t],
                      shape.initialParameters(t),
                      BASE.lowerBounds(),
                      BASE.upperBounds(),
                      epochs);
        }
        long c1 = ProcessCpu.nanos();
        double[] values = new double[k];
        double[] x = new double[k * p];
        double[] lo = new double[k * p];
        double[] hi = new double[k * p];
        for (int t = 0; t < k; t++) {
          System.arraycopy(shape.initialParameters(t), 0, x, t * p, p);
          System.arraycopy(BASE.lowerBounds(), 0, lo, t * p, p);
          System.arraycopy(BASE.upperBounds(), 0, hi, t * p, p);
        }
        Adam.withLearningRate(1e-3)
            .minimize(
                (xs, gs) -> {
                  double sum = 0;
                  double[] xi = new double[p];
                  double[] gi = new double[p];
                  for (int t = 0; t < k; t++) {
                    System.arraycopy(xs, t * p, xi, 0, p);
                    values[t] = losses[t].valueAndGradient(xi, gi);
                    System.arraycopy(gi, 0, gs, t * p, p);
                    sum += values[t];
                  }
                  return sum;
                },
                x,
                lo,
                hi,
                epochs);
        long c2 = ProcessCpu.nanos();
        same &= java.util.Arrays.equals(one, values);
        if (rep > 0) {
          best[0] = Math.min(best[0], (c1 - c0) / 1e3 / k / epochs);
          best[1] = Math.min(best[1], (c2 - c1) / 1e3 / k / epochs);
        }
      }
      for (FusedLoss l : losses) {
        l.close();
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %.1f | %.2f | %s |%n",
              nr,
              best[0],
              best[1],
              best[1] / best[0],
              same ? "yes (bitwise)" : "NO"));
    }
    md.append("\nBest of the repetitions after a warm-up one; /proc/loadavg at the end: ")
        .append(BenchReport.loadAverage())
        .append('\n');
    append(md.toString());
  }

  /** A new report section: the formatted title, the run header, then the table head. */
  private StringBuilder section(String tableHead, String title, Object... args) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "%n## " + title + "%n%n", args));
    md.append(header());
    md.append(tableHead);
    return md;
  }

  /** t of the fast mode against 300 000 Adam epochs (η = 1e−3) on the same toys. */
  private void compare(int referenceSize, int expected, int count) {
    SampledToys toys = SampledToys.nullToys(Sampler.exponential(1), referenceSize, expected);
    StringBuilder md =
        section(
            "| toy | t Adam (300 000 epochs) | s | t fast mode | s "
                + "| t fast / t Adam |\n|---|---|---|---|---|---|\n",
            "Fast mode against 300 000 Adam "
                + "epochs (N_R = %d, N(0) = %d, 1-4-1, W = 9, η = 1e−3)",
            referenceSize,
            expected);
    double[][] rows;
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      java.util.List<Long> idx = new java.util.ArrayList<>();
      for (long i = 0; i < count; i++) {
        idx.add(i);
      }
      rows =
          runner
              .map(
                  idx,
                  i -> {
                    NplmProblem p = toys.draw(100 + i);
                    long t0 = System.nanoTime();
                    NplmFit fast =
                        NplmTrainer.train(p, BASE.withOptimizer(NplmOptimizer.LBFGS), 5 + i);
                    long t1 = System.nanoTime();
                    log(
                        String.format(
                            Locale.ROOT,
                            "toy %d fast t = %.6f in %.1f s",
                            i,
                            fast.t(),
                            (t1 - t0) / 1e9));
                    double adamT = adamWithTrajectory(p, 5 + i, i, t1);
                    long t2 = System.nanoTime();
                    return new double[] {adamT, (t2 - t1) / 1e9, fast.t(), (t1 - t0) / 1e9};
                  })
              .toArray(new double[0][]);
    }
    for (int i = 0; i < rows.length; i++) {
      double[] r = rows[i];
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.4f | %.0f | %.4f | %.1f | %.4f |%n",
              i,
              r[0],
              r[1],
              r[2],
              r[3],
              r[2] / r[0]));
    }
    append(md.toString());
  }

  /**
   * The Adam fit of {@link NplmTrainer#train} (same start, kernel, box and steps), logging t at
   * every 10 000th epoch so that an unfinished run still leaves its trajectory.
   */
  private static double adamWithTrajectory(NplmProblem p, long seed, long toy, long start) {
    NetworkShape shape = BASE.network();
    double[] x = shape.initialParameters(seed);
    try (FusedLoss loss = new FusedLoss(shape, p, 1)) {
      double value =
          Adam.withLearningRate(BASE.learningRate())
              .minimize(
                  loss,
                  x,
                  BASE.lowerBounds(),
                  BASE.upperBounds(),
                  BASE.epochs(),
                  (t, v) -> {
                    if (t % 10_000 == 0) {
                      log(
                          String.format(
                              Locale.ROOT,
                              "toy %d Adam epoch %d t = %.6f after %.0f s",
                              toy,
                              t,
                              -2 * v,
                              (System.nanoTime() - start) / 1e9));
                    }
                  });
      log(
          String.format(
              Locale.ROOT,
              "toy %d Adam epoch %d t = %.6f (final) after %.0f s",
              toy,
              BASE.epochs(),
              -2 * value,
              (System.nanoTime() - start) / 1e9));
      return -2 * value;
    }
  }

  private static void log(String line) {
    System.out.println(line);
    String file = System.getProperty("nplm.log");
    if (file != null) {
      try {
        Files.writeString(
            Path.of(file),
            line + "\n",
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Runs the benchmark outside Maven (same system properties). */
  public static void main(String[] args) {
    new NplmBenchmark().run();
  }

  /** Wall and process-CPU seconds per epoch. */
  private static double[] secondsPerEpoch(
      NplmProblem problem, NplmTrainingConfig config, int warmup, int epochs) {
    NplmTrainer.train(problem, config.withEpochs(warmup), 1);
    long t0 = System.nanoTime();
    long c0 = ProcessCpu.nanos();
    NplmTrainer.train(problem, config.withEpochs(epochs), 1);
    return new double[] {
      (System.nanoTime() - t0) / 1e9 / epochs, (ProcessCpu.nanos() - c0) / 1e9 / epochs
    };
  }

  private static String row(String mode, double[] perEpoch) {
    return String.format(
        Locale.ROOT,
        "| %s | %.5f | %.5f | %.0f | %.0f |%n",
        mode,
        perEpoch[0],
        perEpoch[1],
        perEpoch[0] * 300_000,
        perEpoch[1] * 300_000);
  }

  private static double[] round(double[] t) {
    return java.util.Arrays.stream(t).map(v -> Math.round(v * 100) / 100.0).toArray();
  }

  private static String header() {
    String date;
    try {
      Process p = new ProcessBuilder("date", "-u").start();
      date = new String(p.getInputStream().readAllBytes()).trim();
    } catch (IOException e) {
      date = java.time.Instant.now().toString();
    }
    String load = BenchReport.loadAverage();
    return "Measured "
        + date
        + " on the shared build machine (2 cores, 24 GiB; other helpers "
        + "were compiling and testing at the same time: /proc/loadavg when the run started = "
        + load
        + ", so the times are pessimistic). JDK "
        + System.getProperty("java.version")
        + ", float64.\n\n";
  }

  private static void append(String text) {
    try {
      Files.createDirectories(OUT.getParent());
      Files.writeString(
          OUT,
          text,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
