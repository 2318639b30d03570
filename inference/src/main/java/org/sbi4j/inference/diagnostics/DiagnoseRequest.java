package org.sbi4j.inference.diagnostics;

import java.nio.file.Path;
import java.util.List;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.simulators.Simulator;

/**
 * Everything {@code sbi4j diagnose} asks for.
 *
 * @param events the weighted event file; its test partition gives the events x ~ θ, its validation
 *     partition the calibration events
 * @param models the ratio models to diagnose (at least one)
 * @param theta1 θ1, the denominator hypothesis, or null for the default reference (θ = 0 when it
 *     lies in every parameter range, else the centre of the ranges)
 * @param grid the θ0 grid
 * @param exact a simulator whose exact ratio is compared with (AUC, ROC), or null
 * @param calibrate whether each model is replaced by its histogram-calibrated ratio ({@link
 *     CalibratedRatio})
 * @param plot prefix of the plots (PREFIX-closure, PREFIX-roc, PREFIX-reliability, each .png and
 *     .svg), or null for none
 * @param seed seed of the bootstrap of the AUC errors
 */
public record DiagnoseRequest(
    Path events,
    List<Model> models,
    double[] theta1,
    ParameterGrid grid,
    Simulator exact,
    boolean calibrate,
    Path plot,
    long seed) {
  /**
   * One model.
   *
   * @param label its name in the results and plots
   * @param estimator log r̂(x|θ, θ_ref); a {@code RatioModel} ensemble also gets its members'
   *     spread
   */
  public record Model(String label, RatioEstimator estimator) {
    public Model {
      if (label == null || estimator == null) {
        throw new IllegalArgumentException("a diagnosed model needs a label and an estimator");
      }
    }
  }

  public DiagnoseRequest {
    if (events == null) {
      throw new InvalidValueException("events", "no event file");
    }
    models = List.copyOf(models);
    if (models.isEmpty()) {
      throw new InvalidValueException("models", "no model; give a trained ratio model folder");
    }
    if (grid == null) {
      throw new InvalidValueException("grid", "no θ0 grid; give lo:hi:n per parameter");
    }
    theta1 = theta1 == null ? null : theta1.clone();
  }

  @Override
  public double[] theta1() {
    return theta1 == null ? null : theta1.clone();
  }
}
