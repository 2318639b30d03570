package org.sbi4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.distributed.SparkTaskRunner;
import org.sbi4j.inference.nplm.NplmTest;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.nplm.Sampler;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * Benchmark harness (not a unit test: surefire does not pick up this name). Toys per minute of the
 * 1D NPLM benchmark (reference e^{−x}, N_R = 200 000, N(0) = 2000, 1-4-1, W = 9, fast mode) on the
 * local runner with 2 threads and on Spark local[2], with the time of every task measured inside
 * it, and Spark's fixed cost per task from empty tasks. Run with {@code mvn -o -q -pl tests -am
 * test -Dtest=SparkBenchmark -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dspark.bench.toys=8}
 * to change K); appends to {@code bench/results/spark.md}.
 */
class SparkBenchmark {
  private static final Path OUT = Path.of("..", "bench", "results", "spark.md");

  @Test
  void run() {
    int k = Integer.getInteger("spark.bench.toys", 6);
    int n = Integer.getInteger("spark.bench.reference", 200_000);
    SampledToys toys = SampledToys.nullToys(Sampler.exponential(1), n, n / 100.0);
    NplmTrainingConfig fast =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9)
            .withOptimizer(NplmOptimizer.LBFGS)
            .withThreads(1);
    StringBuilder md =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n## NPLM toys on the local runner and on Spark local[2] (%s)%n%n"
                    + "1D benchmark: N_R = %d, N(0) = %d, 1-4-1, W = 9, fast mode (lbfgs), %d toys per "
                    + "runner, same seeds. Machine: 2 cores shared with other builds and tests (loaded); "
                    + "%s, Java %s.%n%n| runner | wall s | toys/min | task s (each) | mean task s | "
                    + "overhead s/task |%n|---|---|---|---|---|---|%n",
                date(),
                n,
                n / 100,
                k,
                System.getProperty("os.arch"),
                System.getProperty("java.version")));
    double[] localT;
    double[] sparkT;
    try (LocalTaskRunner local = new LocalTaskRunner(2)) {
      localT = measure("local, 2 threads", local, toys, fast, k, md);
    }
    try (SparkTaskRunner spark = SparkTaskRunner.connect("local[2]", "sbi4j-bench")) {
      sparkT = measure("Spark local[2]", spark, toys, fast, k, md);
      md.append(emptyTasks(spark));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "%nSame t on both runners: %s.%n",
            java.util.Arrays.equals(localT, sparkT)));
    append(md.toString());
  }

  /** Runs k toys, each timing itself; appends a table row; returns the toys' t. */
  private static double[] measure(
      String name,
      TaskRunner runner,
      SampledToys toys,
      NplmTrainingConfig fast,
      int k,
      StringBuilder md) {
    List<Long> idx = new ArrayList<>();
    for (long i = 0; i < k; i++) {
      idx.add(i);
    }
    long start = System.nanoTime();
    List<double[]> out =
        runner.map(
            idx,
            i -> {
              long t0 = System.nanoTime();
              double t = NplmTest.toyT(toys, fast, 7, i);
              return new double[] {t, (System.nanoTime() - t0) / 1e9};
            });
    double wall = (System.nanoTime() - start) / 1e9;
    double sum = 0;
    StringBuilder each = new StringBuilder();
    double[] t = new double[k];
    for (int i = 0; i < k; i++) {
      t[i] = out.get(i)[0];
      sum += out.get(i)[1];
      each.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.1f", out.get(i)[1]));
    }
    // with 2 slots, ideal wall = Σ task / 2; the rest is the runner's cost (and load imbalance)
    double overhead = (wall - sum / 2) * 2 / k;
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %.1f | %.2f | %s | %.2f | %.3f |%n",
            name,
            wall,
            60 * k / wall,
            each,
            sum / k,
            overhead));
    return t;
  }

  /** Spark's fixed cost per task: 200 empty tasks (one partition each) after a warm-up. */
  private static String emptyTasks(SparkTaskRunner spark) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      idx.add(i);
    }
    spark.map(idx, i -> i);
    long start = System.nanoTime();
    spark.map(idx, i -> i);
    double ms = (System.nanoTime() - start) / 1e6 / idx.size();
    return String.format(
        Locale.ROOT,
        "%nSpark's fixed cost: %.2f ms per empty task (200 tasks, "
            + "one partition each, 2 slots), i.e. wall per task with no work.%n",
        ms);
  }

  private static String date() {
    return java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).toString().substring(0, 16);
  }

  private static void append(String text) {
    try {
      Files.createDirectories(OUT.getParent());
      if (!Files.exists(OUT)) {
        Files.writeString(OUT, "# Spark runner benchmark\n");
      }
      Files.writeString(OUT, text, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
