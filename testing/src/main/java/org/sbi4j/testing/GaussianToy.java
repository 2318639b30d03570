package org.sbi4j.testing;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;

/**
 * A one-parameter toy with an exact likelihood: x ~ N(θ, 1), θ1 = 0. Then log r(x|θ0, θ1) = x θ0 −
 * θ0²/2 and t(x|θ0) = x − θ0 (no latent variables, so the joint quantities are the exact ones).
 */
public final class GaussianToy {
  private GaussianToy() {}

  public static double logR(double x, double theta0) {
    return x * theta0 - theta0 * theta0 / 2;
  }

  /** n rows, θ0 ~ U(−1, 1), alternating y = 0 (x at θ0) and y = 1 (x at θ1 = 0). */
  public static EventSample ratioSample(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[n];
    double[] th0 = new double[n];
    double[] th1 = new double[n];
    double[] y = new double[n];
    double[] lr = new double[n];
    double[] t0 = new double[n];
    for (int i = 0; i < n; i++) {
      th0[i] = 2 * rng.nextDouble() - 1;
      y[i] = i % 2;
      x[i] = g.sample() + (y[i] == 0 ? th0[i] : 0);
      lr[i] = logR(x[i], th0[i]);
      t0[i] = x[i] - th0[i];
    }
    List<String> p = List.of("theta");
    return EventSample.ofFeatures(List.of("x"), x)
        .withColumn(Column.THETA0, th0, p)
        .withColumn(Column.THETA1, th1, p)
        .withColumn(Column.Y, y, p)
        .withColumn(Column.LOG_R_XZ, lr, p)
        .withColumn(Column.T_XZ0, t0, p);
  }

  /** n rows x ~ N(0, 1) with the score at θ_ref = 0, t = x (SALLY). */
  public static EventSample scoreSample(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = g.sample();
    }
    return EventSample.ofFeatures(List.of("x"), x)
        .withColumn(Column.T_XZ0, x.clone(), List.of("theta"));
  }

  /** Two parameters and two features: x ~ N(θ, I₂), θ1 = 0, θ0 ~ U(−1, 1)², alternating y. */
  public static EventSample ratioSample2(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[2 * n];
    double[] th0 = new double[2 * n];
    double[] y = new double[n];
    double[] lr = new double[n];
    double[] t0 = new double[2 * n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      for (int k = 0; k < 2; k++) {
        th0[2 * i + k] = 2 * rng.nextDouble() - 1;
        x[2 * i + k] = g.sample() + (y[i] == 0 ? th0[2 * i + k] : 0);
        lr[i] += logR(x[2 * i + k], th0[2 * i + k]);
        t0[2 * i + k] = x[2 * i + k] - th0[2 * i + k];
      }
    }
    List<String> p = List.of("a", "b");
    return EventSample.ofFeatures(List.of("x1", "x2"), x)
        .withColumn(Column.THETA0, th0, p)
        .withColumn(Column.THETA1, new double[2 * n], p)
        .withColumn(Column.Y, y, p)
        .withColumn(Column.LOG_R_XZ, lr, p)
        .withColumn(Column.T_XZ0, t0, p);
  }
}
