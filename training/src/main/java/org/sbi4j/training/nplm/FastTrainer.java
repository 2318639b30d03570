package org.sbi4j.training.nplm;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;

/** The {@link FastMode} schedule: coarse multi-start continuation, then polishes in full. */
final class FastTrainer {
  /**
   * L-BFGS iterations of the full-problem screening of each candidate: enough to settle into its
   * full-problem basin; only the winner then runs to convergence (the slow drift of saturating
   * units costs hundreds of full evaluations per candidate otherwise).
   */
  static final int SCREEN_ITERATIONS = 100;

  private FastTrainer() {}

  static NplmFit train(NplmProblem problem, NplmTrainingConfig config, long seed, Objective full) {
    return train(problem, config, seed, full, null);
  }

  /**
   * As above, with the multi-start phase on the plain loss of {@code starts} (coarsened like the
   * problem) instead of {@code full}, when {@code starts} is not null: the nuisance fit starts on
   * the plain loss with the reference reweighted to the null's ν̂ and screens and polishes on its
   * profiled loss.
   */
  static NplmFit train(
      NplmProblem problem,
      NplmTrainingConfig config,
      long seed,
      Objective full,
      NplmProblem starts) {
    FastMode fast = config.fast();
    NetworkShape shape = config.network();
    NplmProblem base = starts == null ? problem : starts;
    NplmProblem coarse = coarse(base, fast.coarseRows(), Seeds.derive(seed, 0x5EED));
    int[] counts = new int[2];
    java.util.List<Candidate> candidates = new java.util.ArrayList<>();
    FusedLoss coarseLoss =
        coarse == base && starts == null ? null : new FusedLoss(shape, coarse, 1);
    try {
      Objective objective = coarseLoss == null ? full : coarseLoss;
      for (int s = 0; s < fast.starts() + fast.adamStarts(); s++) {
        boolean adam = s >= fast.starts();
        int i = adam ? s - fast.starts() : s;
        candidates.add(
            start(
                objective,
                config,
                adam,
                shape.initialParameters(i == 0 ? seed : Seeds.derive(seed, i)),
                counts));
      }
    } finally {
      if (coarseLoss != null) {
        coarseLoss.close();
      }
    }
    if (!fast.polishAll()) {
      candidates.sort(java.util.Comparator.comparingDouble(Candidate::coarseLoss));
      candidates = candidates.subList(0, 1);
    }
    ProjectedLbfgs screen =
        new ProjectedLbfgs(
            fast.lbfgs().memory(),
            SCREEN_ITERATIONS,
            fast.lbfgs().relativeTolerance(),
            fast.lbfgs().gradientTolerance());
    ProjectedLbfgs.Result best = null;
    for (Candidate c : candidates) {
      ProjectedLbfgs.Result r =
          (candidates.size() > 1 ? screen : fast.lbfgs())
              .minimize(full, c.x(), config.lowerBounds(), config.upperBounds());
      counts[0] += r.iterations();
      counts[1] += r.evaluations();
      if (best == null || r.value() < best.value()) {
        best = r;
      }
    }
    if (candidates.size() > 1) {
      best = fast.lbfgs().minimize(full, best.x(), config.lowerBounds(), config.upperBounds());
      counts[0] += best.iterations();
      counts[1] += best.evaluations();
    }
    return new NplmFit(new NplmNetwork(shape, best.x()), best.value(), counts[0], counts[1]);
  }

  /** One start on the coarse objective: Adam-guided or clip continuation, then L-BFGS. */
  private static Candidate start(
      Objective objective, NplmTrainingConfig config, boolean adam, double[] x, int[] counts) {
    FastMode fast = config.fast();
    double loss = Double.NaN;
    if (adam) {
      Adam.withLearningRate(fast.adamLearningRate())
          .minimize(objective, x, config.lowerBounds(), config.upperBounds(), fast.adamEpochs());
      counts[1] += fast.adamEpochs() + 1;
    }
    for (double w : adam ? new double[] {config.clip()} : fast.clipStages(config.clip())) {
      ProjectedLbfgs.Result r =
          fast.lbfgs().minimize(objective, x, config.lowerBounds(w), config.upperBounds(w));
      x = r.x();
      loss = r.value();
      counts[0] += r.iterations();
      counts[1] += r.evaluations();
    }
    return new Candidate(x, loss);
  }

  /** A coarse minimiser and its coarse loss. */
  private record Candidate(double[] x, double coarseLoss) {}

  /**
   * The problem with its reference reduced to {@code rows} rows drawn without replacement (weights
   * rescaled to keep their sum), or the problem itself when it is not larger.
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
