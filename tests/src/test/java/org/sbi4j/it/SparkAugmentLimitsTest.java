package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.distributed.SparkTaskRunner;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.LimitsAnalysis;
import org.sbi4j.inference.limits.LimitsReport;
import org.sbi4j.inference.limits.LimitsRequest;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.ScanResult;
import org.sbi4j.inference.limits.SourceSpec;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.simulators.Interference2D;
import org.sbi4j.samples.steps.ChunkedAugment;

/**
 * Augmentation in chunks and limit grids in blocks give the same numbers on Spark {@code
 * local[2,2]} as on local threads, also when a task fails once and Spark retries it. Every
 * comparison is exact (tolerance 0): each task is a pure function of its input and seed, the
 * partial sums are combined in task order, and the likelihoods evaluate every grid point
 * independently of the others in its block.
 */
class SparkAugmentLimitsTest {
  private static SparkTaskRunner spark;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    // two threads, and every task may be attempted twice
    spark = SparkTaskRunner.connect("local[2,2]", "sbi4j-spark-test");
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  /** Spark, with the second task of every job failing on its first attempt. */
  private static final class FailingOnce implements TaskRunner {
    @Override
    public <T extends Serializable, R extends Serializable> List<R> map(
        List<T> inputs, Task<T, R> task) {
      int failing = Math.min(1, inputs.size() - 1);
      return spark.map(
          inputs,
          in -> {
            TaskContext c = TaskContext.get();
            if (c.partitionId() == failing && c.attemptNumber() == 0) {
              throw new IllegalStateException("simulated executor failure on the first attempt");
            }
            return task.apply(in);
          });
    }

    @Override
    public int parallelism() {
      return spark.parallelism();
    }

    @Override
    public void close() {}
  }

  @Test
  void augmentationInChunksEqualsTheLocalRunnersAlsoAfterARetry() {
    Interference2D sim = new Interference2D();
    Path f = dir.resolve("events2d.h5");
    MadMinerFiles.writeEvents(f, sim.events(5_003, 4));
    double[][] theta0 = {{0.2, -0.1}, {-0.4, 0.3}, {0.5, 0.5}};
    double[] theta1 = {0, 0};
    TrainingSamples ts = new TrainingSamples(sim.setup(), 0.05);
    EventSample local;
    try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
      local =
          ts.ratio(
                  ChunkedAugment.drawer(f, Partition.TRAIN, threads, 700), theta0, theta1, 2_001, 8)
              .sample();
    }
    EventSample onSpark =
        ts.ratio(ChunkedAugment.drawer(f, Partition.TRAIN, spark, 700), theta0, theta1, 2_001, 8)
            .sample();
    EventSample retried =
        ts.ratio(
                ChunkedAugment.drawer(f, Partition.TRAIN, new FailingOnce(), 700),
                theta0,
                theta1,
                2_001,
                8)
            .sample();
    for (EventSample s : List.of(onSpark, retried)) {
      assertEquals(2_001, s.size());
      assertArrayEquals(local.x(), s.x(), 0.0);
      for (Column c :
          new Column[] {Column.THETA0, Column.Y, Column.LOG_R_XZ, Column.T_XZ0, Column.T_XZ1}) {
        assertArrayEquals(local.column(c), s.column(c), 0.0, c.name());
      }
    }
  }

  @Test
  void limitGridsInBlocksEqualTheLocalEvaluation() throws Exception {
    TinyCarl carl =
        TinyCarl.train(dir, "events1d.h5", 4_000, 12, 20, 2_000, "hiddenLayers: [8]\nepochs: 1\n");
    Path events = carl.events();
    Path model = carl.model();
    Path observed = dir.resolve("observed.csv");
    Files.writeString(observed, "x\n0.3\n1.2\n0.8\n-0.5\n0.1\n1.7\n0.9\n");
    List<LimitSource> sources =
        List.of(
            ModelSources.limitSource(model),
            ModelSources.open(new SourceSpec.Histogram(List.of("x"), 10)));
    LimitsRequest request =
        new LimitsRequest(
            events,
            sources,
            new double[] {0.1},
            observed,
            10,
            ParameterGrid.parse("-1:1:25"),
            null,
            null);
    LimitsReport local;
    try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
      local = LimitsAnalysis.run(request, threads);
    }
    LimitsReport onSpark = LimitsAnalysis.run(request, spark);
    LimitsReport retried = LimitsAnalysis.run(request, new FailingOnce());
    assertEquals(4, local.results().size()); // 2 methods × expected and observed
    for (LimitsReport r : List.of(onSpark, retried)) {
      for (int k = 0; k < 4; k++) {
        ScanResult a = local.results().get(k).scan();
        ScanResult b = r.results().get(k).scan();
        assertArrayEquals(a.logLikelihood(), b.logLikelihood(), 0.0);
        assertArrayEquals(a.q(), b.q(), 0.0);
        assertArrayEquals(a.bestFit(), b.bestFit(), 0.0);
        assertArrayEquals(
            a.intervals().get("theta").cl95().bounds(),
            b.intervals().get("theta").cl95().bounds(),
            0.0);
      }
    }
  }
}
