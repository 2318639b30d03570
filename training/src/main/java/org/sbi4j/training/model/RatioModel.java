package org.sbi4j.training.model;

import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.Check;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * A trained parameterized ratio estimator (CARL, ROLR, ALICE, RASCAL, ALICES, CASCAL), possibly an
 * ensemble: log r̂ and t̂ are the means over members, {@link #predict} also gives the spread.
 * Evaluated by its {@link NetworkEvaluator} (float32 on the SIMD kernel, fast on θ grids).
 * Thread-safe.
 *
 * <p>A doubly parameterised model ({@link ModelData#doublyParameterized()}) takes θ rows θ0 ⊕ θ1
 * (2p values) everywhere here; {@link #atReference} fixes θ1 and gives the p-parameter estimator
 * that likelihoods use.
 */
public final class RatioModel extends TrainedModel implements RatioEstimator {
  public RatioModel(ModelData data) {
    super(
        data,
        true,
        "a "
            + data.method().cliName()
            + " model estimates the score, not the ratio; use ScoreModel");
  }

  /** The evaluator all predictions go through. */
  public NetworkEvaluator evaluator() {
    return evaluator;
  }

  @Override
  public double[][] thetaRange() {
    return data.thetaRange();
  }

  /** Every member as a one-network model (this model itself when it has one member). */
  @Override
  public List<RatioEstimator> members() {
    if (data.members().size() == 1) {
      return List.of(this);
    }
    List<RatioEstimator> out = new ArrayList<>();
    for (Network n : data.members()) {
      out.add(new RatioModel(data.withMembers(List.of(n))));
    }
    return out;
  }

  /**
   * This model as an estimator of log r̂(x|θ, θ1) with the reference θ1 fixed: a doubly
   * parameterised model evaluated at {@code theta1}.
   *
   * @throws IllegalArgumentException when the model is not doubly parameterised or {@code theta1}
   *     does not have p finite values
   */
  public ReferenceRatioModel atReference(double[] theta1) {
    return new ReferenceRatioModel(this, theta1);
  }

  /**
   * Row-wise predictions: row i at θ0 = theta row i.
   *
   * @param theta n × p raw θ0 rows (doubly parameterised: n × 2p rows θ0 ⊕ θ1)
   * @param x n × d raw features in the order of {@link #observables()}
   */
  public Prediction predict(double[] theta, double[] x) {
    int p = data.thetaInputs();
    int d = data.observables().size();
    int n = x.length / d;
    if (x.length != n * d || theta.length != n * p) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "predict needs n × %d features and n × %d θ values, got %d and %d",
              d,
              p,
              x.length,
              theta.length));
    }
    Check.finite("theta", theta);
    return evaluator.predict(theta, x);
  }

  /** Mean and spread of the members at every (θ row, event): the grid form of {@link #predict}. */
  public Prediction[] predict(EventSample events, double[][] thetas) {
    Check.rectangular("thetas", thetas, data.thetaInputs());
    for (double[] theta : thetas) {
      Check.finite("theta", theta);
    }
    return evaluator.predict(Features.select(events, data.observables()), thetas);
  }

  /**
   * The members' mean log r̂ of every event at one parameter point and its derivatives along the
   * parameter inputs {@code directions} only ({@link NetworkEvaluator#logRatioAndTangents}): e.g.
   * the ν inputs of a profile fit, where θ is fixed.
   *
   * @return (1 + directions.length) × n: log r̂, then ∂ log r̂/∂θ0_{directions[k]} in raw units
   */
  public double[][] logRatioAndTangents(EventSample events, double[] theta, int[] directions) {
    Check.rectangular("theta", new double[][] {theta}, data.parameters().size());
    Check.finite("theta", theta);
    return evaluator.logRatioAndTangents(
        Features.select(events, data.observables()), theta, directions);
  }

  /** The members' mean log r̂ on the grid, without t̂ (the fast path of limit scans). */
  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    Check.rectangular("thetas", thetas, data.thetaInputs());
    for (double[] theta : thetas) {
      Check.finite("theta", theta);
    }
    return evaluator.logRatio(Features.select(events, data.observables()), thetas);
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    Prediction[] pr = predict(events, thetas);
    int p = data.parameters().size();
    double[][][] out = new double[pr.length][events.size()][p];
    for (int j = 0; j < pr.length; j++) {
      for (int i = 0; i < events.size(); i++) {
        System.arraycopy(pr[j].score(), i * p, out[j][i], 0, p);
      }
    }
    return out;
  }
}
