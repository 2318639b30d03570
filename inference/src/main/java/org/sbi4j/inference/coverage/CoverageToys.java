package org.sbi4j.inference.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Check;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.likelihood.LogLikelihood;
import org.sbi4j.inference.limits.LikelihoodScan;
import org.sbi4j.inference.limits.ParameterGrid;

/**
 * Runs the toys of a coverage study as tasks: toy {@code k} draws from its own stream seeded with
 * {@code Seeds.derive(seed, k)}, so the q values do not depend on the runner or its thread count.
 * The toys go to the runner in batches so that progress can be reported between them.
 */
public final class CoverageToys {
  /** Batches per run (fewer when there are fewer toys): the granularity of progress reports. */
  static final int BATCHES = 20;

  private CoverageToys() {}

  /**
   * q(θ_true) of {@code toys} toys, in toy order.
   *
   * @param toy one pseudo-experiment
   * @param toys number of toys, ≥ 1
   * @param seed root seed
   * @param runner where the toys run (local threads: the statistic need not be serializable)
   * @param progress told the number of finished toys after every batch, or null
   */
  public static double[] run(
      ToyStatistic toy, int toys, long seed, TaskRunner runner, IntConsumer progress) {
    Check.positive("toys", toys);
    double[] q = new double[toys];
    int batch = Math.max(runner.parallelism(), (toys + BATCHES - 1) / BATCHES);
    for (int from = 0; from < toys; from += batch) {
      int to = Math.min(toys, from + batch);
      List<Integer> inputs = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        inputs.add(k);
      }
      List<Double> values =
          runner.map(
              inputs, k -> toy.q(RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, k))));
      for (int k = from; k < to; k++) {
        q[k] = values.get(k - from);
      }
      if (progress != null) {
        progress.accept(to);
      }
    }
    return q;
  }

  /**
   * q(θ_true) = −2[log L(θ_true) − max_θ log L(θ)] with the continuous maximum inside the box of
   * {@code fitGrid} ({@link LikelihoodScan#maximum}); log L(θ_true) counts as a candidate maximum,
   * so q ≥ 0 even where the optimiser stops short.
   */
  public static double q(LogLikelihood likelihood, ParameterGrid fitGrid, double[] thetaTrue) {
    PointValuePair max = LikelihoodScan.maximum(likelihood, fitGrid);
    double atTruth = likelihood.evaluate(thetaTrue);
    if (!Double.isFinite(atTruth)) {
      throw new IllegalStateException(
          "log L(θ_true) = " + atTruth + " in a toy; the likelihood must be finite at θ_true");
    }
    return Math.max(0, 2 * (Math.max(max.getValue(), atTruth) - atTruth));
  }
}
