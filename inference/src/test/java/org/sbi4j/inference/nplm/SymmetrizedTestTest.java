package org.sbi4j.inference.nplm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

class SymmetrizedTestTest {
  static final NplmTrainingConfig UNCLIPPED =
      NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), Double.POSITIVE_INFINITY)
          .withOptimizer(NplmOptimizer.LBFGS);

  static double[] normal(double mean, int n, long seed) {
    return Sampler.normal(mean, 1).sample(n, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
  }

  @Test
  void identicalSamplesGiveZeroAndSameDistributionIsConsistentWithPermutations() {
    double[] a = normal(0, 100, 1);
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      NplmTestConfig config = new NplmTestConfig(UNCLIPPED, 9, 5);
      // A = B: each term's loss is Σ_A (e^f − 1 − f) ≥ 0, minimised by f ≡ 0, so t = 0.
      NplmResult same = SymmetrizedTest.run(1, a, a, config, runner);
      assertEquals(0, same.t(), 1e-6);
      NplmResult null0 = SymmetrizedTest.run(1, a, normal(0, 100, 2), config, runner);
      assertTrue(
          null0.pValueEmpirical() > 0.05,
          "same distribution: p = " + null0.pValueEmpirical() + ", t = " + null0.t());
    }
  }

  @Test
  void shiftedSampleIsDetected() {
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      NplmResult r =
          SymmetrizedTest.run(
              1,
              normal(0, 100, 3),
              normal(1, 100, 4),
              new NplmTestConfig(UNCLIPPED, 20, 6),
              runner);
      assertEquals(1.0 / 21, r.pValueEmpirical(), 1e-15, "t above every permutation");
      assertTrue(r.z() > 3, "Z = " + r.z() + ", t = " + r.t() + ", k = " + r.dof());
    }
  }

  @Test
  void rejectsBadSamples() {
    try (LocalTaskRunner runner = new LocalTaskRunner(1)) {
      NplmTestConfig config = new NplmTestConfig(UNCLIPPED, 3, 1);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> SymmetrizedTest.run(1, new double[0], new double[] {1}, config, runner));
      assertTrue(e.getMessage().contains("empty"), e.getMessage());
      e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  SymmetrizedTest.run(
                      1, new double[] {1, Double.NaN}, new double[] {1}, config, runner));
      assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    }
  }
}
