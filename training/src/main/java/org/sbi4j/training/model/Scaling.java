package org.sbi4j.training.model;

import java.util.Locale;
import org.sbi4j.common.Check;

/**
 * Standardisation u = (v − mean) / scale of each column of a matrix, fitted on the training
 * partition and stored with the model. A column with zero spread gets scale 1 (it is then only
 * centred), so a constant input never divides by zero.
 *
 * @param mean per-column mean
 * @param scale per-column standard deviation (population), positive
 */
public record Scaling(double[] mean, double[] scale) {
  public Scaling {
    Check.finite("scaling mean", mean);
    Check.length("scaling scale", scale, mean.length);
    for (int k = 0; k < scale.length; k++) {
      if (!(scale[k] > 0) || !Double.isFinite(scale[k])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT, "scaling scale[%d] = %s must be positive and finite", k, scale[k]));
      }
    }
    mean = mean.clone();
    scale = scale.clone();
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] scale() {
    return scale.clone();
  }

  /** Number of columns. */
  public int width() {
    return mean.length;
  }

  /** Means and standard deviations of the columns of {@code values} (n × width, row-major). */
  public static Scaling fit(double[] values, int width) {
    int n = values.length / width;
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit a scaling on an empty sample");
    }
    double[] mean = new double[width];
    double[] scale = new double[width];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < width; k++) {
        mean[k] += values[i * width + k];
      }
    }
    for (int k = 0; k < width; k++) {
      mean[k] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < width; k++) {
        double d = values[i * width + k] - mean[k];
        scale[k] += d * d;
      }
    }
    for (int k = 0; k < width; k++) {
      double sd = Math.sqrt(scale[k] / n);
      scale[k] = sd > 1e-12 * Math.max(1, Math.abs(mean[k])) ? sd : 1.0;
    }
    return new Scaling(mean, scale);
  }

  /** The identity scaling of {@code width} columns. */
  public static Scaling identity(int width) {
    double[] one = new double[width];
    java.util.Arrays.fill(one, 1.0);
    return new Scaling(new double[width], one);
  }

  /** (v − mean) / scale of entry k. */
  public double apply(int k, double v) {
    return (v - mean[k]) / scale[k];
  }
}
