package org.sbi4j.training.model;

import org.sbi4j.samples.estimators.ScoreEstimator;
import org.sbi4j.samples.estimators.Prediction;
import java.util.List;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.internal.Evaluator;

/**
 * A trained SALLY score estimator x → t̂(x|θ_ref), possibly an ensemble (mean over members;
 * {@link #predict} also gives the spread). Thread-safe (evaluation is serialised).
 */
public final class ScoreModel implements ScoreEstimator {
  private final ModelData data;
  private Evaluator evaluator;

  public ScoreModel(ModelData data) {
    if (data.isRatio()) {
      throw new IllegalArgumentException("a " + data.method().cliName()
          + " model estimates the ratio; use RatioModel");
    }
    this.data = data;
  }

  public ModelData data() {
    return data;
  }

  @Override
  public List<String> observables() {
    return data.observables();
  }

  @Override
  public List<String> parameters() {
    return data.parameters();
  }

  /** Mean and spread of t̂ for n × d raw features in the order of {@link #observables()}. */
  public synchronized Prediction predict(double[] x) {
    int d = data.observables().size();
    if (x.length % d != 0) {
      throw new IllegalArgumentException("features have " + x.length
          + " values, not a multiple of " + d);
    }
    if (evaluator == null) {
      evaluator = new Evaluator(data);
    }
    return evaluator.predict(null, x, x.length / d);
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
