package org.sbi4j.samples.steps;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.MinedEvents;
import org.sbi4j.samples.mining.ThetaPoint;
import org.sbi4j.samples.mining.WeightedView;

/**
 * Gold mining of an event file as independent tasks over ranges of events (docs/architecture.md:
 * scale-out through {@link TaskRunner}, on local threads or Spark). Each task opens the file itself
 * and reads only its range. Pass 1 returns per-range σ_b sums, added in range order; pass 2 mines
 * each range with the global σ(θ0), σ(θ1). The result equals {@link GoldMiner#mine} up to the
 * summation order of σ_b.
 */
public final class ChunkedMining {
  private ChunkedMining() {}

  /** One task's share: events [from, from + count) of the file, with the file's factors. */
  record Range(String file, long from, long count, double[] factors) implements Serializable {}

  /** A range and the parameter points to mine it at. */
  record MineRange(Range range, ThetaPoint p0, ThetaPoint p1) implements Serializable {}

  /**
   * Mines every event of {@code file} in file order, with MadMiner's sampling factors.
   *
   * @param eventsPerTask events per task (each task streams its range in chunks)
   */
  public static MinedEvents mine(
      Path file,
      double[] theta0,
      double[] theta1,
      double maxNegativeFraction,
      TaskRunner runner,
      int eventsPerTask) {
    List<Range> ranges = new ArrayList<>();
    MorphingSetup setup;
    try (EventFile in = MadMinerFiles.open(file)) {
      setup = in.setup();
      double[] factors = WeightedView.samplingFactors(in.eventsPerBenchmark());
      for (long from = 0; from < in.size(); from += eventsPerTask) {
        ranges.add(
            new Range(file.toString(), from, Math.min(eventsPerTask, in.size() - from), factors));
      }
    }
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException(file + " has no events to mine");
    }
    List<double[]> partial = runner.map(ranges, ChunkedMining::benchmarkSums);
    double[] sigmaB = new double[partial.get(0).length];
    for (double[] s : partial) {
      for (int b = 0; b < s.length; b++) {
        sigmaB[b] += s[b];
      }
    }
    GoldMiner miner = new GoldMiner(setup);
    ThetaPoint p0 = miner.at(theta0, sigmaB);
    ThetaPoint p1 = miner.at(theta1, sigmaB);
    List<MineRange> work = ranges.stream().map(r -> new MineRange(r, p0, p1)).toList();
    MinedEvents mined = MinedEvents.concatenate(runner.map(work, ChunkedMining::mineRange));
    mined.negatives().check(maxNegativeFraction);
    return mined;
  }

  private static double[] benchmarkSums(Range r) {
    try (EventFile in = MadMinerFiles.open(Path.of(r.file()))) {
      return new GoldMiner(in.setup()).benchmarkCrossSections(view(in, r));
    }
  }

  private static MinedEvents mineRange(MineRange m) {
    try (EventFile in = MadMinerFiles.open(Path.of(m.range().file()))) {
      return new GoldMiner(in.setup()).mine(view(in, m.range()), m.p0(), m.p1());
    }
  }

  private static WeightedView view(EventFile in, Range r) {
    return WeightedView.of(in, r.from(), r.count(), r.factors(), 1.0);
  }
}
