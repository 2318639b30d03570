package org.sbi4j.inference.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.testing.SimulatorQuadrature;

/**
 * Fisher information over (θ, ν_norm, ν_shape) of interference-1d at θ = 0.5, ν = 0, L = 10,
 * computed by {@link NuisanceFisher} on parton-level quadrature events with nuisance weights,
 * against independent integrals of the simulator's exact dσ(z|θ, ν): truth = L ∫ ∇dσ ∇dσᵀ / dσ dz +
 * C, rate = L ∇σ ∇σᵀ / σ + C, histogram = Σ_k ∇ν_k ∇ν_kᵀ / ν_k + C over fixed z bins (ν_k = L ∫_bin
 * dσ), with ∇ by central differences of the simulator's density and adaptive Gauss–Legendre
 * quadrature, and C = diag(0, 1, 1). The profiled θ information is checked against the Schur
 * complement I_θθ − I_θν I_νν⁻¹ I_νθ written out by hand.
 */
class NuisanceFisherTest {
  static final double L = 10;
  static final double[] THETA = {0.5};
  static final double H = 1e-5;
  private final Simulator sim = Interference1D.withNuisances();
  private final EventSample parton = SimulatorQuadrature.partonEvents(sim, 0, 80, 400);
  private final MorphedEvents events = new MorphedEvents(parton);

  private NuisanceFisher fisher(double[] fixed) {
    return new NuisanceFisher(
        events,
        parton.nuisanceMorphing(NuisanceMorphing.Policy.ERROR),
        sim.nuisances().names(),
        fixed);
  }

  private static final double[] FREE = {Double.NaN, Double.NaN};

  /** dσ(z|θ, ν) at (θ, ν) = point, p = (θ, ν_norm, ν_shape). */
  private double dsigma(double z, double[] p) {
    return sim.partonDensity(new double[] {z}, new double[] {p[0]}, new double[] {p[1], p[2]});
  }

  /** ∂dσ/∂p_i by central differences (error ~H² ≈ 1e-10 relative). */
  private double derivative(double z, int i) {
    double[] up = {THETA[0], 0, 0};
    double[] down = up.clone();
    up[i] += H;
    down[i] -= H;
    return (dsigma(z, up) - dsigma(z, down)) / (2 * H);
  }

