package org.sbi4j.inference.protomodels;

import java.util.Arrays;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;

/**
 * Counting regions with Gaussian-constrained backgrounds (docs/math.md §9.1): n_i ~ Poisson(s_i +
 * b_i + θ_i), θ ~ N(0, Σ), the θ profiled. Without a covariance the regions are taken as correlated
 * in an unknown way and only the best expected region (largest s_i / U_exp,i) enters; with one, all
 * regions enter together.
 */
public final class CountingLikelihood implements AnalysisLikelihood {
  private final double[] observed;
  private final double[] background;
  private final double[][] covariance;
  private final boolean correlated;
  private final double[][] inverse;
  private final double[][] cholesky;
  private final double[] observedLimits;
  private final double[] expectedLimits;

  /**
   * @param observed observed counts n_i ≥ 0
   * @param background expected backgrounds b_i ≥ 0
   * @param uncertainties background uncertainties δ_i &gt; 0 (used when {@code covariance} is null)
   * @param covariance background covariance Σ (events²), or null for the best expected region
   */
  public CountingLikelihood(
      double[] observed, double[] background, double[] uncertainties, double[][] covariance) {
    int n = observed.length;
    if (n == 0) {
      throw new InvalidValueException("regions", "an analysis needs at least one region");
    }
    Check.length("background", background, n);
    for (int i = 0; i < n; i++) {
      if (!(observed[i] >= 0) || !Double.isFinite(observed[i])) {
        throw new InvalidValueException("observed", "counts must be ≥ 0, got " + observed[i]);
      }
      if (!(background[i] >= 0) || !Double.isFinite(background[i])) {
        throw new InvalidValueException(
            "background", "backgrounds must be ≥ 0, got " + background[i]);
      }
    }
    this.observed = observed.clone();
    this.background = background.clone();
    this.correlated = covariance != null;
    if (covariance == null) {
      Check.length("backgroundUncertainty", uncertainties, n);
      this.covariance = new double[n][n];
      for (int i = 0; i < n; i++) {
        if (!(uncertainties[i] > 0) || !Double.isFinite(uncertainties[i])) {
          throw new InvalidValueException(
              "backgroundUncertainty", "must be positive, got " + uncertainties[i]);
        }
        this.covariance[i][i] = uncertainties[i] * uncertainties[i];
      }
    } else {
      Check.rectangular("covariance", covariance, n);
      if (covariance.length != n) {
        throw new InvalidValueException(
            "covariance", "must be " + n + " × " + n + ", got " + covariance.length + " rows");
      }
      Check.finite("covariance", covariance);
      this.covariance = Check.copy(covariance);
    }
    RealMatrix c = MatrixUtils.createRealMatrix(this.covariance);
    try {
      CholeskyDecomposition chol = new CholeskyDecomposition(c, 1e-12, 1e-14);
      this.cholesky = chol.getL().getData();
      this.inverse = chol.getSolver().getInverse().getData();
    } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
      throw new InvalidValueException(
          "covariance", "must be symmetric and positive definite (" + e.getMessage() + ")");
    }
    this.observedLimits = new double[n];
    this.expectedLimits = new double[n];
    for (int i = 0; i < n; i++) {
      double v = this.covariance[i][i];
      observedLimits[i] = RegionLimits.observed(observed[i], background[i], v);
      expectedLimits[i] = RegionLimits.expected(background[i], v);
    }
  }

  @Override
  public int regions() {
    return observed.length;
  }

  /** Observed counts. */
  public double[] observed() {
    return observed.clone();
  }

  /** Expected backgrounds. */
  public double[] background() {
    return background.clone();
  }

  /** Background covariance (diagonal without a published one). */
  public double[][] covariance() {
    return Check.copy(covariance);
  }

  /** Whether a covariance was given (all regions combined) or not (best expected region). */
  public boolean correlated() {
    return correlated;
  }

  /** Observed 95 % CL upper limits on the signal of each region alone. */
  public double[] observedLimits() {
    return observedLimits.clone();
  }

  /** Median expected 95 % CL upper limits on the signal of each region alone. */
  public double[] expectedLimits() {
    return expectedLimits.clone();
  }

  /** The region with the largest s_i / U_exp,i (the first one on ties and without signal). */
  public int bestExpectedRegion(double[] signal) {
    int best = 0;
    double bestRatio = -1;
    for (int i = 0; i < signal.length; i++) {
      double r = signal[i] / expectedLimits[i];
      if (r > bestRatio) {
        bestRatio = r;
        best = i;
      }
    }
    return best;
  }

  @Override
  public Term term(double[] signal) {
    Check.length("signal", signal, regions());
    int r = bestExpectedRegion(signal);
    double ratio = signal[r] / observedLimits[r];
    if (correlated) {
      double[] s = signal.clone();
      return Term.of(
          mu -> {
            double[] scaled = new double[s.length];
            for (int i = 0; i < s.length; i++) {
              scaled[i] = mu * s[i];
            }
            return profiledNll(scaled);
          },
          ratio);
    }
    double n = observed[r];
    double b = background[r];
    double v = covariance[r][r];
    double s = signal[r];
    return Term.of(mu -> profiledNll(n, b, v, mu * s), ratio);
  }

  /**
   * −ln L of one region with the background shift θ ~ N(0, v) profiled, up to a constant: λ − n ln
   * λ + θ²/(2v) at the root λ of λ² + (v − b − s) λ − n v = 0, θ = λ − b − s.
   */
  public static double profiledNll(double n, double b, double v, double s) {
    double c = v - b - s;
    double root = Math.sqrt(c * c + 4 * n * v);
    double lambda = c <= 0 ? 0.5 * (root - c) : 2 * n * v / (c + root);
    double theta = lambda - b - s;
    return lambda - (n > 0 ? n * Math.log(lambda) : 0) + theta * theta / (2 * v);
  }

  /**
   * −ln L of all regions for signal {@code s}, the shifts θ ~ N(0, Σ) profiled by Newton's method
   * (the problem is convex), up to a constant.
   */
  public double profiledNll(double[] s) {
    int m = s.length;
    double[] theta = new double[m];
    for (int i = 0; i < m; i++) {
      double v = covariance[i][i];
      double c = v - background[i] - s[i];
      double root = Math.sqrt(c * c + 4 * observed[i] * v);
      double lambda = c <= 0 ? 0.5 * (root - c) : 2 * observed[i] * v / (c + root);
      theta[i] = Math.max(lambda, 1e-9) - background[i] - s[i];
    }
    double f = objective(s, theta);
    for (int iter = 0; iter < 200; iter++) {
      double[] g = new double[m];
      double[][] h = new double[m][m];
      for (int i = 0; i < m; i++) {
        double lambda = background[i] + s[i] + theta[i];
        double wt = 0;
        for (int j = 0; j < m; j++) {
          wt += inverse[i][j] * theta[j];
          h[i][j] = inverse[i][j];
        }
        g[i] = 1 - observed[i] / lambda + wt;
        h[i][i] += observed[i] / (lambda * lambda);
      }
      double[] step = solve(h, g);
      double decrement = 0;
      for (int i = 0; i < m; i++) {
        decrement += g[i] * step[i];
      }
      if (decrement < 1e-10) {
        break;
      }
      double t = 1;
      double[] next = new double[m];
      double fNext = Double.POSITIVE_INFINITY;
      for (int k = 0; k < 60; k++) {
        boolean positive = true;
        for (int i = 0; i < m; i++) {
          next[i] = theta[i] - t * step[i];
          positive &= background[i] + s[i] + next[i] > 0;
        }
        if (positive) {
          fNext = objective(s, next);
          if (fNext <= f - 1e-4 * t * decrement) {
            break;
          }
        }
        t *= 0.5;
      }
      if (!(fNext < f)) {
        break;
      }
      theta = next.clone();
      f = fNext;
    }
    return f;
  }

  private double objective(double[] s, double[] theta) {
    double f = 0;
    for (int i = 0; i < s.length; i++) {
      double lambda = background[i] + s[i] + theta[i];
      f += lambda - (observed[i] > 0 ? observed[i] * Math.log(lambda) : 0);
      for (int j = 0; j < s.length; j++) {
        f += 0.5 * theta[i] * inverse[i][j] * theta[j];
      }
    }
    return f;
  }

  /** Solves the symmetric positive definite system h x = g by Cholesky. */
  private static double[] solve(double[][] h, double[] g) {
    int m = g.length;
    double[][] l = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = h[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / l[j][j];
      }
    }
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      double sum = g[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    double[] x = new double[m];
    for (int i = m - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < m; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }

  @Override
  public CountingLikelihood fake(UniformRandomProvider rng) {
    return drawn(rng, new double[regions()]);
  }

  /** Draws n_i ~ Poisson(max(0, b_i + θ_i) + s_i) with θ ~ N(0, Σ) (docs/math.md §9.6). */
  @Override
  public CountingLikelihood drawn(UniformRandomProvider rng, double[] signal) {
    int m = observed.length;
    Check.length("signal", signal, m);
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] z = new double[m];
    for (int i = 0; i < m; i++) {
      z[i] = gauss.sample();
    }
    double[] n = new double[m];
    for (int i = 0; i < m; i++) {
      double shift = 0;
      for (int k = 0; k <= i; k++) {
        shift += cholesky[i][k] * z[k];
      }
      double rate = Math.max(0, background[i] + shift) + signal[i];
      n[i] = rate > 0 ? PoissonSampler.of(rng, rate).sample() : 0;
    }
    double[] delta = new double[m];
    for (int i = 0; i < m; i++) {
      delta[i] = Math.sqrt(covariance[i][i]);
    }
    return new CountingLikelihood(n, background, delta, correlated ? covariance : null);
  }

  @Override
  public String toString() {
    return "counting " + Arrays.toString(observed) + " over " + Arrays.toString(background);
  }
}
