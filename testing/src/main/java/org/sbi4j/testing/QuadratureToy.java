package org.sbi4j.testing;

import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * A one-parameter closed-form process on x ∈ [0, 1]: dσ(x|θ) = s(x) + θ i(x) + θ² b(x) pb with s =
 * 3(1−x)² + 0.5, i = 2x − 1, b = x² + 0.2 (positive for every θ since i² < 4sb). Its "events" are
 * Gauss–Legendre nodes (composite rule, exact for these polynomials) whose benchmark weights are
 * the node weight times dσ(x|θ_b), so every weighted sum over them is an integral of the exact
 * density.
 */
public final class QuadratureToy {
  public static final List<String> OBS = List.of("x");
  public static final List<String> PARAMS = List.of("theta");

  private QuadratureToy() {}

  public static double s(double x) {
    return 3 * (1 - x) * (1 - x) + 0.5;
  }

  public static double i(double x) {
    return 2 * x - 1;
  }

  public static double b(double x) {
    return x * x + 0.2;
  }

  public static double dsigma(double x, double theta) {
    return s(x) + theta * i(x) + theta * theta * b(x);
  }

  public static double dsigmaDerivative(double x, double theta) {
    return i(x) + 2 * theta * b(x);
  }

  /** σ(θ) = ∫ dσ = 1.5 + θ·0 + θ²·(1/3 + 0.2). */
  public static double sigma(double theta) {
    return 1.5 + theta * theta * (1.0 / 3 + 0.2);
  }

  public static double sigmaDerivative(double theta) {
    return 2 * theta * (1.0 / 3 + 0.2);
  }

  public static MorphingSetup setup() {
    return MorphingSetup.of(
        List.of(Parameter.of("theta", 2, -3, 3)),
        List.of(
            new Benchmark("sm", new double[] {0}),
            new Benchmark("minus", new double[] {-1}),
            new Benchmark("plus", new double[] {1})),
        2);
  }

  /** Quadrature events: {@code panels} panels of a 10-point Gauss–Legendre rule. */
  public static EventSample events(int panels) {
    MorphingSetup setup = setup();
    double[][] basis = setup.basis();
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(10, 0, 1.0 / panels);
    int n = panels * rule.getNumberOfPoints();
    double[] x = new double[n];
    double[] w = new double[n * basis.length];
    int e = 0;
    for (int p = 0; p < panels; p++) {
      for (int k = 0; k < rule.getNumberOfPoints(); k++) {
        x[e] = rule.getPoint(k) + (double) p / panels;
        for (int bm = 0; bm < basis.length; bm++) {
          w[e * basis.length + bm] = rule.getWeight(k) * dsigma(x[e], basis[bm][0]);
        }
        e++;
      }
    }
    return EventSample.ofFeatures(OBS, x).withWeights(setup, w, null);
  }

  /** The exact log r(x|θ, θ_ref) = log[p(x|θ)/p(x|θ_ref)], p = dσ/σ. */
  public static RatioEstimator exactRatio(double thetaRef, double[][] trainedRange) {
    return new RatioEstimator() {
      @Override
      public List<String> observables() {
        return OBS;
      }

      @Override
      public List<String> parameters() {
        return PARAMS;
      }

      @Override
      public double[][] logRatio(EventSample events, double[][] thetas) {
        double[][] out = new double[thetas.length][events.size()];
        for (int j = 0; j < thetas.length; j++) {
          double t = thetas[j][0];
          for (int e = 0; e < events.size(); e++) {
            double x = events.x(e, 0);
            out[j][e] =
                Math.log(dsigma(x, t) / sigma(t)) - Math.log(dsigma(x, thetaRef) / sigma(thetaRef));
          }
        }
        return out;
      }

      @Override
      public double[][][] score(EventSample events, double[][] thetas) {
        double[][][] out = new double[thetas.length][events.size()][1];
        for (int j = 0; j < thetas.length; j++) {
          double t = thetas[j][0];
          for (int e = 0; e < events.size(); e++) {
            double x = events.x(e, 0);
            out[j][e][0] = dsigmaDerivative(x, t) / dsigma(x, t) - sigmaDerivative(t) / sigma(t);
          }
        }
        return out;
      }

      @Override
      public double[][] thetaRange() {
        return trainedRange;
      }
    };
  }
}
