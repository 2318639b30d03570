package org.sbi4j.inference.nplm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.training.nplm.KernelConfig;
import org.sbi4j.training.nplm.KernelModel;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/** The kernel variant on the reduced 1D benchmark: its own null calibration, and a tail signal. */
class KernelNplmTest {
  static final NplmTrainingConfig KERNEL =
      NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9)
          .withKernel(KernelConfig.of(60, Double.NaN, 1e-5));

  @Test
  void nullToysAreCalibratedAndATailSignalIsDetected() {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), 4000, 200);
    SampledToys signal =
        new SampledToys(Sampler.exponential(1), 4000, 200, Sampler.normal(4.0, 0.16), 25, null);
    NplmProblem observed = signal.draw(99);
    NplmResult result;
    double[] again;
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      result = NplmTest.run(observed, nulls, new NplmTestConfig(KERNEL, 30, 8), runner);
      again = NplmTest.nullDistribution(nulls, KERNEL, 3, 8, new LocalTaskRunner(1));
    }
    assertTrue(result.network() instanceof KernelModel);
    // same seeds → same toys, whichever runner.
    assertArrayEquals(java.util.Arrays.copyOf(result.nullT(), 3), again, 0.0);
    // the null is fitted by a χ²_k (its k is the model's own effective degrees of freedom).
    assertTrue(result.ksPValue() > 0.01, "KS p = " + result.ksPValue() + ", k = " + result.dof());
    assertTrue(
        result.z() > 3, "Z = " + result.z() + ", t = " + result.t() + ", k = " + result.dof());
    assertEquals(1.0 / 31, result.pValueEmpirical(), 1e-15, "t above every toy");
  }
}
