package org.sbi4j.training.nplm;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;

/** The {@link FastMode} schedule: coarse multi-start continuation, then a full polish. */
final class FastTrainer {
  private FastTrainer() {}

  static NplmFit train(NplmProblem problem, NplmTrainingConfig config, long seed,
      Objective full) {
    FastMode fast = config.fast();
    NetworkShape shape = config.network();
    NplmProblem coarse = coarse(problem, fast.coarseRows(), Seeds.derive(seed, 0x5EED));
    int evaluations = 0;
    int iterations = 0;
    double[] best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    FusedLoss coarseLoss = coarse == problem ? null : new FusedLoss(shape, coarse, 1);
    try {
      Objective objective = coarseLoss == null ? full : coarseLoss;
      for (int s = 0; s < fast.starts() + fast.adamStarts(); s++) {
        double[] x = shape.initialParameters(s == 0 ? seed : Seeds.derive(seed, s));
        double loss = Double.NaN;
        boolean adam = s >= fast.starts();
        if (adam) {
          Adam.withLearningRate(fast.adamLearningRate()).minimize(objective, x,
              config.lowerBounds(), config.upperBounds(), fast.adamEpochs());
          evaluations += fast.adamEpochs() + 1;
        }
        for (double w : adam ? new double[] {config.clip()} : fast.clipStages(config.clip())) {
          ProjectedLbfgs.Result r = fast.lbfgs().minimize(objective, x, config.lowerBounds(w),
              config.upperBounds(w));
          x = r.x();
          loss = r.value();
          evaluations += r.evaluations();
          iterations += r.iterations();
        }
        if (loss < bestLoss) {
          bestLoss = loss;
          best = x;
        }
      }
    } finally {
      if (coarseLoss != null) {
        coarseLoss.close();
      }
    }
    ProjectedLbfgs.Result polish = fast.lbfgs().minimize(full, best, config.lowerBounds(),
        config.upperBounds());
    return new NplmFit(new NplmNetwork(shape, polish.x()), polish.value(),
        iterations + polish.iterations(), evaluations + polish.evaluations());
  }

  /**
   * The problem with its reference reduced to {@code rows} rows drawn without replacement
   * (weights rescaled to keep their sum), or the problem itself when it is not larger.
   */
  static NplmProblem coarse(NplmProblem problem, int rows, long seed) {
    int nr = problem.referenceSize();
    if (nr <= rows) {
      return problem;
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[] index = new int[nr];
    for (int i = 0; i < nr; i++) {
      index[i] = i;
    }
    int d = problem.dimension();
    double[] ref = problem.reference();
    double[] w = problem.referenceWeights();
    double[] x = new double[rows * d];
    double[] cw = new double[rows];
    double total = 0;
    double kept = 0;
    for (double v : w) {
      total += v;
    }
    for (int i = 0; i < rows; i++) {
      int j = i + rng.nextInt(nr - i);
      int tmp = index[i];
      index[i] = index[j];
      index[j] = tmp;
      System.arraycopy(ref, index[i] * d, x, i * d, d);
      cw[i] = w[index[i]];
      kept += cw[i];
    }
    for (int i = 0; i < rows; i++) {
      cw[i] *= total / kept;
    }
    return new NplmProblem(d, x, cw, problem.data(), problem.dataWeights());
  }
}
