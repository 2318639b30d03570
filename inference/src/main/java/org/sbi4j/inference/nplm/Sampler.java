package org.sbi4j.inference.nplm;

import java.io.Serializable;
import java.util.function.DoubleSupplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Draws d-dimensional events from a known density, for toys (reference, data, signal). */
public interface Sampler extends Serializable {
  /** Dimension d of one event. */
  int dimension();

  /** n events, n × d row-major. */
  double[] sample(int n, UniformRandomProvider rng);

  /** The 1D NPLM benchmark's reference: density λ e^{−λ x} on x ≥ 0. */
  static Sampler exponential(double rate) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate = " + rate + " must be > 0");
    }
    return new OneDimensionalSampler() {
      @Override
      DoubleSupplier draws(UniformRandomProvider rng) {
        return new AhrensDieterExponentialSampler(rng, 1 / rate)::sample;
      }
    };
  }

  /** A 1D Gaussian N(mean, sigma²), e.g. the benchmark's tail signal at 6.4 with width 0.16. */
  static Sampler normal(double mean, double sigma) {
    if (!(sigma > 0) || !Double.isFinite(mean)) {
      throw new IllegalArgumentException("normal(" + mean + ", " + sigma + ") needs σ > 0");
    }
    return new OneDimensionalSampler() {
      @Override
      DoubleSupplier draws(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        return () -> mean + sigma * g.sample();
      }
    };
  }
}
