package org.sbi4j.inference.protomodels;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * 95 % CL upper limits on the signal of one counting region with a Gaussian-constrained background,
 * from the asymptotic CLs formulae for q̃ (docs/math.md §9.1).
 */
final class RegionLimits {
  private static final NormalDistribution N = NormalDistribution.of(0, 1);

  private RegionLimits() {}

  /** q̃(s) for observed count n: 2 [nll(s) − nll(clamp(n − b, 0, s))]. */
  static double qTilde(double n, double b, double v, double s) {
    double hat = Math.min(Math.max(n - b, 0), s);
    return Math.max(
        0,
        2
            * (CountingLikelihood.profiledNll(n, b, v, s)
                - CountingLikelihood.profiledNll(n, b, v, hat)));
  }

  /** q_A(s): q̃ on the background-only Asimov data n = b. */
  static double qAsimov(double b, double v, double s) {
    return qTilde(b, b, v, s);
  }

  /**
   * Asymptotic CLs at signal s for the observed count n; its Asimov data set is the background
   * fitted to n at s = 0 (the background b + θ̂₀ with the constraint centred there), as pyhf's.
   */
  static double cls(double n, double b, double v, double s) {
    double q = qTilde(n, b, v, s);
    double qa = qAsimov(fittedBackground(n, b, v), v, s);
    if (qa <= 0) {
      return 1;
    }
    double sq = Math.sqrt(q);
    double sqa = Math.sqrt(qa);
    if (q <= qa) {
      return N.survivalProbability(sq) / N.cumulativeProbability(sqa - sq);
    }
    return N.survivalProbability((q + qa) / (2 * sqa))
        / N.survivalProbability((q - qa) / (2 * sqa));
  }

  /** b + θ̂₀: the expected count λ̂ of the fit at s = 0 to the count n. */
  static double fittedBackground(double n, double b, double v) {
    double c = v - b;
    double root = Math.sqrt(c * c + 4 * n * v);
    return c <= 0 ? 0.5 * (root - c) : 2 * n * v / (c + root);
  }

  /** The observed limit: CLs(s) = 0.05. */
  static double observed(double n, double b, double v) {
    return root(s -> cls(n, b, v, s) - 0.05, n + b + Math.sqrt(v) + 1);
  }

  /**
   * The median expected limit before data: q_A(s) = Φ⁻¹(0.975)² on the Asimov data n = b (the
   * nominal background), so that the choice of the best expected region does not depend on n.
   */
  static double expected(double b, double v) {
    double z2 = TruncatedGaussian.Z975 * TruncatedGaussian.Z975;
    return root(s -> z2 - qAsimov(b, v, s), b + Math.sqrt(v) + 1);
  }

  /** The root of a function positive at 0 and negative far out, bracketed by doubling. */
  private static double root(DoubleUnaryOperator f, double start) {
    double hi = start;
    int doublings = 0;
    while (f.applyAsDouble(hi) > 0) {
      hi *= 2;
      if (++doublings > 60) {
        throw new IllegalStateException("no upper limit below " + hi);
      }
    }
    return new BrentSolver(1e-10 * hi, 1e-12).solve(500, f::applyAsDouble, 0, hi);
  }
}
