package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.training.MorphingAwareTrainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.model.MorphingAwareModel;

/**
 * Closure of the morphing-aware ALICES estimator (docs/math.md §3.9) on interference-1d against the
 * exact likelihood, E[(log r̂(x|θ) − log r(x|θ))²] over θ ~ U(−1, 1) and x ~ p(x|θ1 = 0) (the 20
 * 000 pairs of {@link EstimatorAccuracy#logRatioMse}), and the exact polynomial θ-dependence of
 * trained models: for fixed x, r̂(x|θ)·σ(θ) is the quadratic through its values at the three basis
 * points θ = 0, 1, −1, checked at 20 other θ's.
 *
 * <p>Training ({@link #config()}): {@link #ROWS} rows (θ0 at 5000 points drawn uniformly in [−1,
 * 1], θ1 = 0) unweighted from 4 × as many events at θ = 0, 2 × 64 tanh, {@link #EPOCHS} epochs, lr
 * 3e−3 → 1e−4, each weight array's gradient clipped to norm 0.1, on SameDiff (the only engine of
 * this model). With exactly these seeds (2026-12-07; same seed, same weights on the CPU, so that is
 * what the test computes) the linear form with its defaults (components [(1 + u)² + e^{v}]/2, the
 * one at θ1 = 0 fixed to 1, c = 5, score term α = 0.1) measured 0.0051, and 0.0085 and 0.0048 on
 * two other training seeds (bench/morphing-aware.sh, docs/math.md §3.9); the quadratic variant
 * 0.00937. The standard error of the linear form's estimate over the 20 000 test pairs is 0.00033
 * (this test prints it: 0.00510 ± 0.00033), so its margin of 0.0049 to 0.01 is some 15 standard
 * errors: far outside the Monte Carlo error of the test set. The whole class ran in 66 s on the
 * loaded 2-core machine.
 */
class MorphingAwareAccuracyIT {
  static final Simulator SIM = EstimatorAccuracy.SIM;
  static final int ROWS = 20_000;
  static final int EPOCHS = 12;
  private static EventSample events;
  private static EventSample sample;

  @BeforeAll
  static void sample() {
    events = SIM.events(4 * ROWS, 1);
    sample = EstimatorAccuracy.ratioSample(EventSource.of(events), ROWS, 2);
  }

  private static MorphingAwareModel train(MorphingAware.Kind kind, TrainingConfig config) {
    MorphingAware spec =
        MorphingAware.fromEvents(
            kind, SIM.setup(), events, MorphingAware.clipFor(kind, config.logRatioClip()));
    return MorphingAwareModel.of(
        new MorphingAwareTrainer(config, List.of()).train(sample, Method.ALICES, spec, 3).model());
  }

  @Test
  void quadraticMorphingAwareAlicesReachesTheTargetAndIsExactlyPolynomial() {
    MorphingAwareModel model = train(MorphingAware.Kind.QUADRATIC, config());
    double mse = EstimatorAccuracy.logRatioMse(model::predict, 20_000, 4);
    System.out.printf("quadratic morphing-aware ALICES E[(log r̂ − log r)²] %.5f%n", mse);
    assertTrue(mse < 0.01, "quadratic morphing-aware ALICES MSE " + mse);
    // the quadratic form divides by σ(θ)/σ(0): the same polynomial check with σ_b/σ(0)
    double[] sigma = model.spec().benchmarkSigma();
    assertExactlyQuadratic(model, new double[] {1, sigma[1] / sigma[0], sigma[2] / sigma[0]});
  }

  @Test
  void linearMorphingAwareAlicesReachesTheTargetAndIsExactlyPolynomial() {
    MorphingAwareModel model = train(MorphingAware.Kind.LINEAR, config());
    double[] logR = new double[1];
    double mse =
        EstimatorAccuracy.logRatioMse(
            (theta, x) -> {
              Prediction p = model.predict(theta, x);
              logR[0] = standardError(p, theta, x);
              return p;
            },
            20_000,
            4);
    System.out.printf(
        "linear morphing-aware ALICES E[(log r̂ − log r)²] %.5f ± %.5f%n", mse, logR[0]);
    assertTrue(mse < 0.01, "linear morphing-aware ALICES MSE " + mse);
    assertExactlyQuadratic(model, model.spec().benchmarkSigma());
  }

  /** The standard error of the mean of (log r̂ − log r)² over the test pairs. */
  private static double standardError(Prediction p, double[] theta, double[] x) {
    int n = theta.length;
    double s = 0;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double e =
          Math.pow(
              p.logRatio()[i]
                  - SIM.logRatio(new double[] {x[i]}, new double[] {theta[i]}, new double[] {0}),
              2);
      s += e;
      ss += e * e;
    }
    double mean = s / n;
    return Math.sqrt((ss / n - mean * mean) / n);
  }

  static TrainingConfig config() {
    return EstimatorAccuracy.fullSizeConfig().epochs(EPOCHS).gradientClip(0.1).build();
  }

  /**
   * For 10 fresh x: N(θ) = r̂(x|θ)·σ(θ), with σ(θ) = Σ_b L_b(θ) σ_b and L_b the Lagrange
   * polynomials of the basis θ_b = 0, 1, −1 of interference-1d (its morphing weights in closed
   * form), equals the quadratic Σ_b L_b(θ) N(θ_b) at 20 θ's that are not basis points. r̂ comes
   * from the model's public evaluation in double (exp of log r̂), so the two sides differ by
   * rounding only: 1e−12 relative is some 10⁴ ulps and far below any θ-dependence that is not the
   * polynomial.
   */
  static void assertExactlyQuadratic(MorphingAwareModel model, double[] sigma) {
    double[] basis = {0, 1, -1};
    EventSample test = SIM.events(10, 99);
    for (int i = 0; i < test.size(); i++) {
      double[] x = test.xRow(i);
      double[] atBasis = new double[3];
      for (int b = 0; b < 3; b++) {
        atBasis[b] = Math.exp(logRatio(model, basis[b], x)) * sigma[b];
      }
      for (int j = 0; j < 20; j++) {
        double theta = -0.975 + 0.1 * j;
        double[] l = lagrange(theta);
        double sigmaTheta = l[0] * sigma[0] + l[1] * sigma[1] + l[2] * sigma[2];
        double logR = logRatio(model, theta, x);
        assertTrue(
            logR > -model.spec().logRatioClip(),
            "the numerator is floored at x = " + x[0] + ", θ = " + theta);
        double expected = l[0] * atBasis[0] + l[1] * atBasis[1] + l[2] * atBasis[2];
        assertEquals(
            expected,
            Math.exp(logR) * sigmaTheta,
            1e-12 * Math.abs(expected),
            "x = " + x[0] + ", θ = " + theta);
      }
    }
  }

  /**
   * L_0 = 1 − θ², L_+ = θ(θ + 1)/2, L_− = θ(θ − 1)/2: 1 at their own basis point, 0 at the others.
   */
  private static double[] lagrange(double t) {
    return new double[] {1 - t * t, t * (t + 1) / 2, t * (t - 1) / 2};
  }

  private static double logRatio(MorphingAwareModel model, double theta, double[] x) {
    return model.predict(new double[] {theta}, x).logRatio()[0];
  }
}
