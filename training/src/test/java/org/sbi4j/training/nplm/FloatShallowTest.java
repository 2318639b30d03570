package org.sbi4j.training.nplm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;
import org.sbi4j.testing.FiniteDifferences;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Precision;

/** The single-precision NPLM sums against double-precision answers computed here. */
class FloatShallowTest {
  @Test
  void lossAndGradientMatchTheNaiveDoubleLossWithinFloatRounding() {
    // 8192·2 + 1237 reference rows and 803 data rows: chunks straddle the reference/data border
    // and tiles end in partial vectors, so the masked lanes are exercised.
    double[][] ref = FusedLossTest.rows(17_621, 2, 11);
    double[][] data = FusedLossTest.rows(803, 2, 12);
    double expected = 900;
    NplmProblem problem = NplmProblem.of(ref, data, expected);
    double w = expected / ref.length;
    for (Activation act : Activation.values()) {
      for (int[] layers : new int[][] {{2, 4, 1}, {2, 7, 1}}) {
        NetworkShape shape = new NetworkShape(layers, act);
        double[] p = FusedLossTest.randomParams(shape, 13);
        double[] g = new double[p.length];
        double loss;
        try (FusedLoss single = new FusedLoss(shape, problem, 2, Precision.FLOAT32)) {
          loss = single.valueAndGradient(p, g);
        }
        double naive = NaiveNplm.loss(layers, act, p, ref, w, data);
        // Error budget: x, w and the parameters are rounded to float (relative u = 6e−8), which
        // moves each |z| ≲ 10 and f by ≲ 1e−6 and each e^f by that relative amount; each lane
        // then adds at most 64 float terms (a tile of 512 rows over 8 lanes), ≤ 64u = 4e−6 of
        // the summed magnitudes. 1e−5 of the magnitudes bounds both.
        double scale = magnitude(layers, act, p, ref, w, data);
        assertEquals(naive, loss, 1e-5 * scale, act + " " + Arrays.toString(layers) + " loss");
        double maxW2 = 1;
        for (int j = 0; j < layers[1]; j++) {
          maxW2 = Math.max(maxW2, Math.abs(p[layers[1] * 3 + j]));
        }
        for (int k = 0; k < p.length; k++) {
          double fd =
              FiniteDifferences.central(
                  q -> NaiveNplm.loss(layers, act, q, ref, w, data), p, k, 1e-5);
          // |∂f/∂p_k| ≤ max(1, |w2|) · max(1, |x|) ≤ maxW2 · 5 for these rows, so each row adds
          // at most that times its weight (× e^f on reference rows) to g_k: the same relative
          // budget applies to that sum. The central difference itself is good to ~1e−9.
          assertEquals(
              fd, g[k], 1e-5 * 5 * maxW2 * scale, act + " " + Arrays.toString(layers) + " g" + k);
        }
      }
    }
  }

  /** Σ_R w (e^f + 1) + Σ_D |f|: the summed magnitudes of the loss's terms (data weights 1). */
  private static double magnitude(
      int[] layers, Activation act, double[] p, double[][] ref, double w, double[][] data) {
    double s = 0;
    for (double[] x : ref) {
      s += w * (Math.exp(NaiveNplm.f(layers, act, p, x)) + 1);
    }
    for (double[] x : data) {
      s += Math.abs(NaiveNplm.f(layers, act, p, x));
    }
    return s;
  }

  @Test
  void sameBitsForAnyThreadCount() {
    NetworkShape shape = NetworkShape.of(1, 4, 1);
    NplmProblem problem =
        NplmProblem.of(FusedLossTest.rows(20_000, 1, 21), FusedLossTest.rows(300, 1, 22), 250);
    double[] p = FusedLossTest.randomParams(shape, 23);
    double[] g1 = new double[p.length];
    double[] g3 = new double[p.length];
    double l1;
    double l3;
    try (FusedLoss one = new FusedLoss(shape, problem, 1, Precision.FLOAT32);
        FusedLoss three = new FusedLoss(shape, problem, 3, Precision.FLOAT32)) {
      l1 = one.valueAndGradient(p, g1);
      l3 = three.valueAndGradient(p, g3);
    }
    assertEquals(l1, l3, 0.0);
    assertArrayEquals(g1, g3, 0.0);
  }

  @Test
  void floatExpMatchesMathExp() {
    Random r = new Random(17);
    int lanes = FloatVector.SPECIES_PREFERRED.length();
    for (int n = 0; n < 20_000; n++) {
      float[] x = new float[lanes];
      for (int i = 0; i < lanes; i++) {
        x[i] = (float) ((r.nextDouble() * 2 - 1) * (n % 2 == 0 ? 1 : 87));
      }
      float[] e =
          FloatShallow.exp(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0)).toArray();
      for (int i = 0; i < lanes; i++) {
        // Taylor remainder < 6e−9 plus 8 rounded fused steps and the k ln 2 split: a few float
        // ulps (1.2e−7 relative each).
        double exact = Math.exp(x[i]);
        assertEquals(exact, e[i], 5e-7 * exact, "e^" + x[i]);
      }
    }
    float[] edge = new float[lanes];
    Arrays.fill(edge, Float.NaN);
    edge[0] = -100;
    edge[1] = 100;
    float[] e =
        FloatShallow.exp(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, edge, 0)).toArray();
    assertEquals(0f, e[0], 0f);
    assertEquals(Float.POSITIVE_INFINITY, e[1], 0f);
    assertTrue(Float.isNaN(e[lanes - 1]));
  }

  @Test
  void adamInFloatReachesTheClosedFormOptimumOfAConstantF() {
    // With every weight-matrix entry clipped to |w| ≤ 1e−9, f = b2 + O(4e−9) is a constant c, and
    // L(c) = N(0)(e^c − 1) − N_D c is least at e^c = N_D/N(0): t = 2[N_D ln(N_D/N(0)) − N_D +
    // N(0)].
    NetworkShape shape = NetworkShape.of(1, 4, 1);
    int nd = 330;
    double n0 = 300;
    NplmProblem problem =
        NplmProblem.of(FusedLossTest.rows(3000, 1, 24), FusedLossTest.rows(nd, 1, 25), n0);
    double exact = 2 * (nd * Math.log(nd / n0) - nd + n0);
    for (Precision precision : Precision.values()) {
      NplmTrainingConfig config =
          NplmTrainingConfig.defaults(shape, 1e-9)
              .withEpochs(3000)
              .withLearningRate(0.01)
              .withStandardize(false)
              .withPrecision(precision);
      double t = NplmTrainer.train(problem, config, 26).t();
      // Adam converges b2 to ~1e−12 here (float64: t to 1e−14); in float the gradient's rounding
      // (≲ 1e−5 of N(0) + N_D, as above) moves the stationary point by δ ≲ 2e−5, which lowers t by
      // ≈ N_D δ² ≈ 1.3e−7: the loss is flat to first order at the optimum.
      assertEquals(exact, t, 2e-7, precision.toString());
    }
  }
}
