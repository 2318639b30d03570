package org.sbi4j.inference.protomodels;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.sbi4j.common.Check;

/**
 * An analysis known by its observed and expected 95 % CL upper limits on the signal events of its
 * one region: the {@link TruncatedGaussian} likelihood (docs/math.md §9.1).
 *
 * @param limits the truncated Gaussian, limits in events
 */
public record UpperLimitLikelihood(TruncatedGaussian limits) implements AnalysisLikelihood {
  public UpperLimitLikelihood {
    java.util.Objects.requireNonNull(limits, "limits");
  }

  @Override
  public int regions() {
    return 1;
  }

  @Override
  public Term term(double[] signal) {
    Check.length("signal", signal, 1);
    double s = signal[0];
    return Term.of(mu -> limits.nll(mu * s), s / limits.observedLimit());
  }

  /**
   * With signal s the mode is distributed as N(s, σ): a draw publishes the limit U(ŝ) it implies,
   * with the same expected limit.
   */
  @Override
  public UpperLimitLikelihood drawn(UniformRandomProvider rng, double[] signal) {
    Check.length("signal", signal, 1);
    double mode = signal[0] + limits.width() * ZigguratSampler.NormalizedGaussian.of(rng).sample();
    return new UpperLimitLikelihood(
        new TruncatedGaussian(
            TruncatedGaussian.limitOf(mode, limits.width()), limits.expectedLimit()));
  }
}
