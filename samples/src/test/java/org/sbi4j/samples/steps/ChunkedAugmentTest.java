package org.sbi4j.samples.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Interference2D;

/**
 * Augmentation as tasks over chunks of a file equals the in-memory chunked unweighting of the same
 * partition with the same chunk size (tolerance 0: the same steps on the same numbers in the same
 * order), on a 3-thread runner.
 */
class ChunkedAugmentTest {
  @TempDir Path dir;

  @Test
  void fileTasksEqualTheInMemoryDrawer() {
    Interference2D sim = new Interference2D();
    Path f = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(f, sim.events(5_003, 4));
    double[][] theta0 = {{0.2, -0.1}, {-0.4, 0.3}, {0.5, 0.5}};
    double[] theta1 = {0, 0};
    EventSample inMemory;
    try (EventFile in = MadMinerFiles.open(f)) {
      TrainingSamples ts = new TrainingSamples(in.setup(), 0.05);
      inMemory =
          ts.ratio(
                  new Unweighter(new GoldMiner(in.setup()))
                      .drawer(WeightedView.of(in, Partition.TRAIN), 700),
                  theta0,
                  theta1,
                  3_001,
                  8)
              .sample();
    }
    EventSample tasks;
    try (LocalTaskRunner threads = new LocalTaskRunner(3)) {
      tasks =
          new TrainingSamples(sim.setup(), 0.05)
              .ratio(
                  ChunkedAugment.drawer(f, Partition.TRAIN, threads, 700), theta0, theta1, 3_001, 8)
              .sample();
    }
    assertEquals(3_001, tasks.size());
    assertArrayEquals(inMemory.x(), tasks.x(), 0.0);
    for (Column c :
        new Column[] {Column.THETA0, Column.Y, Column.LOG_R_XZ, Column.T_XZ0, Column.T_XZ1}) {
      assertArrayEquals(inMemory.column(c), tasks.column(c), 0.0, c.name());
    }
  }
}
