package org.sbi4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.distributed.SparkTaskRunner;
import org.sbi4j.inference.limits.LimitsAnalysis;
import org.sbi4j.inference.limits.LimitsRequest;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.it.TinyCarl;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.steps.AugmentStep;

/**
 * Benchmark harness (not a unit test: surefire does not pick up this name). Wall time of {@code
 * augment} (sally, 200 000 rows from 2.2 M events: 3 chunks of 2²⁰) and of {@code limits} (a CARL
 * model, grid of 401 points, 40 000 Asimov events) in one thread, on 2 local threads and on Spark
 * local[2], with a check that the outputs agree. Run with {@code mvn -o -q -pl tests -am test
 * -Dtest=SparkAugmentLimitsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, or {@code
 * bench/spark-augment-limits.sh [events, default 2 200 000]}; appends to {@code
 * bench/results/spark.md}.
 */
class SparkAugmentLimitsBenchmark {
  private static final Path OUT = Path.of("..", "bench", "results", "spark.md");
  @TempDir Path dir;

  @Test
  void run() throws IOException {
    Path events = dir.resolve("events.h5");
    int n = Integer.getInteger("spark.bench.events", 2_200_000);
    MadMinerFiles.writeEvents(events, new Interference1D().events(n, 1));
    StringBuilder md =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%n## augment and limits on the local runner and on Spark local[2] (%s)%n%n"
                    + "Machine: 2 cores shared with other builds and tests; %s, Java %s. Spark's context "
                    + "start is not included (it is started before the timed runs).%n%n"
                    + "| work | in one thread s | local, 2 threads s | Spark local[2] s | same output |%n"
                    + "|---|---|---|---|---|%n",
                date(),
                System.getProperty("os.arch"),
                System.getProperty("java.version")));
    try (SparkTaskRunner spark = SparkTaskRunner.connect("local[2]", "sbi4j-bench");
        LocalTaskRunner threads = new LocalTaskRunner(2)) {
      spark.map(List.of(1, 2), i -> i); // warm-up
      augment(events, n / 11, threads, spark, md);
      limits(events, threads, spark, md);
    }
    append(md.toString());
  }

  private void augment(
      Path events, int rows, TaskRunner threads, TaskRunner spark, StringBuilder md) {
    Path[] out = {dir.resolve("a0.h5"), dir.resolve("a1.h5"), dir.resolve("a2.h5")};
    TaskRunner[] runners = {null, threads, spark};
    double[] s = new double[3];
    for (int k = 0; k < 3; k++) {
      AugmentStep.Request r =
          AugmentStep.Request.sally(events, new double[] {0}, rows, Partition.ALL, out[k], 5, 0.05);
      TaskRunner runner = runners[k];
      s[k] = seconds(() -> AugmentStep.run(r, runner));
    }
    boolean same = true;
    for (int k = 1; k < 3; k++) {
      same &=
          Arrays.equals(
              TrainingFiles.read(out[0]).column(Column.T_XZ0),
              TrainingFiles.read(out[k]).column(Column.T_XZ0));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| augment sally, %.1f M events → %d rows (3 chunks) "
                + "| %.1f | %.1f | %.1f | %s |%n",
            rows * 11 / 1e6,
            rows,
            s[0],
            s[1],
            s[2],
            same));
  }

  private void limits(Path events, TaskRunner threads, TaskRunner spark, StringBuilder md)
      throws IOException {
    TinyCarl carl =
        TinyCarl.train(
            dir, "small.h5", 200_000, 2, 50, 20_000, "hiddenLayers: [32, 32]\nepochs: 2\n");
    Path small = carl.events();
    Path model = carl.model();
    LimitsRequest request =
        new LimitsRequest(
            small,
            List.of(ModelSources.limitSource(model)),
            new double[] {0},
            null,
            10,
            ParameterGrid.parse("-1:1:401"),
            null,
            null);
    double[][] q = new double[2][];
    double local =
        seconds(() -> q[0] = LimitsAnalysis.run(request, threads).results().get(0).scan().q());
    double onSpark =
        seconds(() -> q[1] = LimitsAnalysis.run(request, spark).results().get(0).scan().q());
    md.append(
        String.format(
            Locale.ROOT,
            "| limits CARL 32-32, 401 grid points, 40 000 Asimov "
                + "events (2 blocks on Spark) | %s | %.1f | %.1f | %s |%n",
            "(= 2 threads: one block)",
            local,
            onSpark,
            Arrays.equals(q[0], q[1])));
  }

  private static double seconds(Supplier<?> work) {
    long t0 = System.nanoTime();
    work.get();
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String date() {
    return java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).toString().substring(0, 16);
  }

  private static void append(String text) {
    try {
      Files.writeString(OUT, text, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
