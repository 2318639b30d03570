package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.MinedEvents;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Interference2D;

/** Mining a file in small chunks from disk gives exactly what mining it in memory gives. */
class StreamingMiningTest {
  @TempDir Path dir;
  private final Interference2D sim = new Interference2D();

  /** Writes {@code sim.events(n, seed)} to {@code events.h5} in the temp folder; returns them. */
  private EventSample written(int n, long seed) {
    EventSample ev = sim.events(n, seed);
    MadMinerFiles.writeEvents(dir.resolve("events.h5"), ev);
    return ev;
  }

  @Test
  void chunkedFileMiningEqualsInMemoryMining() {
    EventSample ev = written(1001, 4);
    Path f = dir.resolve("events.h5");
    double[] t0 = {0.2, 0.7};
    double[] t1 = {-0.5, 0.1};
    MinedEvents memory = new GoldMiner(sim.setup(), 5000).mine(EventSource.of(ev), t0, t1, 0);
    MinedEvents disk;
    try (EventFile in = MadMinerFiles.open(f)) {
      disk = new GoldMiner(in.setup(), 37).mine(WeightedView.of(in, Partition.ALL), t0, t1, 0);
    }
    // same numbers in the same order; only the summation order of σ_b differs (chunks of 37)
    assertEquals(memory.sigma0(), disk.sigma0(), 1e-14 * memory.sigma0());
    assertArrayEquals(memory.dsigma0(), disk.dsigma0(), 1e-18);
    assertArrayEquals(memory.logR(), disk.logR(), 1e-12);
    assertArrayEquals(memory.t0(), disk.t0(), 1e-12);
    assertArrayEquals(memory.t1(), disk.t1(), 1e-12);
  }

  @Test
  void miningAsTasksOnThreadsEqualsSequentialMining() {
    EventSample ev = written(1003, 9);
    Path f = dir.resolve("events.h5");
    double[] t0 = {0.3, -0.4};
    double[] t1 = {0, 0};
    MinedEvents seq = new GoldMiner(sim.setup()).mine(EventSource.of(ev), t0, t1, 0);
    MinedEvents par;
    try (org.sbi4j.common.TaskRunner runner = new org.sbi4j.common.LocalTaskRunner(2)) {
      par = org.sbi4j.samples.steps.ChunkedMining.mine(f, t0, t1, 0, runner, 100);
    }
    assertEquals(seq.sigma1(), par.sigma1(), 1e-14 * seq.sigma1());
    assertArrayEquals(seq.dsigma1(), par.dsigma1(), 0);
    assertArrayEquals(seq.logR(), par.logR(), 1e-12);
    assertArrayEquals(seq.t0(), par.t0(), 1e-12);
    assertEquals(0, par.negatives().count());
  }

  @Test
  void minedFileHasCliDatasetNames() throws Exception {
    written(200, 2);
    Path f = dir.resolve("events.h5");
    Path out = dir.resolve("mined.h5");
    org.sbi4j.samples.steps.MineStep.Result r =
        org.sbi4j.samples.steps.MineStep.run(
            f, new double[] {0.5, 0.5}, new double[] {0, 0}, out, 0);
    assertEquals(200, r.events());
    String names =
        H5py.run(
            """
        import sys, h5py
        f = h5py.File(sys.argv[1], 'r')
        print(sorted((k, f[k].dtype.str, f[k].shape) for k in f.keys()))
        """,
            out.toString());
    assertEquals(
        "[('dsigma0', '<f8', (200,)), ('dsigma1', '<f8', (200,)), "
            + "('log_r_xz', '<f8', (200,)), ('t_xz0', '<f8', (200, 2)), ('t_xz1', '<f8', (200, 2))]",
        names.trim());
  }
}
