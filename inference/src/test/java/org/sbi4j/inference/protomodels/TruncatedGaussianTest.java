package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** The truncated Gaussian against its defining formulae (docs/math.md §9.1). */
class TruncatedGaussianTest {
  static final NormalDistribution N = NormalDistribution.of(0, 1);

  @Test
  void equalLimitsGiveModeZeroAndWidthFromTheExpectedLimit() {
    TruncatedGaussian tg = new TruncatedGaussian(3.0, 3.0);
    // U(0) = σ Φ⁻¹(1 − 0.05 · 1/2) = 1.959964 σ: the expected limit of a mode-0 Gaussian
    assertEquals(3.0 / 1.959963984540054, tg.width(), 1e-12);
    assertEquals(0, tg.mode(), 1e-9);
  }

  @Test
  void densityIsTheFormulaAndTheObservedLimitItsNinetyFifthPercentile() {
    for (double[] limits : new double[][] {{5, 3}, {2, 3}, {0.8, 3}, {12, 10}}) {
      TruncatedGaussian tg = new TruncatedGaussian(limits[0], limits[1]);
      // Φ⁻¹(0.975) from the inverse CDF here, from the inverse survival function in the class:
      // the two agree to ~1e-10 relative
      assertEquals(limits[1] / N.inverseCumulativeProbability(0.975), tg.width(), 1e-9 * limits[1]);
      double sigma = tg.width();
      double mode = tg.mode();
      for (double s : new double[] {0, 0.3, 1, 2.5, 7}) {
        double formula =
            Math.exp(-0.5 * Math.pow((s - mode) / sigma, 2))
                / (Math.sqrt(2 * Math.PI) * sigma * N.survivalProbability(-mode / sigma));
        // relative 1e-12: the same expression, evaluated in another order
        assertEquals(formula, tg.density(s), 1e-12 * formula);
        assertEquals(-Math.log(formula), tg.nll(s), 1e-10);
      }
      assertEquals(0, tg.density(-0.1));
      // independent check by quadrature: ∫₀^U_obs density = 0.95 and ∫₀^∞ = 1 (Simpson, 1e-9)
      SimpsonIntegrator simpson = new SimpsonIntegrator(1e-12, 1e-12, 3, 30);
      double upTo = simpson.integrate(1_000_000, tg::density, 0, limits[0]);
      double total =
          upTo
              + simpson.integrate(1_000_000, tg::density, limits[0], mode + 20 * sigma + limits[0]);
      assertEquals(0.95, upTo / total, 1e-8);
      assertEquals(1, total, 1e-8);
      assertEquals(limits[0], TruncatedGaussian.limitOf(mode, sigma), 1e-9 * limits[0]);
    }
  }

  @Test
  void aStrongerObservedLimitMovesTheModeBelowZero() {
    assertEquals(-1, Math.signum(new TruncatedGaussian(2, 3).mode()));
    assertEquals(1, Math.signum(new TruncatedGaussian(4, 3).mode()));
  }

  @Test
  void refusesAnObservedLimitFarBelowTheExpectedOne() {
    assertThrows(IllegalArgumentException.class, () -> new TruncatedGaussian(0.01, 10));
    assertThrows(IllegalArgumentException.class, () -> new TruncatedGaussian(-1, 10));
  }
}
