package org.sbi4j.inference.nplm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/** The reduced 1D benchmark of the NPLM papers: reference e^{−x}, fast mode, few toys. */
class NplmTestTest {
  static final int REFERENCE = 2000;
  static final double EXPECTED = 100;
  static final NplmTrainingConfig FAST =
      NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9).withOptimizer(NplmOptimizer.LBFGS);

  @Test
  void nullToysFollowTheFittedChiSquaredAndATailSignalIsDetected() {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), REFERENCE, EXPECTED);
    // the observed data: the same toys with a narrow signal far in the tail (6.4, width 0.16).
    SampledToys signal =
        new SampledToys(
            Sampler.exponential(1), REFERENCE, EXPECTED, Sampler.normal(6.4, 0.16), 20, null);
    NplmProblem observed = signal.draw(2024);
    NplmResult result;
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      result = NplmTest.run(observed, nulls, new NplmTestConfig(FAST, 24, 7), runner);
    }
    for (double t : result.nullT()) {
      assertTrue(t >= -1e-9, "f ≡ 0 is feasible, so every toy has t ≥ 0: " + t);
    }
    assertTrue(result.ksPValue() > 0.01, "KS p = " + result.ksPValue() + ", k = " + result.dof());
    // k is fitted, not fixed: it lands near the 13 trainable parameters of the 1-4-1 network.
    assertTrue(result.dof() > 5 && result.dof() < 26, "k = " + result.dof());
    assertTrue(result.z() > 3, "signal Z = " + result.z() + " (t = " + result.t() + ")");
    assertEquals(1.0 / 25, result.pValueEmpirical(), 1e-15, "t above every toy");
  }

  @Test
  void toysDoNotDependOnHowTheyRun() {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), 500, 40);
    double[] serial;
    double[] parallel;
    try (LocalTaskRunner one = new LocalTaskRunner(1);
        LocalTaskRunner two = new LocalTaskRunner(2)) {
      serial = NplmTest.nullDistribution(nulls, FAST, 4, 11, one);
      parallel = NplmTest.nullDistribution(nulls, FAST, 4, 11, two);
    }
    assertArrayEquals(serial, parallel, 0.0);
    assertEquals(serial[2], NplmTest.toyT(nulls, FAST, 11, 2), 0.0);
  }

  @Test
  void toysAreTrainedWithTheObservedFitsOptimizer() {
    // The null must be calibrated with the optimiser of the data fit (docs/math.md §5.3, §5.12):
    // toy k's t equals a separate training of toy k's data with that optimiser, and not the other.
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), 300, 30);
    NplmTrainingConfig adam = FAST.withOptimizer(NplmOptimizer.ADAM).withEpochs(400);
    double[] t;
    try (LocalTaskRunner runner = new LocalTaskRunner(1)) {
      t = NplmTest.run(nulls.draw(5), nulls, new NplmTestConfig(adam, 2, 11), runner).nullT();
    }
    for (int k = 0; k < 2; k++) {
      NplmProblem toy = nulls.draw(org.sbi4j.common.Seeds.derive(11, 1, k));
      long seed = org.sbi4j.common.Seeds.derive(11, 2, k);
      assertEquals(NplmTrainer.train(toy, adam, seed).t(), t[k], 0.0, "toy " + k);
      double fast = NplmTrainer.train(toy, FAST, seed).t();
      assertTrue(fast > t[k] + 1e-6, "toy " + k + ": 400 Adam epochs " + t[k] + ", fast " + fast);
    }
  }

  @Test
  void poolToysSplitTheReferenceWithoutOverlap() {
    double[] pool = new double[1000];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = i;
    }
    NplmProblem toy = new PoolToys(1, pool, null, 50).draw(3);
    assertEquals(1000, toy.referenceSize() + toy.dataSize());
    java.util.Set<Double> seen = new java.util.HashSet<>();
    for (double v : toy.reference()) {
      seen.add(v);
    }
    for (double v : toy.data()) {
      assertTrue(seen.add(v), "event " + v + " is in both data and reference");
    }
    double sum = java.util.Arrays.stream(toy.referenceWeights()).sum();
    assertEquals(50, sum, 1e-9, "reference weights sum to N(0)");
  }

  @Test
  void badInputsAreRejected() {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), 100, 10);
    NplmProblem empty = NplmProblem.weighted(1, new double[] {1, 2}, null, new double[0], null, 10);
    try (LocalTaskRunner runner = new LocalTaskRunner(1)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> NplmTest.run(empty, nulls, new NplmTestConfig(FAST, 5, 1), runner));
      assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new NplmTestConfig(FAST, 1, 1));
  }
}
