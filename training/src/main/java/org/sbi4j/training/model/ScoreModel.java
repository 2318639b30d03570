package org.sbi4j.training.model;

import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.samples.estimators.ScoreEstimator;

/**
 * A trained SALLY score estimator x → t̂(x|θ_ref), possibly an ensemble (mean over members; {@link
 * #predict} also gives the spread). Evaluated by its {@link NetworkEvaluator}. Thread-safe.
 */
public final class ScoreModel extends TrainedModel implements ScoreEstimator {
  public ScoreModel(ModelData data) {
    super(
        data, false, "a " + data.method().cliName() + " model estimates the ratio; use RatioModel");
  }

  /** Mean and spread of t̂ for n × d raw features in the order of {@link #observables()}. */
  public Prediction predict(double[] x) {
    int d = data.observables().size();
    if (x.length % d != 0) {
      throw new IllegalArgumentException(
          "features have " + x.length + " values, not a multiple of " + d);
    }
    return evaluator.predict(null, x);
  }

  @Override
  public double[] thetaRef() {
    return data.thetaRef();
  }

  @Override
  public double[][] score(EventSample events) {
    double[] t = predict(Features.select(events, data.observables())).score();
    int p = data.parameters().size();
    double[][] out = new double[events.size()][p];
    for (int i = 0; i < out.length; i++) {
      System.arraycopy(t, i * p, out[i], 0, p);
    }
    return out;
  }
}
