package org.sbi4j.inference.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * The reliability (calibration) curve of the classifier ŝ(x) = 1/(1 + r̂(x|θ0,θ1)) (docs/math.md
 * §10.3): with equal priors on θ0 and θ1 a calibrated ŝ is the probability that x came from θ1. In
 * {@value #BINS} equal bins of ŝ on [0, 1], each bin gives the mean ŝ and the observed fraction of
 * θ1, f = B/(A + B) with A, B the bin's weights of θ0 and θ1 (each class normalised to 1).
 */
public final class Reliability {
  /** Equal-width bins of ŝ on [0, 1]. */
  public static final int BINS = 10;

  private Reliability() {}

  /**
   * One bin.
   *
   * @param lower lower edge of ŝ
   * @param upper upper edge of ŝ
   * @param meanS the mean of ŝ in the bin under the equal mixture of θ0 and θ1
   * @param fractionTheta1 the observed fraction of θ1, B/(A + B)
   * @param fractionError its binomial standard error with the bin's effective sample size
   * @param weight A + B, the bin's share of the equal mixture (times 2)
   */
  public record Bin(
      double lower,
      double upper,
      double meanS,
      double fractionTheta1,
      double fractionError,
      double weight) {}

  /**
   * The curve of ŝ = 1/(1 + exp(logR)) with θ0 weights {@code a} and θ1 weights {@code b}; empty
   * bins (no positive mixture weight) are left out.
   */
  public static List<Bin> of(double[] logR, double[] a, double[] b) {
    double sa = 0;
    double sb = 0;
    for (int i = 0; i < logR.length; i++) {
      sa += a[i];
      sb += b[i];
    }
    double[] wa = new double[BINS];
    double[] wb = new double[BINS];
    double[] ws = new double[BINS];
    double[] w2 = new double[BINS];
    for (int i = 0; i < logR.length; i++) {
      double s = shat(logR[i]);
      int k = Math.min(BINS - 1, (int) (s * BINS));
      double ai = a[i] / sa;
      double bi = b[i] / sb;
      wa[k] += ai;
      wb[k] += bi;
      ws[k] += (ai + bi) * s;
      w2[k] += (ai + bi) * (ai + bi);
    }
    List<Bin> out = new ArrayList<>();
    for (int k = 0; k < BINS; k++) {
      double w = wa[k] + wb[k];
      if (!(w > 0)) {
        continue;
      }
      double f = wb[k] / w;
      double nEff = w * w / w2[k];
      double err = Math.sqrt(Math.max(0, f * (1 - f)) / nEff);
      out.add(new Bin((double) k / BINS, (double) (k + 1) / BINS, ws[k] / w, f, err, w));
    }
    return out;
  }

  /** ŝ = 1/(1 + r̂) from log r̂, without overflow. */
  static double shat(double logR) {
    return logR > 0 ? Math.exp(-logR) / (1 + Math.exp(-logR)) : 1 / (1 + Math.exp(logR));
  }
}
