package org.sbi4j.training.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * A doubly parameterised {@link RatioModel} at a fixed reference θ1 (docs/math.md §3.8): log
 * r̂(x|θ) = log r̂(x|θ0 = θ, θ1) and t̂ = ∇θ0 log r̂. Every θ row of p values is extended by θ1
 * before it reaches the network, which standardises both exactly as in training. Thread-safe.
 */
public final class ReferenceRatioModel implements RatioEstimator {
  private final RatioModel model;
  private final double[] theta1;

  ReferenceRatioModel(RatioModel model, double[] theta1) {
    if (!model.data().doublyParameterized()) {
      throw new IllegalArgumentException(
          "a "
              + model.data().method().cliName()
              + " model trained at one θ1 has no choice of reference; only a doubly parameterised "
              + "model (trained on a sample with θ1 drawn from a prior) takes θ1");
    }
    Check.length("theta1", theta1, model.parameters().size());
    Check.finite("theta1", theta1);
    this.model = model;
    this.theta1 = theta1.clone();
  }

  /** The doubly parameterised model. */
  public RatioModel model() {
    return model;
  }

  /** The reference θ1. */
  public double[] theta1() {
    return theta1.clone();
  }

  /**
   * One warning per parameter whose reference θ1 lies outside the θ1 range the model was trained on
   * (empty when it lies inside).
   */
  public List<String> referenceWarnings() {
    double[][] range = model.data().theta1Range();
    List<String> out = new ArrayList<>();
    for (int k = 0; k < theta1.length; k++) {
      if (theta1[k] < range[k][0] || theta1[k] > range[k][1]) {
        out.add(
            String.format(
                Locale.ROOT,
                "the reference theta1 of '%s' = %s lies outside the range %s the model was trained"
                    + " on; log r̂ there is an extrapolation",
                model.parameters().get(k),
                theta1[k],
                Arrays.toString(range[k])));
      }
    }
    return out;
  }

  /**
   * The default reference of a doubly parameterised model: the centre of its trained θ1 box (inside
   * the range by construction).
   */
  public static double[] defaultReference(ModelData data) {
    double[][] range = data.theta1Range();
    if (range == null) {
      throw new IllegalArgumentException("the model is not doubly parameterised");
    }
    double[] t = new double[range.length];
    for (int k = 0; k < t.length; k++) {
      t[k] = 0.5 * (range[k][0] + range[k][1]);
    }
    return t;
  }

  @Override
  public List<String> observables() {
    return model.observables();
  }

  @Override
  public List<String> parameters() {
    return model.parameters();
  }

  @Override
  public List<String> nuisanceNames() {
    return model.nuisanceNames();
  }

  @Override
  public double[][] thetaRange() {
    return model.thetaRange();
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    return model.logRatio(events, extended(thetas));
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    return model.score(events, extended(thetas));
  }

  /** θ rows of p values, each followed by θ1. */
  private double[][] extended(double[][] thetas) {
    int p = theta1.length;
    Check.rectangular("thetas", thetas, p);
    double[][] out = new double[thetas.length][2 * p];
    for (int j = 0; j < thetas.length; j++) {
      System.arraycopy(thetas[j], 0, out[j], 0, p);
      System.arraycopy(theta1, 0, out[j], p, p);
    }
    return out;
  }
}
