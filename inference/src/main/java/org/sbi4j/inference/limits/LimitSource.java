package org.sbi4j.inference.limits;

import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.SallinoLikelihood;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;

/**
 * Where log r̂ comes from: a ratio model, histograms of observables or of SALLY's t̂, or SALLINO's
 * histograms of t̂ projected on θ − θ_ref.
 */
public sealed interface LimitSource {
  /** Name for results and plot legends. */
  String label();

  /** How to re-create this source from files (for grid blocks run as tasks), or null. */
  SourceSpec spec();

  /**
   * A parameterised ratio model (any ratio method, or an exact likelihood in tests).
   *
   * @param spec how to re-create it from files, or null (in-memory model)
   */
  record Ratio(String label, RatioEstimator estimator, SourceSpec spec) implements LimitSource {
    /** An in-memory ratio model. */
    public Ratio(String label, RatioEstimator estimator) {
      this(label, estimator, null);
    }
  }

  /**
   * The histogram baseline on one or two named observables or on SALLY's t̂.
   *
   * @param spec how to re-create it from files, or null (in-memory summary)
   */
  record Histogram(String label, Summary summary, BinningSpec binning, SourceSpec spec)
      implements LimitSource {
    /** A histogram baseline built in memory. */
    public Histogram(String label, Summary summary, BinningSpec binning) {
      this(label, summary, binning, null);
    }
  }

  /**
   * SALLINO: per θ, histograms of the projected score h = t̂·(θ − θ_ref) of a SALLY model ({@link
   * SallinoLikelihood}).
   *
   * @param thetaRef θ_ref of the projection (the model's own), or null when the model records none:
   *     then the event file's default reference (θ = 0, or the centre of the ranges) with a warning
   * @param bins quantile bins of h per θ
   * @param spec how to re-create it from files, or null (in-memory model)
   */
  record Sallino(
      String label, ScoreEstimator estimator, double[] thetaRef, int bins, SourceSpec spec)
      implements LimitSource {
    public Sallino {
      thetaRef = thetaRef == null ? null : thetaRef.clone();
      if (bins < 1) {
        throw new IllegalArgumentException("SALLINO needs at least one bin, got " + bins);
      }
    }

    @Override
    public double[] thetaRef() {
      return thetaRef == null ? null : thetaRef.clone();
    }
  }

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
