package org.sbi4j.training.nplm;

/**
 * Full-batch Adam (Kingma and Ba, arXiv:1412.6980) with box clipping after every step, as the NPLM
 * authors train f: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², x ← x − η m̂/(√v̂ + ε) with m̂ =
 * m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ), then x ← clamp(x, lower, upper).
 *
 * @param learningRate η > 0
 * @param beta1 β₁ in [0, 1)
 * @param beta2 β₂ in [0, 1)
 * @param epsilon ε > 0
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) {
  public Adam {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate = " + learningRate + " must be > 0");
    }
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
      throw new IllegalArgumentException(
          "Adam needs 0 ≤ β₁, β₂ < 1 and ε > 0, got β₁ = "
              + beta1
              + ", β₂ = "
              + beta2
              + ", ε = "
              + epsilon);
    }
  }

  /** Keras's defaults (β₁ = 0.9, β₂ = 0.999, ε = 1e−7) with learning rate η. */
  public static Adam withLearningRate(double learningRate) {
    return new Adam(learningRate, 0.9, 0.999, 1e-7);
  }

  /**
   * Runs {@code steps} steps from {@code x} (updated in place, clamped into the box first) and
   * returns the objective at the final point.
   */
  public double minimize(
      Objective objective, double[] x, double[] lower, double[] upper, int steps) {
    return minimize(objective, x, lower, upper, steps, null);
  }

  /** Watches a run: called at every step with the objective before that step's update. */
  @FunctionalInterface
  public interface Progress {
    /** Step t (1-based) started from a point where the objective was {@code value}. */
    void step(int t, double value);
  }

  /** As {@link #minimize(Objective, double[], double[], double[], int)}, reporting to progress. */
  public double minimize(
      Objective objective,
      double[] x,
      double[] lower,
      double[] upper,
      int steps,
      Progress progress) {
    int p = x.length;
    double[] g = new double[p];
    double[] m = new double[p];
    double[] v = new double[p];
    ProjectedLbfgs.project(x, lower, upper);
    double b1t = 1.0;
    double b2t = 1.0;
    for (int t = 1; t <= steps; t++) {
      double value = objective.valueAndGradient(x, g);
      if (!Double.isFinite(value)) {
        throw new ArithmeticException(
            "NPLM loss became "
                + value
                + " at Adam step "
                + t
                + "; lower the learning rate or the clipping value");
      }
      if (progress != null) {
        progress.step(t, value);
      }
      b1t *= beta1;
      b2t *= beta2;
      for (int k = 0; k < p; k++) {
        m[k] = beta1 * m[k] + (1 - beta1) * g[k];
        v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
        double mHat = m[k] / (1 - b1t);
        double vHat = v[k] / (1 - b2t);
        x[k] -= learningRate * mHat / (Math.sqrt(vHat) + epsilon);
      }
      ProjectedLbfgs.project(x, lower, upper);
    }
    return objective.valueAndGradient(x, g);
  }
}
