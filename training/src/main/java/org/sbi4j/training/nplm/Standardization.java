package org.sbi4j.training.nplm;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * The input standardisation of an NPLM network, x' = (x − μ)/s per feature, with μ and s the
 * weighted mean and standard deviation of the reference sample (the NPLM authors' preprocessing):
 * it makes the weight clip W independent of the units of x. A constant feature keeps s = 1.
 *
 * @param mean μ, one finite value per feature
 * @param scale s, one finite value > 0 per feature
 */
public record Standardization(double[] mean, double[] scale) implements Serializable {
  public Standardization {
    if (mean.length != scale.length || mean.length == 0) {
      throw new IllegalArgumentException(
          "standardisation needs one mean and one scale per feature, got "
              + mean.length
              + " and "
              + scale.length);
    }
    for (int j = 0; j < mean.length; j++) {
      if (!Double.isFinite(mean[j]) || !(scale[j] > 0) || !Double.isFinite(scale[j])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "feature %d has mean %s and scale %s; both must be finite, the scale > 0",
                j,
                mean[j],
                scale[j]));
      }
    }
    mean = mean.clone();
    scale = scale.clone();
  }

  /** μ = 0, s = 1: raw inputs. */
  public static Standardization identity(int dimension) {
    double[] one = new double[dimension];
    Arrays.fill(one, 1.0);
    return new Standardization(new double[dimension], one);
  }

  /**
   * Weighted mean and standard deviation of the reference rows of {@code problem} (weights w_R): μ
   * = Σ w x / Σ w, s² = Σ w (x − μ)² / Σ w; a feature with s = 0 keeps s = 1. Falls back to equal
   * weights when the weights sum to 0.
   */
  public static Standardization of(NplmProblem problem) {
    int d = problem.dimension();
    double[] x = problem.reference();
    double[] w = problem.referenceWeights();
    double total = 0;
    for (double v : w) {
      total += v;
    }
    boolean equal = !(total > 0);
    double sumW = equal ? w.length : total;
    double[] mean = new double[d];
    for (int i = 0; i < w.length; i++) {
      double wi = equal ? 1 : w[i];
      for (int j = 0; j < d; j++) {
        mean[j] += wi * x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= sumW;
    }
    double[] var = new double[d];
    for (int i = 0; i < w.length; i++) {
      double wi = equal ? 1 : w[i];
      for (int j = 0; j < d; j++) {
        double dx = x[i * d + j] - mean[j];
        var[j] += wi * dx * dx;
      }
    }
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double s = Math.sqrt(var[j] / sumW);
      scale[j] = s > 0 && Double.isFinite(s) ? s : 1.0;
    }
    return new Standardization(mean, scale);
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  /** Number of features d. */
  public int dimension() {
    return mean.length;
  }

  /** Whether this is μ = 0, s = 1 (inputs pass unchanged). */
  public boolean isIdentity() {
    for (int j = 0; j < mean.length; j++) {
      if (mean[j] != 0 || scale[j] != 1) {
        return false;
      }
    }
    return true;
  }

  /** The standardised copy of rows {@code x} (n × d, row-major). */
  public double[] apply(double[] x) {
    int d = mean.length;
    if (x.length % d != 0) {
      throw new IllegalArgumentException(x.length + " values are not rows of " + d + " features");
    }
    double[] out = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      out[k] = (x[k] - mean[k % d]) / scale[k % d];
    }
    return out;
  }

  /** {@code problem} with reference and data standardised, weights unchanged. */
  public NplmProblem apply(NplmProblem problem) {
    if (isIdentity()) {
      return problem;
    }
    return new NplmProblem(
        problem.dimension(),
        apply(problem.reference()),
        problem.referenceWeights(),
        apply(problem.data()),
        problem.dataWeights());
  }
}
