package org.sbi4j.inference.fisher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Observables;
import org.sbi4j.samples.estimators.ScoreEstimator;

/**
 * Fisher information at θ for luminosity L (docs/math.md §4):
 *
 * <pre>
 * truth      I_ij = L Σ_e dσ_e t_i t_j + L ∂_iσ ∂_jσ / σ,   t = ∇dσ_e/dσ_e − ∇σ/σ
 * sally      I_ij = L σ E[t̂_i t̂_j | θ] + L ∂_iσ ∂_jσ / σ
 * model      the same with t̂(x|θ) of a ratio model at θ ({@link ModelFisher})
 * rate       I_ij = L ∂_iσ ∂_jσ / σ
 * histogram  I_ij = Σ_k ∂_iν_k ∂_jν_k / ν_k
 * </pre>
 *
 * Events with dσ_e(θ) ≤ 0 have no joint score; they are left out of the truth-level sum, with a
 * warning that counts them.
 */
public final class FisherInformation {
  private FisherInformation() {}

  /** The rate-only information L ∂σ∂σᵀ/σ. */
  public static FisherMatrix rate(MorphedEvents events, double[] theta, double luminosity) {
    return new FisherMatrix(
        events.setup().parameterNames(), rateTerm(events, theta, luminosity), List.of());
  }

  /** Truth level, from the joint score of every weighted event. */
  public static FisherMatrix truth(MorphedEvents events, double[] theta, double luminosity) {
    double[][] info = rateTerm(events, theta, luminosity);
    double sigma = events.positiveSigma(theta);
    double[] dSigma = events.sigmaGradient(theta);
    double[] d = events.dsigma(theta);
    double[][] g = events.dsigmaGradient(theta);
    int p = g.length;
    int skipped = 0;
    double skippedWeight = 0;
    double[] t = new double[p];
    for (int e = 0; e < d.length; e++) {
      if (!(d[e] > 0)) {
        skipped++;
        skippedWeight += d[e];
        continue;
      }
      for (int i = 0; i < p; i++) {
        t[i] = g[i][e] / d[e] - dSigma[i] / sigma;
      }
      addOuter(info, t, luminosity * d[e]);
    }
    List<String> warnings = new ArrayList<>();
    if (skipped > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d events with dσ_e(θ) <= 0 (total %.4g pb) have no joint score and were left out",
              skipped,
              skippedWeight));
    }
    return new FisherMatrix(events.setup().parameterNames(), info, warnings);
  }

  /**
   * Detector level with SALLY: E[t̂ t̂ᵀ|θ] is the dσ_e(θ)-weighted mean over {@code test}.
   *
   * @param rate the events defining σ(θ) (the event file)
   * @param test the events the model is applied to (the test partition)
   * @param model t̂(x)
   */
  public static FisherMatrix sally(
      MorphedEvents rate,
      MorphedEvents test,
      ScoreEstimator model,
      double[] theta,
      double luminosity) {
    if (!model.parameters().equals(rate.setup().parameterNames())) {
      throw new IllegalArgumentException(
          "the SALLY model's parameters "
              + model.parameters()
              + " differ from the event file's "
              + rate.setup().parameterNames());
    }
    double[][] tHat =
        model.score(Observables.project(test.sample(), model.observables(), "the SALLY model"));
    return new FisherMatrix(
        rate.setup().parameterNames(),
        expectedOuter(rate, test, tHat, theta, luminosity),
        List.of());
  }

  /**
   * L σ(θ) E[t̂ t̂ᵀ|θ] + L ∂σ∂σᵀ/σ with the expectation the dσ_e(θ)-weighted mean over {@code
   * test}.
   *
   * @param score t̂ of every test event, events × p
   */
  static double[][] expectedOuter(
      MorphedEvents rate, MorphedEvents test, double[][] score, double[] theta, double luminosity) {
    double[][] info = rateTerm(rate, theta, luminosity);
    double sigma = rate.positiveSigma(theta);
    double[] d = test.dsigma(theta);
    double total = 0;
    for (double v : d) {
      total += v;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("the test events have no positive total weight at θ");
    }
    for (int e = 0; e < d.length; e++) {
      addOuter(info, score[e], luminosity * sigma * d[e] / total);
    }
    return info;
  }

  /** Binned information of a histogram model; bins with ν_k ≤ 0 carry none and are skipped. */
  public static FisherMatrix histogram(HistogramModel model, double[] theta) {
    double[] nu = model.expected(theta);
    double[][] g = model.expectedGradient(theta);
    int p = g.length;
    double[][] info = new double[p][p];
    double[] grad = new double[p];
    for (int k = 0; k < nu.length; k++) {
      if (!(nu[k] > 0)) {
        continue;
      }
      for (int i = 0; i < p; i++) {
        grad[i] = g[i][k];
      }
      addOuter(info, grad, 1 / nu[k]);
    }
    return new FisherMatrix(model.templates().setup().parameterNames(), info, List.of());
  }

  private static double[][] rateTerm(MorphedEvents events, double[] theta, double luminosity) {
    Check.positive("luminosity", luminosity);
    events.setup().checkTheta("theta", theta);
    double sigma = events.positiveSigma(theta);
    double[] ds = events.sigmaGradient(theta);
    double[][] info = new double[ds.length][ds.length];
    addOuter(info, ds, luminosity / sigma);
    return info;
  }

  private static void addOuter(double[][] m, double[] v, double scale) {
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < v.length; j++) {
        m[i][j] += scale * v[i] * v[j];
      }
    }
  }
}
