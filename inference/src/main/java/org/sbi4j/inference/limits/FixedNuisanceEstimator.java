package org.sbi4j.inference.limits;

import java.util.List;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * A ratio model with parameter input θ ⊕ ν seen as one over θ alone, every ν held at a value: log
 * r̂(x|θ ⊕ ν₀). Used when no nuisance parameter is profiled, so that the grid goes through the
 * model in one batched call as without nuisance parameters.
 */
final class FixedNuisanceEstimator implements RatioEstimator {
  private final RatioEstimator model;
  private final int p;
  private final double[] nu;

  /**
   * @param model the model over θ ⊕ ν
   * @param p the number of θ parameters (its first p inputs)
   * @param nu the values of its last inputs
   */
  FixedNuisanceEstimator(RatioEstimator model, int p, double[] nu) {
    if (model.parameters().size() != p + nu.length) {
      throw new IllegalArgumentException(
          "the model's parameters "
              + model.parameters()
              + " are not "
              + p
              + " physics and "
              + nu.length
              + " nuisance parameters");
    }
    this.model = model;
    this.p = p;
    this.nu = nu.clone();
  }

  @Override
  public List<String> observables() {
    return model.observables();
  }

  @Override
  public List<String> parameters() {
    return model.parameters().subList(0, p);
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    return model.logRatio(events, extend(thetas));
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    double[][][] t = model.score(events, extend(thetas));
    for (double[][] row : t) {
      for (int e = 0; e < row.length; e++) {
        row[e] = java.util.Arrays.copyOf(row[e], p);
      }
    }
    return t;
  }

  @Override
  public double[][] thetaRange() {
    double[][] r = model.thetaRange();
    return r == null ? null : java.util.Arrays.copyOf(r, p);
  }

  private double[][] extend(double[][] thetas) {
    double[][] out = new double[thetas.length][p + nu.length];
    for (int j = 0; j < thetas.length; j++) {
      System.arraycopy(thetas[j], 0, out[j], 0, p);
      System.arraycopy(nu, 0, out[j], p, nu.length);
    }
    return out;
  }
}
