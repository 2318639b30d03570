package org.sbi4j.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LikelihoodScan;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.SimulatorQuadrature;

/**
 * The normalised ratio against exact answers on interference-1d: quadrature "events" carry the
 * exact density, so the normalisation sum Σ_i v_i r(x_i|θ) is the integral ∫ p(x|θ) dx = 1 up to
 * the rule's error, and a ratio that is exact up to a factor c(θ) must come back as the exact one.
 */
class NormalizedRatioTest {
  static final double L = 10;
  private static final double[] THETA1 = {0};
  private final Simulator sim = Simulators.INTERFERENCE_1D.create();
  private final EventSample quadrature = SimulatorQuadrature.quadratureEvents(sim, -5, 40, 300);

  /**
   * a·log r(x|θ, 0) + c(θ) of the exact ratio, c(θ) = k (0.4 θ − 0.6 θ²): with a = 1 right in x and
   * wrong per θ, with a ≠ 1 wrong in x too.
   */
  static final class Distorted implements RatioEstimator {
    private final ExactRatio exact;
    private final double a;
    private final double k;

    Distorted(ExactRatio exact, double a, double k) {
      this.exact = exact;
      this.a = a;
      this.k = k;
    }

    @Override
    public List<String> observables() {
      return exact.observables();
    }

    @Override
    public List<String> parameters() {
      return exact.parameters();
    }

    @Override
    public double[][] thetaRange() {
      return exact.thetaRange();
    }

    @Override
    public double[][] logRatio(EventSample events, double[][] thetas) {
      double[][] lr = exact.logRatio(events, thetas);
      for (int j = 0; j < thetas.length; j++) {
        double t = thetas[j][0];
        for (int e = 0; e < lr[j].length; e++) {
          lr[j][e] = a * lr[j][e] + k * (0.4 * t - 0.6 * t * t);
        }
      }
      return lr;
    }

    @Override
    public double[][][] score(EventSample events, double[][] thetas) {
      double[][][] s = exact.score(events, thetas);
      for (int j = 0; j < thetas.length; j++) {
        for (double[] row : s[j]) {
          row[0] = a * row[0] + k * (0.4 - 1.2 * thetas[j][0]);
        }
      }
      return s;
    }
  }

  @Test
  void aRatioWrongByAFactorPerThetaComesBackExact() {
    ExactRatio exact = new ExactRatio(sim, THETA1);
    MorphedEvents norm = new MorphedEvents(quadrature);
    NormalizedRatio fixed = new NormalizedRatio(new Distorted(exact, 1, 1), norm, THETA1);
    NormalizedRatio plain = new NormalizedRatio(exact, norm, THETA1);
    EventSample x = sim.events(200, 3);
    double[][] thetas = {{-0.9}, {-0.4}, {0}, {0.3}, {0.9}};
    double[][] want = exact.logRatio(x, thetas);
    double[][][] wantT = exact.score(x, thetas);
    double[][] got = fixed.logRatio(x, thetas);
    double[][] gotPlain = plain.logRatio(x, thetas);
    double[][][] gotT = fixed.score(x, thetas);
    for (int j = 0; j < thetas.length; j++) {
      for (int e = 0; e < x.size(); e++) {
        // log ∫ p(x|θ) dx by 3000 Gauss–Legendre nodes on [−5, 40] (the density's mass outside
        // is below e^{−40}): its error is far below 1e−9; the factor c(θ) cancels exactly
        assertEquals(want[j][e], got[j][e], 1e-9);
        assertEquals(want[j][e], gotPlain[j][e], 1e-9);
        // E_θ[t(x|θ)] = ∫ ∂θ p(x|θ) dx = 0: the exact score stays, c'(θ) is removed
        assertEquals(wantT[j][e][0], gotT[j][e][0], 1e-8);
      }
    }
  }

  @Test
  void theScoreIsTheDerivativeOfTheNormalisedLogRatio() {
    // a model that is wrong in x too (log r scaled by 0.8): the normaliser then depends on θ in a
    // way no factor describes, and t̂_N must still be ∂θ log r̂_N (central differences, step h =
    // 1e−4: error O(h²) ≈ 1e−8 times the third derivative, far below 1e−6)
    ExactRatio exact = new ExactRatio(sim, THETA1);
    RatioEstimator scaled = new Distorted(exact, 0.8, 0);
    NormalizedRatio n = new NormalizedRatio(scaled, new MorphedEvents(quadrature), THETA1);
    EventSample x = sim.events(50, 4);
    double h = 1e-4;
    for (double theta : new double[] {-0.6, 0.2, 0.7}) {
      double[][] lr = n.logRatio(x, new double[][] {{theta + h}, {theta - h}});
      double[][][] t = n.score(x, new double[][] {{theta}});
      for (int e = 0; e < x.size(); e++) {
        assertEquals((lr[0][e] - lr[1][e]) / (2 * h), t[0][e][0], 1e-6);
      }
    }
  }

  @Test
  void misNormalisedExactRatioRecoversTheExactIntervals() {
    // Asimov limits on the quadrature events (θ_true = 0, L = 10), against the independent
    // integration of q(θ) that Interference1DLimitsTest checks the exact ratio with (1e−3 there)
    ExactRatio exact = new ExactRatio(sim, THETA1);
    MorphedEvents norm = new MorphedEvents(quadrature);
    ParameterGrid grid = ParameterGrid.parse("-1:1:41");
    Intervals raw = intervals(new Distorted(exact, 1, 1), grid);
    Intervals fixed =
        intervals(new NormalizedRatio(new Distorted(exact, 1, 1), norm, THETA1), grid);
    double lo68 = crossing(1, -1, 0);
    double hi68 = crossing(1, 0, 1);
    double lo95 = crossing(3.841458820694124, -1, 0);
    double hi95 = crossing(3.841458820694124, 0, 1);
    assertEquals(lo68, fixed.cl68().lower(), 1e-3);
    assertEquals(hi68, fixed.cl68().upper(), 1e-3);
    assertEquals(lo95, fixed.cl95().lower(), 1e-3);
    assertEquals(hi95, fixed.cl95().upper(), 1e-3);
    // the factor alone moves the raw interval by far more than the quickstart's 0.05
    assertTrue(Math.abs(raw.cl95().lower() - lo95) > 0.05, "raw " + raw.cl95().lower());
  }

  @Test
  void histogramSourcesPassThroughAndRatioSourcesAreRelabelled() {
    EventSample file = sim.events(2_000, 7);
    LimitSource h = LimitSource.histogram(List.of("x"));
    assertSame(h, NormalizedRatio.normalize(h, file));
    LimitSource r =
        NormalizedRatio.normalize(
            new LimitSource.Ratio("alices", new ExactRatio(sim, THETA1)), file);
    assertEquals("alices normalised", r.label());
    assertTrue(((LimitSource.Ratio) r).estimator() instanceof NormalizedRatio);
  }

  /** Asimov intervals over all the quadrature events (not a partition: they are an integral). */
  private Intervals intervals(RatioEstimator model, ParameterGrid grid) {
    MorphedEvents ev = new MorphedEvents(quadrature);
    Dataset asimov = Dataset.asimov(ev, ev, new double[] {0}, L);
    return LikelihoodScan.run(new ExtendedLikelihood(model, asimov, ev, L), List.of("theta"), grid)
        .intervals()
        .get("theta");
  }

  private double crossing(double level, double a, double b) {
    return new BrentSolver(1e-12)
        .solve(1000, t -> SimulatorQuadrature.asimovQ(sim, t, 0, L, -5, 40) - level, a, b);
  }
}
