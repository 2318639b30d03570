package org.sbi4j.samples.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.internal.H5Writer;
import org.sbi4j.samples.mining.Distributions;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.MinedEvents;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.WeightedView;

/**
 * {@code sbi4j mine}: joint ratio and score for every event of a file, in file order, with
 * MadMiner's sampling factors. Writes {@code dsigma0}, {@code dsigma1}, {@code log_r_xz} (n) and
 * {@code t_xz0}, {@code t_xz1} (n × p); when some events have dσ_e ≤ 0 also {@code valid} (n, int64
 * 0/1; their log_r_xz and t are 0).
 *
 * <p>When the event file declares nuisance parameters the scores are over θ ⊕ ν (p + m columns) at
 * (θ0, ν0) and (θ1, ν1), ν = 0 unless given (docs/math.md §7.4), and {@code nuisance_names} (m) is
 * written.
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
   * @param warnings θ0 or θ1 outside the setup's parameter ranges (empty when none)
   * @param nuisances the nuisance parameters the scores include after θ (empty when none)
   * @param benchmarks σ_b with its Monte-Carlo error per benchmark, from the effective weights of
   *     every event (docs/math.md §12.4)
   */
  public record Result(
      double sigma0,
      double sigma1,
      long events,
      long negativeEvents,
      double negativeFraction,
      String out,
      List<String> warnings,
      List<String> nuisances,
      List<Distributions.BenchmarkSigma> benchmarks) {}

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
    return write(m, out, rangeWarnings(events, theta0, theta1), List.of(), events);
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
        out,
        rangeWarnings(events, theta0, theta1),
        List.of(),
        events);
  }

  /**
   * Mines at (θ0, ν0) and (θ1, ν1): as {@link #run(Path, double[], double[], Path, double,
   * TaskRunner)} for a file without nuisance parameters (then ν0 and ν1 must be null); for a file
   * with them, the joint ratio and the score over θ ⊕ ν, null ν meaning 0.
   *
   * @param policy what to do with undefined nuisance coefficients
   * @param runner tasks over event ranges, or null for this thread
   */
  public static Result run(
      Path events,
      double[] theta0,
      double[] nu0,
      double[] theta1,
      double[] nu1,
      Path out,
      double maxNegativeFraction,
      NuisanceMorphing.Policy policy,
      TaskRunner runner) {
    Nuisances nuisances = JointMining.nuisancesOf(events);
    double[] n0 = JointMining.resolve("nu0", nu0, nuisances);
    double[] n1 = JointMining.resolve("nu1", nu1, nuisances);
    if (nuisances.isEmpty()) {
      return runner == null
          ? run(events, theta0, theta1, out, maxNegativeFraction)
          : run(events, theta0, theta1, out, maxNegativeFraction, runner);
    }
    MinedEvents m =
        JointMining.mine(
            events, theta0, n0, theta1, n1, policy, maxNegativeFraction, runner, EVENTS_PER_TASK);
    return write(m, out, rangeWarnings(events, theta0, theta1), nuisances.names(), events);
  }

  /**
   * One warning per θ0 or θ1 entry outside its parameter's range in the setup of {@code events}.
   */
  static List<String> rangeWarnings(Path events, double[] theta0, double[] theta1) {
    List<Parameter> ps;
    try (EventFile in = MadMinerFiles.open(events)) {
      ps = in.setup().parameters();
    }
    List<String> out = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      double[] theta = k == 0 ? theta0 : theta1;
      for (int a = 0; a < Math.min(theta.length, ps.size()); a++) {
        Parameter p = ps.get(a);
        if (!p.contains(theta[a])) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "theta%d of '%s' = %s lies outside the parameter range [%s, %s] of the setup;"
                      + " the morphing there is an extrapolation",
                  k,
                  p.name(),
                  theta[a],
                  p.min(),
                  p.max()));
        }
      }
    }
    return out;
  }

  private static Result write(
      MinedEvents m, Path out, List<String> warnings, List<String> nuisances, Path events) {
    List<Distributions.BenchmarkSigma> sigmas;
    try (EventFile in = MadMinerFiles.open(events)) {
      sigmas = Distributions.benchmarkSigmas(WeightedView.of(in, Partition.ALL));
    }
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
          if (!nuisances.isEmpty()) {
            w.strings("nuisance_names", nuisances);
          }
        });
    return new Result(
        m.sigma0(),
        m.sigma1(),
        m.size(),
        m.negatives().count(),
        m.negatives().fraction(),
        out.toString(),
        warnings,
        nuisances,
        sigmas);
  }
}
