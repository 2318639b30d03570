package org.sbi4j.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LikelihoodScan;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.ScanResult;
import org.sbi4j.testing.QuadratureToy;

/**
 * Expected limits on {@link QuadratureToy} with the exact log r against an independent evaluation
 * of the Asimov q(θ) = 2L[∫ dσ_t log(dσ_t/dσ_θ) dx + σ(θ) − σ_t] by adaptive Gauss–Legendre
 * integration and Brent root finding.
 */
public class AsimovToyTest {
  public static final double L = 10;

  public static double independentQ(double theta, double thetaTrue) {
    IterativeLegendreGaussIntegrator integ = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15);
    double kl =
        integ.integrate(
            100_000,
            x ->
                QuadratureToy.dsigma(x, thetaTrue)
                    * Math.log(QuadratureToy.dsigma(x, thetaTrue) / QuadratureToy.dsigma(x, theta)),
            0,
            1);
    return 2 * L * (kl + QuadratureToy.sigma(theta) - QuadratureToy.sigma(thetaTrue));
  }

  public static double crossing(DoubleUnaryOperator q, double level, double a, double b) {
    return new BrentSolver(1e-12).solve(1000, x -> q.applyAsDouble(x) - level, a, b);
  }

  public static ExtendedLikelihood asimovLikelihood(double thetaTrue, double lumi) {
    MorphedEvents events = new MorphedEvents(QuadratureToy.events(40));
    Dataset asimov = Dataset.asimov(events, events, new double[] {thetaTrue}, lumi);
    return new ExtendedLikelihood(QuadratureToy.exactRatio(0.7, null), asimov, events, lumi);
  }

  public static ScanResult asimovScan(double thetaTrue, String grid) {
    return LikelihoodScan.run(
        asimovLikelihood(thetaTrue, L), List.of("theta"), ParameterGrid.parse(grid));
  }

  @Test
  void asimovIntervalsMatchIndependentIntegration() {
    for (double thetaTrue : new double[] {0, 0.4}) {
      ScanResult r = asimovScan(thetaTrue, "-2.5:2.5:51");
      // The Asimov data are the exact expectation, so θ̂ = θ_true up to the optimiser's 1e-12
      // tolerance on a flat maximum (δθ ~ √(tol/curvature)).
      assertEquals(thetaTrue, r.bestFit()[0], 1e-5);
      DoubleUnaryOperator q = t -> independentQ(t, thetaTrue);
      Intervals iv = r.intervals().get("theta");
      // Both sides integrate polynomials × logs of a smooth positive function to ~1e-12, and
      // the roots are solved to 1e-10: agreement to 1e-7 leaves a wide margin.
      assertEquals(crossing(q, 1, thetaTrue - 3, thetaTrue), iv.cl68().lower(), 1e-7);
      assertEquals(crossing(q, 1, thetaTrue, thetaTrue + 3), iv.cl68().upper(), 1e-7);
      assertEquals(
          crossing(q, 3.841458820694124, thetaTrue - 3, thetaTrue), iv.cl95().lower(), 1e-7);
      assertEquals(
          crossing(q, 3.841458820694124, thetaTrue, thetaTrue + 3), iv.cl95().upper(), 1e-7);
      double[][] pts = r.points();
      for (int g = 0; g < pts.length; g += 7) {
        assertEquals(independentQ(pts[g][0], thetaTrue), r.q()[g], 1e-8);
      }
    }
  }

  @Test
  void bestFitOfCoarseGridRecoversThetaTrue() {
    ScanResult r = asimovScan(0.37, "-2:2:9");
    assertEquals(0.37, r.bestFit()[0], 1e-3);
  }
}
