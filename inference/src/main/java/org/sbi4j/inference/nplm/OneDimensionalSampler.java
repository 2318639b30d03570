package org.sbi4j.inference.nplm;

import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;

/** A {@link Sampler} of 1D events, each drawn independently from one distribution. */
abstract class OneDimensionalSampler implements Sampler {
  private static final long serialVersionUID = 1L;

  /** The distribution's draws from {@code rng}. */
  abstract DoubleSupplier draws(UniformRandomProvider rng);

  @Override
  public int dimension() {
    return 1;
  }

  @Override
  public double[] sample(int n, UniformRandomProvider rng) {
    DoubleSupplier draw = draws(rng);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = draw.getAsDouble();
    }
    return x;
  }
}
