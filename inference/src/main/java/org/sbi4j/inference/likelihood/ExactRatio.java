package org.sbi4j.inference.likelihood;

import java.util.List;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;
import org.sbi4j.samples.simulators.Simulator;

/**
 * The exact log r(x|θ, θ_ref) = log p(x|θ) − log p(x|θ_ref) of a built-in simulator as a {@link
 * RatioEstimator}: the ideal a trained model aims at, used in tests and beside the trained methods
 * in the quickstart. It has no trained range. As a {@link ScoreEstimator} it is the exact score
 * t(x|θ_ref), the ideal SALLY model.
 */
public final class ExactRatio implements RatioEstimator, ScoreEstimator {
  private final Simulator simulator;
  private final double[] reference;

  /**
   * @param simulator the process
   * @param reference θ_ref
   */
  public ExactRatio(Simulator simulator, double[] reference) {
    simulator.setup().checkTheta("theta-ref", reference);
    this.simulator = simulator;
    this.reference = reference.clone();
  }

  @Override
  public List<String> observables() {
    return simulator.observables();
  }

  @Override
  public List<String> parameters() {
    return simulator.setup().parameterNames();
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    double[][] out = new double[thetas.length][events.size()];
    for (int e = 0; e < events.size(); e++) {
      double[] x = events.xRow(e);
      double ref = simulator.logLikelihood(x, reference);
      for (int j = 0; j < thetas.length; j++) {
        out[j][e] = simulator.logLikelihood(x, thetas[j]) - ref;
      }
    }
    return out;
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    double[][][] out = new double[thetas.length][events.size()][];
    for (int j = 0; j < thetas.length; j++) {
      for (int e = 0; e < events.size(); e++) {
        out[j][e] = simulator.score(events.xRow(e), thetas[j]);
      }
    }
    return out;
  }

  @Override
  public double[][] thetaRange() {
    return null;
  }

  /** The exact score t(x_i|θ_ref), events × parameters. */
  @Override
  public double[][] score(EventSample events) {
    double[][] out = new double[events.size()][];
    for (int e = 0; e < out.length; e++) {
      out[e] = simulator.score(events.xRow(e), reference);
    }
    return out;
  }
}
