package org.sbi4j.training.nplm;

import java.io.Serializable;
import org.sbi4j.common.InvalidValueException;

/**
 * The kernel variant of NPLM (Falkon-NPLM, docs/math.md §5.7): Nyström kernel logistic regression
 * with a Gaussian kernel, solved by Newton steps with preconditioned conjugate gradients.
 *
 * @param centers M ≥ 1 Nyström centres, drawn uniformly from the reference and data rows
 * @param sigma Gaussian width σ > 0 in standardised units, or NaN for the 90th percentile of the
 *     pairwise distances of up to 1000 reference rows
 * @param lambda ridge penalty λ > 0
 * @param maxNewton Newton steps at most, ≥ 1
 * @param tolerance Newton stops after the step whose Newton decrement −gᵀΔ/2 is below tolerance·(1
 *     + |J|), and each CG solve when its preconditioned residual falls below tolerance times the
 *     initial one; > 0
 * @param maxCg CG iterations per Newton step at most, ≥ 1
 */
public record KernelConfig(
    int centers, double sigma, double lambda, int maxNewton, double tolerance, int maxCg)
    implements Serializable {
  public KernelConfig {
    if (centers < 1) {
      throw new InvalidValueException(
          "centers", "centers = " + centers + " must be ≥ 1 (Nyström centres, e.g. 200)");
    }
    if (!Double.isNaN(sigma) && !(sigma > 0 && Double.isFinite(sigma))) {
      throw new InvalidValueException(
          "sigma", "sigma = " + sigma + " must be > 0 (kernel width in standardised units)");
    }
    if (!(lambda > 0) || !Double.isFinite(lambda)) {
      throw new InvalidValueException("lambda", "lambda = " + lambda + " must be > 0, e.g. 1e-6");
    }
    if (maxNewton < 1 || maxCg < 1 || !(tolerance > 0)) {
      throw new IllegalArgumentException(
          "kernel solver needs maxNewton ≥ 1, maxCg ≥ 1 and tolerance > 0, got "
              + maxNewton
              + ", "
              + maxCg
              + ", "
              + tolerance);
    }
  }

  /** M centres, width σ (NaN: automatic), penalty λ; 30 Newton steps, tolerance 1e−10, 500 CG. */
  public static KernelConfig of(int centers, double sigma, double lambda) {
    return new KernelConfig(centers, sigma, lambda, 30, 1e-10, 500);
  }
}
