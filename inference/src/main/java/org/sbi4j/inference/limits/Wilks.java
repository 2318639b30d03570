package org.sbi4j.inference.limits;

import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Wilks' theorem: under the hypothesis θ, q(θ) = −2Δlog L follows χ²_k asymptotically, k the number
 * of parameters (docs/math.md §4). Confidence levels are the Gaussian 1σ and 95 % ones.
 */
public final class Wilks {
  /** The Gaussian one-sigma coverage, erf(1/√2) = 0.6827: the "68 %" confidence level. */
  public static final double CL68 = 0.6826894921370859;

  /** The 95 % confidence level. */
  public static final double CL95 = 0.95;

  private Wilks() {}

  /**
   * The threshold on q for confidence level {@code cl} with k parameters: F⁻¹_{χ²_k}(cl); 1.00 and
   * 3.84 for k = 1, 2.30 and 5.99 for k = 2.
   */
  public static double threshold(double cl, int k) {
    check(k);
    if (!(cl > 0 && cl < 1)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "confidence level %s must lie strictly between 0 and 1 (e.g. 0.95)",
              cl));
    }
    return ChiSquaredDistribution.of(k).inverseCumulativeProbability(cl);
  }

  /** p(θ) = 1 − F_{χ²_k}(q); q must be ≥ 0 (tiny negative rounding, ≥ −1e-9, counts as 0). */
  public static double pValue(double q, int k) {
    check(k);
    if (!(q >= -1e-9)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "q = %s must be a non-negative number; it is −2Δlog L relative to the best fit",
              q));
    }
    return ChiSquaredDistribution.of(k).survivalProbability(Math.max(q, 0));
  }

  private static void check(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("the number of parameters k = " + k + " must be >= 1");
    }
  }
}
