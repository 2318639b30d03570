package org.sbi4j.inference.cwola;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;

class BumpHuntTest {
  private static double[] masses(int background, int signal, long seed) {
    double[] e = CwolaToy.events(background, signal, seed);
    double[] m = new double[background + signal];
    for (int i = 0; i < m.length; i++) {
      m[i] = e[3 * i];
    }
    return m;
  }

  @Test
  void backgroundOnlyLocalPValuesAreUniform() {
    // 200 background-only toys of 4000 events: the profile-likelihood p-values must be uniform
    // (KS p > 0.01 fails a correct test 1 % of the time; the seeds are fixed, so it is stable).
    double[] p = new double[200];
    for (int s = 0; s < p.length; s++) {
      p[s] = BumpHunt.of(masses(4000, 0, 1000 + s), CwolaToy.config()).pValue();
    }
    double ks =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new UniformRealDistribution(null, 0, 1), p);
    assertTrue(ks > 0.01, "KS p of the null p-values = " + ks);
  }

  @Test
  void aBumpIsFoundAndTheBackgroundIsPredicted() {
    BumpHunt none = BumpHunt.of(masses(40_000, 0, 7), CwolaToy.config());
    // B from the sideband fit against the count itself: within 3 √B (Poisson spread + fit).
    assertEquals(none.observed(), none.background(), 3 * Math.sqrt(none.background()));
    BumpHunt bump = BumpHunt.of(masses(40_000, 400, 7), CwolaToy.config());
    // 400 signal events (95 % in the region) on B ≈ 2800: Z ≈ 380/√2800 ≈ 7 on top of the
    // background-only fluctuation.
    assertTrue(bump.z() > none.z() + 5, "Z = " + bump.z() + " vs " + none.z());
    assertEquals(bump.observed() - none.observed(), 382, 20, "signal events in the region");
  }

  @Test
  void narrowSidebandsAreRefused() {
    CwolaConfig c = CwolaConfig.of(1.9, 2.1, 1.85, 2.15);
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> BumpHunt.of(new double[] {2}, c));
    assertTrue(e.getMessage().contains("sidebands"), e.getMessage());
  }
}
