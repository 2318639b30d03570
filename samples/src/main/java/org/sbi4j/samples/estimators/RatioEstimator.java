package org.sbi4j.samples.estimators;

import java.util.List;
import org.sbi4j.samples.EventSample;

/**
 * Something that estimates log r(x|θ, θ_ref) and its score: a trained ratio model, an ensemble, or
 * (in tests and the quickstart) a simulator's exact likelihood.
 *
 * <p>With nuisance parameters (docs/math.md §7.4) the parameter vector is θ ⊕ ν: {@link
 * #parameters()} lists the p physics parameters followed by the m nuisance parameters, {@link
 * #nuisanceNames()} those last m, every θ row passed in has p + m entries (θ then ν), the score has
 * p + m components, and log r̂ is log r̂(x|θ,ν; θ_ref,ν_ref) with the reference fixed by training.
 */
public interface RatioEstimator extends Estimator {
  /** The features it reads from an {@link EventSample}, in order. */
  List<String> observables();

  /**
   * The parameters, in order: θ, then the nuisance parameters ν of {@link
   * Estimator#nuisanceNames()}.
   */
  List<String> parameters();

  /**
   * log r̂(x_i|θ_j, θ_ref) for every θ row j and event i.
   *
   * @param events events with the features of {@link #observables()}
   * @param thetas rows × parameters (θ ⊕ ν when there are nuisance parameters)
   * @return thetas × events
   */
  double[][] logRatio(EventSample events, double[][] thetas);

  /**
   * t̂(x_i|θ_j) = ∇θ log r̂(x_i|θ_j, θ_ref), over every entry of {@link #parameters()} (θ ⊕ ν).
   *
   * @return thetas × events × parameters
   */
  double[][][] score(EventSample events, double[][] thetas);

  /**
   * The box the estimator was trained on (parameters × {min, max}, ν rows included), or null when
   * unknown; evaluating outside it is an extrapolation that callers must report.
   */
  double[][] thetaRange();

  /**
   * The members of an ensemble, each an estimator of its own (their mean is this estimator's
   * prediction); a single estimator is its one member.
   */
  default List<RatioEstimator> members() {
    return List.of(this);
  }
}
