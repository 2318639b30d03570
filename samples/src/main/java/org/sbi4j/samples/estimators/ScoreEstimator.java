package org.sbi4j.samples.estimators;

import java.util.List;
import org.sbi4j.samples.EventSample;

/** Something that estimates the score t(x|θ_ref) at a fixed reference point (SALLY). */
public interface ScoreEstimator {
  /** The features it reads, in order. */
  List<String> observables();

  /** The parameters θ, in order. */
  List<String> parameters();

  /** t̂(x_i|θ_ref), events × parameters. */
  double[][] score(EventSample events);
}
