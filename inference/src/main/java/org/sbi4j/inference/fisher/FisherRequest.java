package org.sbi4j.inference.fisher;

import java.nio.file.Path;
import java.util.List;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.limits.NuisanceSettings;
import org.sbi4j.samples.estimators.Estimator;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;

/**
 * Everything {@code sbi4j fisher} asks for.
 *
 * @param events the weighted event file
 * @param theta θ
 * @param luminosity L in pb⁻¹
 * @param kind which information
 * @param observables the histogram's one or two observables (kind histogram; null: the first)
 * @param model the SALLY model (kind sally: a {@link ScoreEstimator}) or the ratio model (kind
 *     model: a {@link RatioEstimator}), else null
 * @param binning the histogram's binning (kind histogram), or null for adaptive
 * @param plot prefix of the Cramér–Rao plot, or null
 * @param profile parameters to keep with the others profiled (Schur complement), or null
 * @param project parameters to keep with the others fixed (sub-matrix), or null
 * @param nuisances how to treat the event file's nuisance parameters (null: profile them all)
 */
public record FisherRequest(
    Path events,
    double[] theta,
    double luminosity,
    FisherKind kind,
    List<String> observables,
    Estimator model,
    BinningSpec binning,
    Path plot,
    List<String> profile,
    List<String> project,
    NuisanceSettings nuisances) {
  public FisherRequest {
    nuisances = nuisances == null ? NuisanceSettings.DEFAULT : nuisances;
    if (events == null || theta == null || kind == null) {
      String missing = events == null ? "events" : theta == null ? "theta" : "kind";
      throw new InvalidValueException(
          missing,
          "the Fisher information needs events, theta and a kind; " + missing + " is missing");
    }
    Check.finite("theta", theta);
    theta = theta.clone();
    Check.luminosity(luminosity);
    if (kind == FisherKind.SALLY && !(model instanceof ScoreEstimator)) {
      throw new InvalidValueException(
          "model",
          model == null
              ? "the SALLY Fisher information needs a SALLY model folder"
              : "the SALLY Fisher information needs a SALLY model, not a ratio model; use kind"
                  + " model for a ratio model");
    }
    if (kind == FisherKind.MODEL && !(model instanceof RatioEstimator)) {
      throw new InvalidValueException(
          "ratioModel",
          model == null
              ? "the model Fisher information needs a ratio model folder"
              : "the model Fisher information needs a ratio model, not a SALLY model; use kind"
                  + " sally for a SALLY model");
    }
    observables = observables == null ? null : List.copyOf(observables);
    if (profile != null && project != null) {
      throw new InvalidValueException(
          "profile", "give either parameters to profile or parameters to project, not both");
    }
    profile = profile == null ? null : List.copyOf(profile);
    project = project == null ? null : List.copyOf(project);
  }

  @Override
  public double[] theta() {
    return theta.clone();
  }
}
