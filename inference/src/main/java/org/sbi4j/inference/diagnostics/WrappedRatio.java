package org.sbi4j.inference.diagnostics;

import java.util.List;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * A ratio model built on top of a trained one from events ({@link NormalizedRatio}, {@link
 * CalibratedRatio}): it keeps the base model's observables, parameters and θ ranges, and is defined
 * for models of θ alone (a base with nuisance parameters is refused).
 */
abstract class WrappedRatio implements RatioEstimator {
  /** The model that is wrapped, log r̂(x|θ, θ_ref). */
  final RatioEstimator base;

  /**
   * @param option the option the refusal names
   * @param what the construction, for the refusal ("the normalisation", …)
   */
  WrappedRatio(RatioEstimator base, String option, String what) {
    if (!base.nuisanceNames().isEmpty()) {
      throw new InvalidValueException(
          option,
          "the model takes nuisance parameters "
              + base.nuisanceNames()
              + "; "
              + what
              + " is defined for models of θ only");
    }
    this.base = base;
  }

  @Override
  public List<String> observables() {
    return base.observables();
  }

  @Override
  public List<String> parameters() {
    return base.parameters();
  }

  @Override
  public double[][] thetaRange() {
    return base.thetaRange();
  }
}
