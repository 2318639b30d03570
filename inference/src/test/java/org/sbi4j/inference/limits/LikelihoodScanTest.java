package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.LogLikelihood;

class LikelihoodScanTest {
  private static final double Z95 = Math.sqrt(3.841458820694124);

  /** log L = −½ (θ−μ)ᵀ C⁻¹ (θ−μ): q is exactly quadratic. */
  private static LogLikelihood gaussian(double[] mu, double[][] inverseCov) {
    return new LogLikelihood() {
      @Override
      public int dimension() {
        return mu.length;
      }

      @Override
      public double[] evaluate(double[][] thetas) {
        double[] out = new double[thetas.length];
        for (int j = 0; j < thetas.length; j++) {
          double s = 0;
          for (int a = 0; a < mu.length; a++) {
            for (int c = 0; c < mu.length; c++) {
              s += (thetas[j][a] - mu[a]) * inverseCov[a][c] * (thetas[j][c] - mu[c]);
            }
          }
          out[j] = 7.5 - 0.5 * s;
        }
        return out;
      }
    };
  }

  @Test
  void oneDimensionalGaussianIntervalsAreExact() {
    double mu = 0.3217;
    double sd = 0.4;
    ScanResult r =
        LikelihoodScan.run(
            gaussian(new double[] {mu}, new double[][] {{1 / (sd * sd)}}),
            List.of("a"),
            ParameterGrid.parse("-2:2:21"));
    // Brent's optimiser and root finder run to 1e-10; the quadratic is evaluated in double.
    assertEquals(mu, r.bestFit()[0], 1e-7);
    assertEquals(7.5, r.maxLogLikelihood(), 1e-12);
    Intervals iv = r.intervals().get("a");
    assertEquals(mu - sd, iv.cl68().lower(), 1e-8);
    assertEquals(mu + sd, iv.cl68().upper(), 1e-8);
    assertEquals(mu - Z95 * sd, iv.cl95().lower(), 1e-8);
    assertEquals(mu + Z95 * sd, iv.cl95().upper(), 1e-8);
    assertTrue(r.warnings().isEmpty());
    double[][] pts = r.points();
    for (int g = 0; g < pts.length; g++) {
      double z = (pts[g][0] - mu) / sd;
      assertEquals(z * z, r.q()[g], 1e-9);
      assertEquals(Wilks.pValue(z * z, 1), r.pValues()[g], 1e-12);
    }
  }

  @Test
  void intervalsReachingTheGridEdgeAreFlagged() {
    ScanResult r =
        LikelihoodScan.run(
            gaussian(new double[] {0.5}, new double[][] {{1}}),
            List.of("a"),
            ParameterGrid.parse("0:3:31"));
    Interval cl95 = r.intervals().get("a").cl95();
    assertTrue(cl95.lowerAtEdge());
    assertEquals(0, cl95.lower(), 0);
    assertFalse(cl95.upperAtEdge());
    assertEquals(0.5 + Z95, cl95.upper(), 1e-8);
    assertEquals(2, r.warnings().size());
  }

  @Test
  void twoDimensionalCorrelatedGaussianProfilesExactly() {
    double[] mu = {0.13, -0.27};
    double s0 = 0.5;
    double s1 = 0.3;
    double rho = 0.6;
    double det = s0 * s0 * s1 * s1 * (1 - rho * rho);
    double[][] inv = {{s1 * s1 / det, -rho * s0 * s1 / det}, {-rho * s0 * s1 / det, s0 * s0 / det}};
    ParameterGrid grid = ParameterGrid.parse("-2:2:81,-2:2:81");
    ScanResult r = LikelihoodScan.run(gaussian(mu, inv), List.of("a", "b"), grid);
    // BOBYQA stops at a trust radius of 1e-10.
    assertEquals(mu[0], r.bestFit()[0], 1e-6);
    assertEquals(mu[1], r.bestFit()[1], 1e-6);
    // Profiling a Gaussian gives q_prof(θ_a) = ((θ_a − μ_a)/σ_a)², intervals μ_a ± σ_a. The
    // parabola
    // refinement of the profile is exact for a quadratic; the crossings are then linearly
    // interpolated between grid points h = 0.05 apart, overestimating q by at most
    // h²/(4σ²) at the crossing, which moves the ends by ≤ h²/(8σ)·… < 2e-3 here.
    Intervals a = r.intervals().get("a");
    Intervals b = r.intervals().get("b");
    assertEquals(mu[0] - s0, a.cl68().lower(), 2e-3);
    assertEquals(mu[0] + s0, a.cl68().upper(), 2e-3);
    assertEquals(mu[1] - Z95 * s1, b.cl95().lower(), 2e-3);
    assertEquals(mu[1] + Z95 * s1, b.cl95().upper(), 2e-3);
    double[][] plane = r.qPlane();
    double[] x = grid.axis(0);
    double[] y = grid.axis(1);
    double[] d = {x[10] - mu[0], y[70] - mu[1]};
    double expected =
        d[0] * (inv[0][0] * d[0] + inv[0][1] * d[1]) + d[1] * (inv[1][0] * d[0] + inv[1][1] * d[1]);
    assertEquals(expected, plane[10][70], 1e-8);
    assertEquals(Math.exp(-expected / 2), r.pValuePlane()[10][70], 1e-10);
  }

  @Test
  void parabolaMinimumOfAnExactParabola() {
    // y = 2(x − 0.3)² + 1 sampled at 0, 0.5, 1: the minimum 1 is recovered exactly.
    double v = LikelihoodScan.parabolaMinimum(0, 0.5, 1, 2 * 0.09 + 1, 2 * 0.04 + 1, 2 * 0.49 + 1);
    assertEquals(1.0, v, 1e-12);
  }
}
