package org.sbi4j.inference.protomodels;

import java.io.Serializable;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.sbi4j.common.InvalidValueException;

/**
 * The truncated-Gaussian likelihood of a result published only as observed and expected 95 % CL
 * upper limits U_obs and U_exp on its signal s (docs/math.md §9.1): s ≥ 0 has the density φ((s −
 * ŝ)/σ) / (σ Φ(ŝ/σ)) with width σ = U_exp / z, z = Φ⁻¹(0.975), and mode ŝ chosen so that U_obs is
 * the 95 % quantile: U(ŝ) = ŝ + σ Φ⁻¹(1 − 0.05 Φ(ŝ/σ)) = U_obs.
 */
public final class TruncatedGaussian implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final NormalDistribution N = NormalDistribution.of(0, 1);

  /** z = Φ⁻¹(0.975): the expected limit of a Gaussian with mode 0 lies at z σ. */
  static final double Z975 = N.inverseSurvivalProbability(0.025);

  /** Lowest mode searched, in widths; below it U(ŝ) < 0.09 σ (docs/math.md §9.1). */
  private static final double LOWEST_MODE = -35;

  private final double observedLimit;
  private final double expectedLimit;
  private final double width;
  private final double mode;

  /**
   * @param observedLimit U_obs &gt; 0
   * @param expectedLimit U_exp &gt; 0
   */
  public TruncatedGaussian(double observedLimit, double expectedLimit) {
    if (!(observedLimit > 0) || !Double.isFinite(observedLimit)) {
      throw new InvalidValueException(
          "observedLimit", "must be positive and finite, got " + observedLimit);
    }
    if (!(expectedLimit > 0) || !Double.isFinite(expectedLimit)) {
      throw new InvalidValueException(
          "expectedLimit", "must be positive and finite, got " + expectedLimit);
    }
    this.observedLimit = observedLimit;
    this.expectedLimit = expectedLimit;
    this.width = expectedLimit / Z975;
    double lo = LOWEST_MODE * width;
    if (limitOf(lo, width) > observedLimit) {
      throw new InvalidValueException(
          "observedLimit",
          "observed limit "
              + observedLimit
              + " is too far below the expected limit "
              + expectedLimit
              + " for a truncated Gaussian (the ratio must exceed "
              + limitOf(lo, 1) / Z975
              + ")");
    }
    this.mode =
        new BrentSolver(1e-12 * expectedLimit)
            .solve(200, m -> limitOf(m, width) - observedLimit, lo, observedLimit);
  }

  /** The 95 % quantile U(ŝ) of a Gaussian of mode {@code mode} and width σ truncated to s ≥ 0. */
  public static double limitOf(double mode, double width) {
    return mode
        + width * N.inverseSurvivalProbability(0.05 * N.cumulativeProbability(mode / width));
  }

  /** U_obs. */
  public double observedLimit() {
    return observedLimit;
  }

  /** U_exp. */
  public double expectedLimit() {
    return expectedLimit;
  }

  /** σ = U_exp / Φ⁻¹(0.975). */
  public double width() {
    return width;
  }

  /** The mode ŝ (negative when the observed limit is below the expected one). */
  public double mode() {
    return mode;
  }

  /** The normalised density at signal {@code s} (0 for s &lt; 0). */
  public double density(double s) {
    if (s < 0) {
      return 0;
    }
    return N.density((s - mode) / width) / (width * N.cumulativeProbability(mode / width));
  }

  /** −ln of the density at {@code s ≥ 0}. */
  public double nll(double s) {
    double z = (s - mode) / width;
    return 0.5 * z * z
        + 0.5 * Math.log(2 * Math.PI)
        + Math.log(width)
        + Math.log(N.cumulativeProbability(mode / width));
  }
}
