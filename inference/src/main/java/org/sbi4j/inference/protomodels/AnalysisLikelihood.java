package org.sbi4j.inference.protomodels;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The likelihood of one analysis as a function of the signal it sees (docs/math.md §9.1): signal
 * events per region, scaled by a global signal strength μ.
 */
public sealed interface AnalysisLikelihood
    permits CountingLikelihood, UpperLimitLikelihood, WorkspaceLikelihood {
  /** Number of signal regions (the length of the signal vectors). */
  int regions();

  /** The likelihood of this analysis for the signal {@code signal} (events per region, μ = 1). */
  Term term(double[] signal);

  /**
   * The same analysis with its observation redrawn from its Standard-Model likelihood (docs/math.md
   * §9.6).
   */
  default AnalysisLikelihood fake(UniformRandomProvider rng) {
    return drawn(rng, new double[regions()]);
  }

  /**
   * The same analysis with its observation drawn from its likelihood with signal {@code signal}
   * (events per region; zeros for the Standard Model).
   */
  AnalysisLikelihood drawn(UniformRandomProvider rng, double[] signal);

  /** One analysis and one signal: −ln L along μ and the critic's ratio. */
  interface Term {
    /** −ln L(μ) up to a constant that does not depend on μ. */
    double nll(double mu);

    /**
     * r = predicted signal / observed 95 % CL upper limit at μ = 1 (linear in μ); 0 without signal.
     */
    double ratio();

    /** The term with −ln L {@code nll} and critic's ratio {@code ratio}. */
    static Term of(DoubleUnaryOperator nll, double ratio) {
      return new Term() {
        @Override
        public double nll(double mu) {
          return nll.applyAsDouble(mu);
        }

        @Override
        public double ratio() {
          return ratio;
        }
      };
    }
  }
}
