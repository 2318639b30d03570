package org.sbi4j.training.nplm;

import org.sbi4j.training.model.Precision;

/**
 * Trains an NPLM f(x) (docs/math.md §5): minimises L[f] = Σ_R w_R (e^{f} − 1) − Σ_D w_D f over the
 * network weights with every weight-matrix entry kept in [−W, W], from Glorot-uniform weights and
 * zero biases drawn with the seed. Same seed, problem and config → the same fit, on either engine
 * (to rounding) and for any thread count (bitwise, on the fused engine).
 */
public final class NplmTrainer {
  private NplmTrainer() {}

  /**
   * Trains f on {@code problem}; with {@link NplmTrainingConfig#standardize()} the network sees x
   * standardised by the reference's weighted mean and spread ({@link Standardization}), and the
   * returned network carries that standardisation.
   */
  public static NplmFit train(NplmProblem problem, NplmTrainingConfig config, long seed) {
    if (config.kernel() != null) {
      return KernelTrainer.train(problem, config.kernel(), seed);
    }
    NetworkShape shape = config.network();
    String mismatch = shape.inputMismatch(problem);
    if (mismatch != null) {
      throw new IllegalArgumentException(
          mismatch + "; give a network starting with " + problem.dimension());
    }
    if (!config.standardize()) {
      return trainRaw(problem, config, seed);
    }
    Standardization input = Standardization.of(problem);
    NplmFit fit = trainRaw(input.apply(problem), config, seed);
    return new NplmFit(
        new NplmNetwork(shape, fit.network().parameters(), input),
        fit.loss(),
        fit.iterations(),
        fit.evaluations());
  }

  private static NplmFit trainRaw(NplmProblem problem, NplmTrainingConfig config, long seed) {
    NetworkShape shape = config.network();
    double[] x = shape.initialParameters(seed);
    double[] lower = config.lowerBounds();
    double[] upper = config.upperBounds();
    FusedLoss fused =
        config.engine() == NplmEngine.FUSED
            ? new FusedLoss(shape, problem, config.threads(), adamPrecision(config))
            : null;
    try {
      Objective objective = fused != null ? fused : new SameDiffLoss(shape, problem);
      return switch (config.optimizer()) {
        case ADAM -> {
          double loss =
              Adam.withLearningRate(config.learningRate())
                  .minimize(objective, x, lower, upper, config.epochs());
          if (adamPrecision(config) == Precision.FLOAT32) {
            // the weights were trained in float; t is reported from the double loss at them
            try (FusedLoss exact = new FusedLoss(shape, problem, config.threads())) {
              loss = exact.valueAndGradient(x, new double[x.length]);
            }
          }
          yield new NplmFit(new NplmNetwork(shape, x), loss, config.epochs(), config.epochs() + 1);
        }
        case LBFGS -> FastTrainer.train(problem, config, seed, objective);
      };
    } finally {
      if (fused != null) {
        fused.close();
      }
    }
  }

  /** The arithmetic of the fused loss during the fit: FLOAT32 only for Adam steps. */
  private static Precision adamPrecision(NplmTrainingConfig config) {
    return config.optimizer() == NplmOptimizer.ADAM ? config.precision() : Precision.FLOAT64;
  }

  /** L[f] of a network (with its input standardisation) on {@code problem} (fused, one thread). */
  public static double loss(NplmProblem problem, NplmNetwork network) {
    try (FusedLoss loss = new FusedLoss(network.shape(), network.input().apply(problem), 1)) {
      return loss.valueAndGradient(
          network.parameters(), new double[network.shape().parameterCount()]);
    }
  }
}
