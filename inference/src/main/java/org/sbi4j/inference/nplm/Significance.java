package org.sbi4j.inference.nplm;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.sbi4j.common.InvalidValueException;

/** p-values and their one-sided Gaussian significances Z = Φ⁻¹(1 − p). */
public final class Significance {
  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  /** p is clamped into [MIN_P, 1 − 2⁻⁵³] so that Z stays finite (|Z| ≤ 37.5 and ≥ −8.2). */
  private static final double MIN_P = 1e-300;

  private Significance() {}

  /** Z = Φ⁻¹(1 − p), computed as the inverse survival function for accuracy at small p. */
  public static double z(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p-value " + p + " is not in [0, 1]");
    }
    double clamped = Math.min(1 - 0x1p-53, Math.max(MIN_P, p));
    return NORMAL.inverseSurvivalProbability(clamped);
  }

  /** P(χ²_k ≥ t). */
  public static double chiSquaredPValue(double t, double k) {
    return t <= 0 ? 1.0 : ChiSquaredDistribution.of(k).survivalProbability(t);
  }

  /**
   * Z of t under χ²_k. Where the p-value underflows (t far in the tail) it uses the Wilson–Hilferty
   * approximation ((t/k)^{1/3} − 1 + 2/(9k)) / √(2/(9k)), accurate to a few percent there, instead
   * of reporting an infinite Z.
   */
  public static double chiSquaredZ(double t, double k) {
    double p = chiSquaredPValue(t, k);
    if (p > MIN_P) {
      return z(p);
    }
    double v = 2.0 / (9.0 * k);
    return (Math.cbrt(t / k) - 1 + v) / Math.sqrt(v);
  }

  /**
   * The empirical p-value of {@code t} among {@code nullT}: (1 + #{t_i ≥ t}) / (1 + K), which is
   * never 0 and is exact in level for exchangeable toys (Phipson and Smyth, SAGMB 9, 2010).
   */
  public static double empiricalPValue(double t, double[] nullT) {
    if (nullT.length == 0) {
      throw new InvalidValueException("toys", "no toys: an empirical p-value needs ≥ 1 toy");
    }
    int above = 0;
    for (double v : nullT) {
      above += v >= t ? 1 : 0;
    }
    return (1.0 + above) / (1.0 + nullT.length);
  }
}
