package org.sbi4j.inference.likelihood;

import java.util.List;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.ScoreEstimator;

/**
 * What the histogram baseline bins: one or two named observables, or SALLY's estimated score t̂(x)
 * (one dimension per parameter; MadMiner's "sally" mode).
 */
public sealed interface Summary {
  /** Number of summary dimensions d. */
  int dimension();

  /** Summary values of every event, n × d row-major. */
  double[] values(EventSample events);

  /** A short label for plots and results. */
  String label();

  /** Named observables, 1 or 2 of them. */
  record Observed(List<String> names) implements Summary {
    public Observed {
      names = List.copyOf(names);
      if (names.isEmpty() || names.size() > 2) {
        throw new InvalidValueException(
            "histogram",
            "the histogram baseline takes one or two "
                + "observables, not "
                + names
                + "; e.g. x or x1,x2");
      }
    }

    @Override
    public int dimension() {
      return names.size();
    }

    @Override
    public double[] values(EventSample events) {
      return Observables.values(events, names, "the histogram");
    }

    @Override
    public String label() {
      return "histogram " + String.join(",", names);
    }
  }

  /**
   * SALLY: histograms of t̂(x|θ_ref), of its first {@code components} entries (all of them by
   * default; the θ entries of a model whose score also runs over nuisance parameters).
   */
  record Score(ScoreEstimator estimator, int components) implements Summary {
    public Score {
      if (components < 1 || components > estimator.parameters().size()) {
        throw new IllegalArgumentException(
            components + " score components of a model with parameters " + estimator.parameters());
      }
    }

    /** Every component of the score. */
    public Score(ScoreEstimator estimator) {
      this(estimator, estimator.parameters().size());
    }

    @Override
    public int dimension() {
      return components;
    }

    @Override
    public double[] values(EventSample events) {
      double[][] t =
          estimator.score(Observables.project(events, estimator.observables(), "the SALLY model"));
      if (components < estimator.parameters().size()) {
        for (int e = 0; e < t.length; e++) {
          t[e] = java.util.Arrays.copyOf(t[e], components);
        }
      }
      return EventSample.flatten("t̂", t, dimension());
    }

    @Override
    public String label() {
      return "SALLY";
    }
  }
}
