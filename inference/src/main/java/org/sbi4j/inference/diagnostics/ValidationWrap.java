package org.sbi4j.inference.diagnostics;

import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * A ratio source replaced by a model built on the validation partition of the event file at the
 * default θ1 (θ = 0 when inside every range, else the centre): {@link CalibratedRatio} and {@link
 * NormalizedRatio}. Histogram baselines and SALLY are returned as they are.
 */
final class ValidationWrap {
  private ValidationWrap() {}

  /** Builds the replacement from the base model, the validation events and θ1. */
  interface Factory {
    RatioEstimator create(RatioEstimator base, MorphedEvents validation, double[] theta1);
  }

  /** {@code source} replaced by {@code factory}'s model, labelled "LABEL {@code suffix}". */
  static LimitSource apply(LimitSource source, EventSample file, String suffix, Factory factory) {
    if (!(source instanceof LimitSource.Ratio r)) {
      return source;
    }
    MorphedEvents validation = DiagnoseAnalysis.validation(file);
    double[] theta1 = DiagnoseAnalysis.defaultTheta1(validation.setup().parameters());
    return new LimitSource.Ratio(
        r.label() + " " + suffix, factory.create(r.estimator(), validation, theta1));
  }
}
