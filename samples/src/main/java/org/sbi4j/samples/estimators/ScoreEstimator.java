package org.sbi4j.samples.estimators;

import java.util.List;
import org.sbi4j.samples.EventSample;

/**
 * Something that estimates the score t(x|θ_ref) at a fixed reference point (SALLY). With nuisance
 * parameters (docs/math.md §7.4) the reference is (θ_ref, ν_ref), {@link #parameters()} lists θ
 * then ν, and the score has p + m components: ∇ over θ, then over ν.
 */
public interface ScoreEstimator extends Estimator {
  /** The features it reads, in order. */
  List<String> observables();

  /**
   * The parameters, in order: θ, then the nuisance parameters ν of {@link
   * Estimator#nuisanceNames()}.
   */
  List<String> parameters();

  /** t̂(x_i|θ_ref), events × parameters (θ ⊕ ν components). */
  double[][] score(EventSample events);

  /**
   * θ_ref, the point whose score this estimates (one entry per parameter), or null when unknown (a
   * model folder that predates the record, or an estimator built in memory).
   */
  default double[] thetaRef() {
    return null;
  }
}
