package org.sbi4j.inference;

import org.sbi4j.training.RatioEstimator;
import org.sbi4j.training.ScoreEstimator;

/** Where log r̂ comes from: a ratio model, or histograms of observables or of SALLY's t̂. */
public sealed interface LimitSource {
  /** Name for results and plot legends. */
  String label();

  /** A parameterised ratio model (any ratio method, or an exact likelihood in tests). */
  record Ratio(String label, RatioEstimator estimator) implements LimitSource {}

  /** The histogram baseline on one or two named observables or on SALLY's t̂. */
  record Histogram(String label, Summary summary, BinningSpec binning) implements LimitSource {}

  /** Histogram baseline on observables with adaptive binning. */
  static LimitSource histogram(java.util.List<String> observables) {
    Summary s = new Summary.Observed(observables);
    return new Histogram(s.label(), s, BinningSpec.adaptive(s.dimension()));
  }

  /** SALLY: histograms of t̂ with adaptive binning. */
  static LimitSource sally(ScoreEstimator model) {
    Summary s = new Summary.Score(model);
    return new Histogram(s.label(), s, BinningSpec.adaptive(s.dimension()));
  }
}
