package org.sbi4j.training.bench;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;

/** Benchmark data: x ~ N(θ, 1), θ1 = 0 (the Gaussian toy of the unit tests). */
final class Toy {
  private Toy() {}

  static EventSample ratio(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[n];
    double[] th0 = new double[n];
    double[] y = new double[n];
    double[] lr = new double[n];
    double[] t0 = new double[n];
    for (int i = 0; i < n; i++) {
      th0[i] = 2 * rng.nextDouble() - 1;
      y[i] = i % 2;
      x[i] = g.sample() + (y[i] == 0 ? th0[i] : 0);
      lr[i] = x[i] * th0[i] - th0[i] * th0[i] / 2;
      t0[i] = x[i] - th0[i];
    }
    List<String> p = List.of("theta");
    return EventSample.ofFeatures(List.of("x"), x)
        .withColumn(Column.THETA0, th0, p).withColumn(Column.THETA1, new double[n], p)
        .withColumn(Column.Y, y, p).withColumn(Column.LOG_R_XZ, lr, p)
        .withColumn(Column.T_XZ0, t0, p);
  }

  static EventSample score(int n, long seed) {
    EventSample r = ratio(n, seed);
    return EventSample.ofFeatures(List.of("x"), r.x())
        .withColumn(Column.T_XZ0, r.column(Column.T_XZ0), List.of("theta"));
  }
}
