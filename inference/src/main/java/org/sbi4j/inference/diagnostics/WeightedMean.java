package org.sbi4j.inference.diagnostics;

import org.sbi4j.common.InvalidValueException;

/**
 * A weighted Monte Carlo mean (docs/math.md §10.1): m = Σ w_i f_i / Σ w_i with the delta-method
 * standard error s² = Σ w_i² (f_i − m)² / (Σ w_i)², which for equal weights is the sample variance
 * over n, and the effective sample size n_eff = (Σ w_i)² / Σ w_i².
 *
 * @param mean m
 * @param error s, the standard error of m
 * @param effectiveSize n_eff
 */
public record WeightedMean(double mean, double error, double effectiveSize) {
  /** The weighted mean of {@code values} with {@code weights}; Σ w must be positive. */
  public static WeightedMean of(double[] values, double[] weights) {
    if (values.length != weights.length) {
      throw new IllegalArgumentException(
          values.length + " values but " + weights.length + " weights; give one weight per value");
    }
    double sw = 0;
    double sw2 = 0;
    double swf = 0;
    for (int i = 0; i < values.length; i++) {
      sw += weights[i];
      sw2 += weights[i] * weights[i];
      swf += weights[i] * values[i];
    }
    if (!(sw > 0)) {
      throw new InvalidValueException(
          "weights", "their sum " + sw + " is not positive; no events carry this hypothesis");
    }
    double m = swf / sw;
    double v = 0;
    for (int i = 0; i < values.length; i++) {
      double d = values[i] - m;
      v += weights[i] * weights[i] * d * d;
    }
    return new WeightedMean(m, Math.sqrt(v) / sw, sw * sw / sw2);
  }

  /** (m − target) / s: how many standard errors m lies from {@code target}. */
  public double pull(double target) {
    return error > 0 ? (mean - target) / error : (mean == target ? 0 : Double.POSITIVE_INFINITY);
  }
}
