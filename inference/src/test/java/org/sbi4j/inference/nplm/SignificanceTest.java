package org.sbi4j.inference.nplm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SignificanceTest {
  @Test
  void zIsTheGaussianQuantile() {
    assertEquals(0.0, Significance.z(0.5), 1e-15);
    // 1 − Φ(3) = 1.3498980316300946e-3 (tabulated); Z is accurate to the quantile's 1e-14.
    assertEquals(3.0, Significance.z(1.3498980316300946e-3), 1e-12);
    assertEquals(5.0, Significance.z(2.866515718791939e-7), 1e-10);
    assertTrue(Double.isFinite(Significance.z(0)) && Double.isFinite(Significance.z(1)));
    assertThrows(IllegalArgumentException.class, () -> Significance.z(1.5));
  }

  @Test
  void chiSquaredPValueMatchesClosedForms() {
    // k = 2: P(χ² ≥ t) = e^{−t/2}; k = 1: erfc(√(t/2)) — here at t = 4 equals 2(1 − Φ(2)).
    assertEquals(Math.exp(-3.7 / 2), Significance.chiSquaredPValue(3.7, 2), 1e-14);
    assertEquals(2 * 0.022750131948179195, Significance.chiSquaredPValue(4, 1), 1e-14);
    assertEquals(1.0, Significance.chiSquaredPValue(0, 3), 0.0);
    // far tail: p underflows below 1e-300, Wilson–Hilferty keeps Z finite and large.
    double z = Significance.chiSquaredZ(5000, 10);
    assertTrue(z > 37 && Double.isFinite(z), "z = " + z);
  }

  @Test
  void empiricalPValueCountsToysAtOrAboveT() {
    double[] toys = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertEquals(3.0 / 10, Significance.empiricalPValue(7.5, toys), 0.0);
    assertEquals(2.0 / 10, Significance.empiricalPValue(9, toys), 0.0);
    assertEquals(1.0 / 10, Significance.empiricalPValue(100, toys), 0.0);
  }

  @Test
  void fitRecoversDegreesOfFreedom() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    for (int k : new int[] {1, 5, 13}) {
      double[] t = new double[20_000];
      for (int i = 0; i < t.length; i++) {
        for (int j = 0; j < k; j++) {
          double z = g.sample();
          t[i] += z * z;
        }
      }
      ChiSquaredFit fit = ChiSquaredFit.fit(t);
      // MLE standard error of k at n = 20 000 is ≤ 0.5 % of k here; allow 4σ.
      assertEquals(k, fit.dof(), 0.02 * k + 0.02, "k = " + k);
      assertTrue(fit.ksPValue() > 0.01, "KS p = " + fit.ksPValue());
    }
    double[] uniform = new double[5000];
    for (int i = 0; i < uniform.length; i++) {
      uniform[i] = 10 + rng.nextDouble();
    }
    assertTrue(ChiSquaredFit.fit(uniform).ksPValue() < 1e-6, "a non-χ² sample fails the KS test");
    assertThrows(IllegalArgumentException.class, () -> ChiSquaredFit.fit(new double[] {1}));
  }

  @Test
  void dofErrorIsTheSpreadOfTheFittedK() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int repetitions = 400;
    int n = 100;
    double[] k = new double[repetitions];
    double predicted = 0;
    for (int r = 0; r < repetitions; r++) {
      double[] t = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 13; j++) {
          double z = g.sample();
          t[i] += z * z;
        }
      }
      ChiSquaredFit fit = ChiSquaredFit.fit(t);
      k[r] = fit.dof();
      predicted += fit.dofError() / repetitions;
    }
    double mean = java.util.Arrays.stream(k).average().orElseThrow();
    double spread =
        Math.sqrt(
            java.util.Arrays.stream(k).map(v -> (v - mean) * (v - mean)).sum() / (repetitions - 1));
    // The Fisher error is asymptotic; at n = 100 toys of χ²₁₃ it is ≈ 0.48 (the authors' 100
    // stored toys give 12.67 ± 0.48). The spread of 400 fitted k has a relative Monte Carlo
    // error of 1/√(2·399) ≈ 3.5 %, and the small-n bias of the spread is a few %: allow 15 %.
    assertEquals(spread, predicted, 0.15 * spread, "Fisher error against the spread of k");
    assertEquals(0.48, predicted, 0.05, "error of k for 100 toys of χ²₁₃");
  }
}
