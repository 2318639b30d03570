package org.sbi4j.inference.nplm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.training.nplm.FastMode;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmTrainingConfig;
import org.sbi4j.training.nplm.ProjectedLbfgs;

class ClipScanTest {
  @Test
  void gridIsEvenlySpacedAndBadGridsAreRefused() {
    assertArrayEquals(new double[] {1, 2.5, 4, 5.5, 7}, ClipScan.grid("1:7:5"), 1e-15);
    for (String bad : new String[] {"1:7", "0:7:3", "7:1:3", "1:7:1", "a:b:c", "1:inf:3"}) {
      InvalidValueException e =
          assertThrows(InvalidValueException.class, () -> ClipScan.grid(bad), bad);
      assertTrue(e.getMessage().contains("lo:hi:n"), e.getMessage());
    }
  }

  @Test
  void theNullGrowsWithTheClipAndTheLargestCompatibleClipIsChosen() {
    // 1-2-1 network (p = 7 parameters), e^{−x} reference of 1000 events, N(0) = 50, 20 toys per W;
    // a light fast mode (two continuation starts, no Adam starts) keeps the 60 fits quick.
    NplmTrainingConfig training =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 2, 1), 1)
            .withOptimizer(NplmOptimizer.LBFGS)
            .withFastMode(new FastMode(ProjectedLbfgs.defaults(), 2, 30_000, 0, 1, 0.01, true));
    SampledToys toys = SampledToys.nullToys(Sampler.exponential(1), 1000, 50);
    double[] clips = {0.02, 1, 8};
    ClipScan scan;
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      scan = ClipScan.run(toys, training, clips, 20, 5, runner);
    }
    assertEquals(7, scan.parameters());
    // the same toy seeds at every W: toy 3 of the W = 8 entry is toy 3 of the null at W = 8.
    assertEquals(
        NplmTest.toyT(toys, training.withClip(8), 5, 3), scan.entries().get(2).nullT()[3], 0.0);
    // at W → 0 the network can only move the normalisation (one free direction, t ≈ χ²_1); larger
    // W frees more directions, so the fitted k grows with W.
    double k0 = scan.entries().get(0).dof();
    double k2 = scan.entries().get(2).dof();
    assertTrue(k0 < 3, "k at W = 0.02 is " + k0);
    assertTrue(k2 > k0 + 2, "k at W = 8 is " + k2 + ", at W = 0.02 " + k0);
    // compatibility is the KS test against χ²_7 (independent CDF: Commons Statistics), and the
    // chosen W is the largest compatible one.
    double chosen = clips[0];
    for (ClipScan.Entry e : scan.entries()) {
      double ks = ksPValueAgainst(e.nullT(), 7);
      assertEquals(ks, e.ksPValue(), 0.02, "KS p at W = " + e.clip());
      assertEquals(e.ksPValue() >= ClipScan.COMPATIBLE, e.compatible());
      if (e.compatible()) {
        chosen = e.clip();
      }
    }
    assertEquals(chosen, scan.chosen(), 0.0);
    assertTrue(!scan.entries().get(0).compatible(), "χ²_1-like toys are not χ²_7");
  }

  /**
   * KS p-value from the asymptotic Kolmogorov distribution of √n·D (the library uses the exact
   * small-n distribution, so they agree to about 0.02 at n = 20).
   */
  private static double ksPValueAgainst(double[] t, int k) {
    double[] s = t.clone();
    java.util.Arrays.sort(s);
    ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(k);
    int n = s.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = chi2.cumulativeProbability(s[i]);
      d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    double lambda = (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)) * d;
    double p = 0;
    for (int j = 1; j <= 100; j++) {
      p += 2 * Math.pow(-1, j - 1) * Math.exp(-2 * j * j * lambda * lambda);
    }
    return Math.max(0, Math.min(1, p));
  }
}
