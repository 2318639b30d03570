package org.sbi4j.samples.steps;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.JointPoint;
import org.sbi4j.samples.mining.MinedEvents;
import org.sbi4j.samples.mining.NuisanceMiner;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.mining.WeightedView;

/**
 * Gold mining over (θ, ν) of an event file with nuisance parameters (docs/math.md §7.4), in this
 * thread or as tasks over ranges of events as {@link ChunkedMining} does: pass 1 returns per-range
 * sums of σ(θ,ν) and ∇σ(θ,ν), added in range order; pass 2 mines each range with the totals.
 */
public final class JointMining {
  private JointMining() {}

  /** One task's share and the points, ν and the policy. */
  record Range(
      String file,
      long from,
      long count,
      double[] factors,
      double[][] thetas,
      double[][] nus,
      NuisanceMorphing.Policy policy)
      implements Serializable {}

  /** A range and the points with global σ. */
  record MineRange(Range range, JointPoint p0, JointPoint p1) implements Serializable {}

  /**
   * The ν of a request checked against the nuisance parameters of the events: null stands for ν =
   * 0; the count must match.
   *
   * @param name the value's name (nu0, nu1, nuRef)
   */
  public static double[] resolve(String name, double[] nu, Nuisances nuisances) {
    if (nuisances.isEmpty()) {
      if (nu != null) {
        throw new InvalidValueException(
            name,
            "the event file declares no nuisance parameters, so there is no ν to set; leave it"
                + " out or use an event file with nuisance benchmarks");
      }
      return null;
    }
    if (nu == null) {
      return new double[nuisances.size()];
    }
    if (nu.length != nuisances.size()) {
      throw new InvalidValueException(
          name,
          "has "
              + nu.length
              + " values but the event file has the nuisance parameters "
              + nuisances.names()
              + "; give one value per nuisance parameter, in that order");
    }
    for (double v : nu) {
      if (!Double.isFinite(v)) {
        throw new InvalidValueException(name, "has the non-finite value " + v);
      }
    }
    return nu.clone();
  }

  /**
   * Mines every event of {@code file} in file order at (θ0, ν0) and (θ1, ν1), with MadMiner's
   * sampling factors; on {@code runner} as tasks of {@code eventsPerTask} events, or in this thread
   * when it is null.
   */
  public static MinedEvents mine(
      Path file,
      double[] theta0,
      double[] nu0,
      double[] theta1,
      double[] nu1,
      NuisanceMorphing.Policy policy,
      double maxNegativeFraction,
      TaskRunner runner,
      int eventsPerTask) {
    double[][] thetas = {theta0, theta1};
    double[][] nus = {nu0, nu1};
    MorphingSetup setup;
    List<Range> ranges = new ArrayList<>();
    try (EventFile in = MadMinerFiles.open(file)) {
      setup = in.setup();
      if (runner == null) {
        MinedEvents m =
            new NuisanceMiner(setup, policy)
                .mine(
                    WeightedView.of(in, org.sbi4j.samples.mining.Partition.ALL),
                    theta0,
                    nu0,
                    theta1,
                    nu1,
                    maxNegativeFraction);
        return m;
      }
      double[] factors = WeightedView.samplingFactors(in.eventsPerBenchmark());
      for (long from = 0; from < in.size(); from += eventsPerTask) {
        ranges.add(
            new Range(
                file.toString(),
                from,
                Math.min(eventsPerTask, in.size() - from),
                factors,
                thetas,
                nus,
                policy));
      }
    }
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException(file + " has no events to mine");
    }
    List<double[][]> partial = runner.map(ranges, JointMining::sums);
    double[][] total = new double[2][partial.get(0)[0].length];
    for (double[][] s : partial) {
      for (int k = 0; k < 2; k++) {
        for (int c = 0; c < s[k].length; c++) {
          total[k][c] += s[k][c];
        }
      }
    }
    JointPoint[] pts = new NuisanceMiner(setup, policy).points(thetas, nus, total);
    List<MineRange> work = ranges.stream().map(r -> new MineRange(r, pts[0], pts[1])).toList();
    MinedEvents mined = MinedEvents.concatenate(runner.map(work, JointMining::mineRange));
    mined.negatives().check(maxNegativeFraction);
    return mined;
  }

  /** The nuisance parameters of an event file. */
  public static Nuisances nuisancesOf(Path file) {
    try (EventFile in = MadMinerFiles.open(file)) {
      return Unweighter.nuisancesOf(in);
    }
  }

  private static double[][] sums(Range r) {
    try (EventFile in = MadMinerFiles.open(Path.of(r.file()))) {
      return new NuisanceMiner(in.setup(), r.policy()).sums(view(in, r), r.thetas(), r.nus());
    }
  }

  private static MinedEvents mineRange(MineRange m) {
    try (EventFile in = MadMinerFiles.open(Path.of(m.range().file()))) {
      return new NuisanceMiner(in.setup(), m.range().policy())
          .mine(view(in, m.range()), m.p0(), m.p1());
    }
  }

  private static WeightedView view(EventFile in, Range r) {
    return WeightedView.of(in, r.from(), r.count(), r.factors(), 1.0);
  }
}
