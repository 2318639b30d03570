package org.sbi4j.inference.coverage;

import org.apache.commons.rng.UniformRandomProvider;

/** One pseudo-experiment: draws its data from {@code rng} and returns q(θ_true) of those data. */
@FunctionalInterface
public interface ToyStatistic {
  /**
   * q(θ_true) = −2[log L(θ_true) − max_θ log L(θ)] of one toy, ≥ 0.
   *
   * @param rng the toy's own random stream
   */
  double q(UniformRandomProvider rng);
}
