package org.sbi4j.training.nplm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class StandardizationTest {
  @Test
  void weightedMeanAndSpreadOfTheReference() {
    // reference {1, 2, 3} with weights ∝ {1, 1, 2}: μ = 9/4, s² = (1.5625 + 0.0625 + 2·0.5625)/4
    // = 0.6875, exactly; the constant second feature keeps s = 1.
    NplmProblem p =
        NplmProblem.weighted(
            2, new double[] {1, 7, 2, 7, 3, 7}, new double[] {1, 1, 2}, new double[0], null, 4);
    Standardization s = Standardization.of(p);
    assertArrayEquals(new double[] {2.25, 7}, s.mean(), 1e-15);
    assertArrayEquals(new double[] {Math.sqrt(0.6875), 1}, s.scale(), 1e-15);
    double[] x = s.apply(new double[] {3, 8});
    assertArrayEquals(new double[] {0.75 / Math.sqrt(0.6875), 1}, x, 1e-15);
  }

  @Test
  void tDoesNotDependOnTheUnitsOfX() {
    UniformRandomProvider r = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
    int nr = 1500;
    int nd = 90;
    double[] ref = new double[nr];
    double[] data = new double[nd];
    for (int i = 0; i < nr; i++) {
      ref[i] = -Math.log(1 - r.nextDouble());
    }
    for (int i = 0; i < nd; i++) {
      data[i] = -Math.log(1 - r.nextDouble()) * (i % 3 == 0 ? 1.6 : 1);
    }
    double[] ref2 = new double[nr];
    double[] data2 = new double[nd];
    for (int i = 0; i < nr; i++) {
      ref2[i] = 1000 * ref[i] + 5;
    }
    for (int i = 0; i < nd; i++) {
      data2[i] = 1000 * data[i] + 5;
    }
    NplmProblem a = NplmProblem.weighted(1, ref, null, data, null, 100);
    NplmProblem b = NplmProblem.weighted(1, ref2, null, data2, null, 100);
    NplmTrainingConfig config =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 2)
            .withEpochs(400)
            .withLearningRate(0.02);
    NplmFit fa = NplmTrainer.train(a, config, 3);
    NplmFit fb = NplmTrainer.train(b, config, 3);
    // the standardised inputs agree to rounding (~1e−13 relative), and 400 smooth Adam steps from
    // the same start keep the fits that close; 1e−8 leaves ample room.
    assertEquals(fa.t(), fb.t(), 1e-8 * Math.max(1, fa.t()));
    assertTrue(fa.t() > 0.5, "the tail excess must be picked up, t = " + fa.t());
    // the returned network takes raw x: its loss on the raw problem reproduces t.
    assertEquals(fb.t(), -2 * NplmTrainer.loss(b, fb.network()), 1e-9 * Math.max(1, fb.t()));
    assertEquals(fa.network().f(new double[] {2}), fb.network().f(new double[] {2005}), 1e-7);
    // without standardisation the same clip means something else in other units.
    NplmFit raw = NplmTrainer.train(b, config.withStandardize(false), 3);
    assertTrue(
        Math.abs(raw.t() - fa.t()) > 0.1, "raw-x t = " + raw.t() + " vs standardised " + fa.t());
  }
}
