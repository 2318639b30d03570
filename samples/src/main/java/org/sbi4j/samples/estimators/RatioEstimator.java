package org.sbi4j.samples.estimators;

import java.util.List;
import org.sbi4j.samples.EventSample;

/**
 * Something that estimates log r(x|θ, θ_ref) and its score: a trained ratio model, an ensemble, or
 * (in tests and the quickstart) a simulator's exact likelihood.
 */
public interface RatioEstimator {
  /** The features it reads from an {@link EventSample}, in order. */
  List<String> observables();

  /** The parameters θ, in order. */
  List<String> parameters();

  /**
   * log r̂(x_i|θ_j, θ_ref) for every θ row j and event i.
   *
   * @param events events with the features of {@link #observables()}
   * @param thetas rows × parameters
   * @return thetas × events
   */
  double[][] logRatio(EventSample events, double[][] thetas);

  /**
   * t̂(x_i|θ_j) = ∇θ log r̂(x_i|θ_j, θ_ref).
   *
   * @return thetas × events × parameters
   */
  double[][][] score(EventSample events, double[][] thetas);

  /**
   * The θ box the estimator was trained on (parameters × {min, max}), or null when unknown;
   * evaluating outside it is an extrapolation that callers must report.
   */
  double[][] thetaRange();
}