  private static double integrate(
      org.apache.commons.math3.analysis.UnivariateFunction f, double a, double b) {
    return new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-14).integrate(1_000_000, f, a, b);
  }

  private static final double[][] C = {{0, 0, 0}, {0, 1, 0}, {0, 0, 1}};

  @Test
  void truthOverThetaAndNuisancesIsTheExactIntegralPlusConstraint() {
    double[][] got = fisher(FREE).truth(THETA, L).matrix();
    double[] at = {THETA[0], 0, 0};
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        final int a = i;
        final int b = j;
        double exact =
            L * integrate(z -> derivative(z, a) * derivative(z, b) / dsigma(z, at), 0, 80)
                + C[i][j];
        // 400 ten-point Gauss–Legendre panels integrate the smooth integrand to ~1e-12; the
        // finite differences of the reference are good to ~1e-9 relative.
        assertEquals(exact, got[i][j], 1e-7 * Math.max(1, Math.abs(exact)), "I[" + i + "][" + j);
      }
    }
  }

  @Test
  void rateOverThetaAndNuisancesIsExact() {
    double[][] got = fisher(FREE).rate(THETA, L).matrix();
    double[] at = {THETA[0], 0, 0};
    double sigma = sim.crossSection(THETA, new double[] {0, 0});
    double[] grad = new double[3];
    for (int i = 0; i < 3; i++) {
      double[] up = at.clone();
      double[] down = at.clone();
      up[i] += H;
      down[i] -= H;
      grad[i] =
          (sim.crossSection(new double[] {up[0]}, new double[] {up[1], up[2]})
                  - sim.crossSection(new double[] {down[0]}, new double[] {down[1], down[2]}))
              / (2 * H);
    }
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double exact = L * grad[i] * grad[j] / sigma + C[i][j];
        assertEquals(exact, got[i][j], 1e-7 * Math.max(1, Math.abs(exact)), "I[" + i + "][" + j);
      }
    }
  }

  @Test
  void histogramOverThetaAndNuisancesIsThePerBinMorphingOfTheBinnedIntegrals() {
    double[] edges = {0, 0.4, 1, 2, 3, 5, 8, 80};
    Summary s = new Summary.Observed(List.of("z"));
    var model = Limits.histogramModel(events, s, new BinningSpec(1, List.of(edges), null), L);
    double[][] got =
        fisher(FREE).histogram(model, s, THETA, NuisanceMorphing.Policy.ERROR).matrix();
    double[] at = {THETA[0], 0, 0};
    double[][] exact = new double[3][3];
    for (int k = 0; k + 1 < edges.length; k++) {
      double lo = edges[k];
      double hi = edges[k + 1];
      double mu = L * integrate(z -> dsigma(z, at), lo, hi);
      double[] g = new double[3];
      g[0] = L * integrate(z -> derivative(z, 0), lo, hi);
      for (int j = 1; j < 3; j++) {
        // per-bin coefficient A = ½ log(W₊/W₋) of the bin's content at θ_ref = 0 (sm), ν_j = ±1
        double[] plus = {0, 0, 0};
        double[] minus = {0, 0, 0};
        plus[j] = 1;
        minus[j] = -1;
        double wp = integrate(z -> dsigma(z, plus), lo, hi);
        double wm = integrate(z -> dsigma(z, minus), lo, hi);
        g[j] = mu * 0.5 * Math.log(wp / wm);
      }
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          exact[i][j] += g[i] * g[j] / mu;
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double e = exact[i][j] + C[i][j];
        // The edges are multiples of the quadrature panel width 0.2, so every bin holds whole
        // panels and is integrated to ~1e-12 (an edge inside a panel costs ~1e-5).
        assertEquals(e, got[i][j], 1e-7 * Math.max(1, Math.abs(e)), "I[" + i + "][" + j);
      }
    }
  }

  @Test
  void profiledInformationIsTheSchurComplement() {
    FisherMatrix full = fisher(FREE).truth(THETA, L);
    double[][] m = full.matrix();
    // I_νν⁻¹ of the 2 × 2 nuisance block, written out.
    double det = m[1][1] * m[2][2] - m[1][2] * m[2][1];
    double[][] inv = {{m[2][2] / det, -m[1][2] / det}, {-m[2][1] / det, m[1][1] / det}};
    double schur = m[0][0];
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        schur -= m[0][1 + a] * inv[a][b] * m[1 + b][0];
      }
    }
    double profiled = full.profile(List.of("theta")).matrix()[0][0];
    assertEquals(schur, profiled, 1e-12 * schur);
    assertTrue(profiled < m[0][0], "profiling loses information");
    FisherAnalysis.Result result = new FisherAnalysis.Result(full, List.of("norm", "shape"));
    Map<String, Object> json =
        FisherAnalysis.summary(
            new FisherRequest(
                java.nio.file.Path.of("events.h5"),
                THETA,
                L,
                FisherKind.TRUTH,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            result);
    assertEquals(List.of("norm", "shape"), json.get("nuisanceParameters"));
    assertEquals(List.of("theta"), json.get("profiledParameters"));
    assertEquals(schur, ((double[][]) json.get("profiledMatrix"))[0][0], 1e-12 * schur);
    assertEquals(1 / profiled, ((double[][]) json.get("profiledCovariance"))[0][0], 1e-9 / schur);
  }

  @Test
  void aFixedNuisanceIsNoParameterAndMovesTheExpansionPoint() {
    NuisanceFisher nf = fisher(new double[] {0.5, Double.NaN});
    FisherMatrix f = nf.truth(THETA, L);
    assertEquals(List.of("theta", "shape"), f.parameters());
    double[] at = {THETA[0], 0.5, 0};
    double[] order = {0, 2};
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        final int a = (int) order[i];
        final int b = (int) order[j];
        double exact =
            L
                    * integrate(
                        z -> derivativeAt(z, a, at) * derivativeAt(z, b, at) / dsigma(z, at), 0, 80)
                + (i == 1 && j == 1 ? 1 : 0);
        assertEquals(
            exact, f.matrix()[i][j], 1e-7 * Math.max(1, Math.abs(exact)), "I[" + i + "][" + j);
      }
    }
  }

  private double derivativeAt(double z, int i, double[] at) {
    double[] up = at.clone();
    double[] down = at.clone();
    up[i] += H;
    down[i] -= H;
    return (dsigma(z, up) - dsigma(z, down)) / (2 * H);
  }
}
