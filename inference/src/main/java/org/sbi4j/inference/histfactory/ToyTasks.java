package org.sbi4j.inference.histfactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;

/**
 * The toys of one hypothesis test as tasks on a {@link TaskRunner} (docs/math.md §6.8). The toys of
 * each hypothesis are cut into blocks of consecutive toys; a block carries the fitter's {@link
 * Fitter.Setup} (workspace, measurement, codes, bounds, inits, fixed flags), the parameters the
 * toys are drawn at, the tested μ and the root seed, so that a Spark executor rebuilds the model
 * from it. On local threads the block keeps the driver's fitter (a transient field) and skips the
 * rebuild. Toy {@code k} of hypothesis {@code h} draws from {@code Seeds.derive(seed, h, k)}
 * whatever block it is in, so the statistics do not depend on the runner, its parallelism or the
 * block size.
 */
final class ToyTasks {
  private ToyTasks() {}

  /** Blocks per hypothesis and unit of parallelism: a few, so that blocks balance the load. */
  static final int BLOCKS_PER_WORKER = 4;

  /**
   * What every block of one test shares.
   *
   * @param setup the fitter to rebuild
   * @param statistic the test statistic
   * @param mu the tested POI value
   * @param signalPars the parameters signal+background toys are drawn at
   * @param backgroundPars the parameters background-only toys are drawn at
   * @param seed the root seed
   */
  record Job(
      Fitter.Setup setup,
      TestStatistic statistic,
      double mu,
      double[] signalPars,
      double[] backgroundPars,
      long seed)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    Job {
      signalPars = signalPars.clone();
      backgroundPars = backgroundPars.clone();
    }
  }

  /** Toys [from, to) of hypothesis {@code h} (0: signal+background, 1: background only). */
  static final class Block implements Serializable {
    private static final long serialVersionUID = 1L;

    final Job job;
    final int hypothesis;
    final int from;
    final int to;
    private final transient Fitter local;

    Block(Job job, int hypothesis, int from, int to, Fitter local) {
      this.job = job;
      this.hypothesis = hypothesis;
      this.from = from;
      this.to = to;
      this.local = local;
    }
  }

  /**
   * The statistics of {@code toys} toys per hypothesis: [0] signal+background, [1] background only,
   * each in toy order.
   */
  static double[][] run(Fitter fitter, Job job, int toys, TaskRunner runner) {
    int k = Math.max(1, Math.min(toys, BLOCKS_PER_WORKER * runner.parallelism()));
    List<Block> blocks = new ArrayList<>(2 * k);
    for (int h = 0; h < 2; h++) {
      for (int b = 0; b < k; b++) {
        int from = (int) ((long) b * toys / k);
        int to = (int) ((long) (b + 1) * toys / k);
        blocks.add(new Block(job, h, from, to, fitter));
      }
    }
    List<double[]> parts = runner.map(blocks, ToyTasks::evaluate);
    double[][] out = new double[2][toys];
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      System.arraycopy(parts.get(i), 0, out[b.hypothesis], b.from, b.to - b.from);
    }
    return out;
  }

  /** A task: the statistics of the block's toys, rebuilding the fitter when it came by wire. */
  static double[] evaluate(Block b) {
    Job j = b.job;
    Fitter f = b.local != null ? b.local : j.setup().fitter();
    double[] pars = b.hypothesis == 0 ? j.signalPars() : j.backgroundPars();
    double[] out = new double[b.to - b.from];
    for (int k = b.from; k < b.to; k++) {
      UniformRandomProvider rng =
          RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(j.seed(), b.hypothesis, k));
      Data toy = f.model().sample(pars, rng);
      out[k - b.from] = j.statistic().evaluate(f, toy, j.mu()).value();
    }
    return out;
  }
}
