package org.sbi4j.it;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulator;

/**
 * The accuracy metric of a doubly parameterised ratio estimator on interference-1d (issue 15,
 * docs/math.md §3.8): E[(log r̂(x|θ0,θ1) − log r(x|θ0,θ1))²] over θ0, θ1 ~ U(−1, 1) and x ~
 * p(x|θ1), with its Monte Carlo standard error, by two estimators of that one expectation:
 *
 * <ul>
 *   <li>{@link #direct}: x drawn from p(x|θ1) itself (exact rejection sampling of the parton z,
 *       then the detector's Gaussian), the plain mean of the squared errors; standard error sd/√n.
 *   <li>{@link #weighted}: events at θ = 0 weighted by r(x|θ1, 0), the self-normalised mean (the
 *       benchmark's first estimator; heavier tailed, since the weights are largest where x is rare
 *       at θ = 0 and the errors are large).
 * </ul>
 *
 * <p>{@code DoublyMetricTest} checks both against the metric computed by quadrature for the exact
 * ratio plus a known perturbation.
 */
public final class DoublyMetric {
  static final Simulator SIM = EstimatorAccuracy.SIM;

  /** An estimator under test: log r̂ of n rows θ0 ⊕ θ1 (2n values) and n events x. */
  @FunctionalInterface
  public interface LogRatio {
    double[] of(double[] thetaRows, double[] x);
  }

  private DoublyMetric() {}

  /**
   * {E[(log r̂ − log r)²], its standard error} over n pairs θ0, θ1 ~ U(−1, 1) and x ~ p(x|θ1) drawn
   * exactly (the plain Monte Carlo mean, standard error sd/√n).
   */
  public static double[] direct(LogRatio model, int n, long seed) {
    double[] c = contributions(model, n, seed);
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double e2 = c[4 * i + 3];
      sum += e2;
      sumSq += e2 * e2;
    }
    double mean = sum / n;
    double var = Math.max(0, sumSq / n - mean * mean);
    return new double[] {mean, Math.sqrt(var / (n - 1))};
  }

  /**
   * Where the direct estimate's squared error comes from: for each of n pairs drawn as in {@link
   * #direct}, {θ0, θ1, x, (log r̂ − log r)²} (4n values).
   */
  public static double[] contributions(LogRatio model, int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 7));
    double[] rows = new double[2 * n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      rows[2 * i] = 2 * rng.nextDouble() - 1;
      rows[2 * i + 1] = 2 * rng.nextDouble() - 1;
    }
    Sampler s = new Sampler(rng);
    for (int i = 0; i < n; i++) {
      x[i] = s.x(rows[2 * i + 1]);
    }
    double[] lr = model.of(rows, x);
    double[] out = new double[4 * n];
    for (int i = 0; i < n; i++) {
      double[] xi = {x[i]};
      double e =
          lr[i] - SIM.logRatio(xi, new double[] {rows[2 * i]}, new double[] {rows[2 * i + 1]});
      out[4 * i] = rows[2 * i];
      out[4 * i + 1] = rows[2 * i + 1];
      out[4 * i + 2] = x[i];
      out[4 * i + 3] = e * e;
    }
    return out;
  }

  /**
   * {E[(log r̂ − log r)²], its standard error} over n pairs θ0, θ1 ~ U(−1, 1) with x ~ p(x|θ1):
   * events at θ = 0 weighted by w = r(x|θ1, 0). The estimate Σ w e² / Σ w is self-normalised; its
   * standard error is sqrt(Σ w² (e² − mse)²) / Σ w (delta method).
   */
  public static double[] weighted(LogRatio model, int n, long seed) {
    EventSample test = SIM.events(n, Seeds.derive(seed, 1));
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 2));
    double[] rows = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      rows[i] = 2 * rng.nextDouble() - 1;
    }
    double[] lr = model.of(rows, test.x());
    double[] w = new double[n];
    double[] e2 = new double[n];
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < n; i++) {
      double[] t0 = {rows[2 * i]};
      double[] t1 = {rows[2 * i + 1]};
      w[i] = Math.exp(SIM.logRatio(test.xRow(i), t1, new double[] {0}));
      e2[i] = Math.pow(lr[i] - SIM.logRatio(test.xRow(i), t0, t1), 2);
      sum += w[i] * e2[i];
      weights += w[i];
    }
    double mse = sum / weights;
    double var = 0;
    for (int i = 0; i < n; i++) {
      var += w[i] * w[i] * (e2[i] - mse) * (e2[i] - mse);
    }
    return new double[] {mse, Math.sqrt(var) / weights};
  }

  /**
   * Exact draws x ~ p(x|θ) of interference-1d for |θ| ≤ 1: the parton z by rejection from the
   * envelope e^{−z}(2 + z)² = e^{−z}(4 + 4z + z²) ≥ dσ(z|θ) = e^{−z}(1 + θ(z − 1))² (for z ≥ 0 and
   * |θ| ≤ 1, |1 + θ(z − 1)| ≤ 1 + |z − 1| ≤ 2 + z), a mixture of Gamma(1), Gamma(2), Gamma(3) with
   * weights 4 : 4 : 2 (their masses 4·1, 4·1!, 1·2!), accepting z with probability dσ(z|θ) /
   * envelope (at least σ(θ)/10 = (1 + θ²)/10 on average); then x = z + N(0, s²).
   */
  static final class Sampler {
    private final UniformRandomProvider rng;
    private final AhrensDieterExponentialSampler exp;
    private final ZigguratSampler.NormalizedGaussian gauss;

    Sampler(UniformRandomProvider rng) {
      this.rng = rng;
      this.exp = new AhrensDieterExponentialSampler(rng, 1);
      this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    double z(double theta) {
      if (!(Math.abs(theta) <= 1)) {
        throw new IllegalArgumentException("θ = " + theta + " lies outside [−1, 1]");
      }
      double[] zi = new double[1];
      double[] th = {theta};
      while (true) {
        double u = 10 * rng.nextDouble();
        int shape = u < 4 ? 1 : u < 8 ? 2 : 3;
        double z = 0;
        for (int k = 0; k < shape; k++) {
          z += exp.sample();
        }
        zi[0] = z;
        double envelope = Math.exp(-z) * (2 + z) * (2 + z);
        double density = SIM.partonDensity(zi, th);
        if (density > envelope) {
          throw new IllegalStateException("dσ(z|θ) exceeds the envelope at z = " + z);
        }
        if (rng.nextDouble() * envelope <= density) {
          return z;
        }
      }
    }

    double x(double theta) {
      return z(theta) + Interference1D.RESOLUTION * gauss.sample();
    }
  }
}
