package org.sbi4j.samples.steps;

import java.nio.file.Path;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.internal.H5Writer;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.MinedEvents;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.WeightedView;

/**
 * {@code sbi4j mine}: joint ratio and score for every event of a file, in file order, with
 * MadMiner's sampling factors. Writes {@code dsigma0}, {@code dsigma1}, {@code log_r_xz} (n) and
 * {@code t_xz0}, {@code t_xz1} (n × p); when some events have dσ_e ≤ 0 also {@code valid} (n, int64
 * 0/1; their log_r_xz and t are 0).
 */
public final class MineStep {
  private MineStep() {}

  /**
   * The result.
   *
   * @param sigma0 σ(θ0) (pb)
   * @param sigma1 σ(θ1) (pb)
   * @param events events mined
   * @param negativeEvents events with dσ_e ≤ 0 at θ0 or θ1
   * @param negativeFraction the fraction of Σ|dσ_e| they carry
   * @param out the output file
   */
  public record Result(
      double sigma0,
      double sigma1,
      long events,
      long negativeEvents,
      double negativeFraction,
      String out) {}

  /** Events per task when mining runs as tasks. */
  public static final int EVENTS_PER_TASK = 1 << 20;

  /** Mines {@code events} at θ0 and θ1 in this thread and writes {@code out}. */
  public static Result run(
      Path events, double[] theta0, double[] theta1, Path out, double maxNegativeFraction) {
    MinedEvents m;
    try (EventFile in = MadMinerFiles.open(events)) {
      m =
          new GoldMiner(in.setup())
              .mine(WeightedView.of(in, Partition.ALL), theta0, theta1, maxNegativeFraction);
    }
    return write(m, out);
  }

  /** As {@link #run(Path, double[], double[], Path, double)}, as tasks over event ranges. */
  public static Result run(
      Path events,
      double[] theta0,
      double[] theta1,
      Path out,
      double maxNegativeFraction,
      TaskRunner runner) {
    return write(
        ChunkedMining.mine(events, theta0, theta1, maxNegativeFraction, runner, EVENTS_PER_TASK),
        out);
  }

  private static Result write(MinedEvents m, Path out) {
    H5Writer.write(
        out,
        w -> {
          w.doubles("dsigma0", m.dsigma0());
          w.doubles("dsigma1", m.dsigma1());
          w.doubles("log_r_xz", m.logR());
          w.matrix("t_xz0", m.t0(), m.parameters());
          w.matrix("t_xz1", m.t1(), m.parameters());
          if (m.negatives().count() > 0) {
            long[] valid = new long[m.size()];
            for (int i = 0; i < valid.length; i++) {
              valid[i] = m.valid()[i] ? 1 : 0;
            }
            w.longs("valid", valid);
          }
        });
    return new Result(
        m.sigma0(),
        m.sigma1(),
        m.size(),
        m.negatives().count(),
        m.negatives().fraction(),
        out.toString());
  }
}
