package org.sbi4j.inference.nplm;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.sbi4j.common.InvalidValueException;

/**
 * A χ²_k distribution fitted to toy values of t by maximum likelihood, and the Kolmogorov–Smirnov
 * p-value of the toys against it.
 *
 * <p>For t_i ~ χ²_k the log-likelihood's derivative in k vanishes where ψ(k/2) = mean(ln t_i) − ln
 * 2 (ψ the digamma function); ψ is increasing, so k is found by bisection. Only t_i > 0 enter (t =
 * 0 has zero density for k > 2); the KS p-value uses the same values and is approximate because k
 * is estimated from them (it errs on the conservative side).
 *
 * @param dof the fitted k > 0
 * @param ksPValue the KS p-value of the toys against χ²_k
 * @param used number of toys with t > 0 that entered the fit
 */
public record ChiSquaredFit(double dof, double ksPValue, int used) {
  /** Fits k to {@code t}; needs at least two positive values that are not all equal. */
  public static ChiSquaredFit fit(double[] t) {
    double[] positive =
        java.util.Arrays.stream(t).filter(v -> v > 0 && Double.isFinite(v)).toArray();
    if (positive.length < 2) {
      throw new InvalidValueException(
          "toys",
          "the χ² fit needs at least 2 toys with t > 0, got "
              + positive.length
              + "; run more toys");
    }
    double meanLog = 0;
    for (double v : positive) {
      meanLog += Math.log(v);
    }
    meanLog /= positive.length;
    double target = meanLog - Math.log(2);
    double lo = 1e-6;
    double hi = 1e6;
    if (Gamma.digamma(hi / 2) < target) {
      throw new IllegalArgumentException(
          "toy t values are too large for a χ² fit (mean ln t = " + meanLog + ")");
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (Gamma.digamma(mid / 2) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double k = 0.5 * (lo + hi);
    double ks =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new ChiSquaredDistribution(null, k), positive);
    return new ChiSquaredFit(k, ks, positive.length);
  }

  /**
   * Standard error of the fitted k: the χ²_k log-density's second derivative in k is −ψ′(k/2)/4 (ψ′
   * the trigamma function), so the Fisher information of the {@link #used} toys is used·ψ′(k/2)/4
   * and the error 2/√(used·ψ′(k/2)).
   */
  public double dofError() {
    return 2 / Math.sqrt(used * Gamma.trigamma(dof / 2));
  }
}
