package org.sbi4j.training.nplm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sbi4j.testing.AllClose.assertAllCloseRelative;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sbi4j.testing.FiniteDifferences;
import org.sbi4j.training.model.Activation;

class FusedLossTest {
  static double[][] rows(int n, int d, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextGaussian();
      }
    }
    return x;
  }

  static double[] randomParams(NetworkShape shape, long seed) {
    Random r = new Random(seed);
    double[] p = new double[shape.parameterCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = 0.7 * r.nextGaussian();
    }
    return p;
  }

  @Test
  void lossMatchesNaiveLoopAndGradientMatchesFiniteDifferences() {
    // {2,5,3,1} runs the general kernel, {2,6,1} the one-hidden-layer kernel.
    for (int[] layers : new int[][] {{2, 5, 3, 1}, {2, 6, 1}}) {
      for (Activation act : Activation.values()) {
        checkAgainstNaive(new NetworkShape(layers, act));
      }
    }
  }

  private static void checkAgainstNaive(NetworkShape shape) {
    Activation act = shape.activation();
    double[][] ref = rows(300, 2, 1);
    double[][] data = rows(40, 2, 2);
    NplmProblem problem = NplmProblem.of(ref, data, 35.0);
    double[] p = randomParams(shape, 3);
    double[] g = new double[p.length];
    double loss;
    try (FusedLoss fused = new FusedLoss(shape, problem, 1)) {
      loss = fused.valueAndGradient(p, g);
    }
    double naive = NaiveNplm.loss(shape.layers(), act, p, ref, 35.0 / 300, data);
    // sums of ~340 O(1) terms in different order: rounding ~1e-13 relative.
    assertEquals(naive, loss, 1e-11 * Math.max(1, Math.abs(naive)));
    for (int k = 0; k < p.length; k++) {
      double fd =
          FiniteDifferences.central(
              q -> NaiveNplm.loss(shape.layers(), act, q, ref, 35.0 / 300, data), p, k, 1e-5);
      // central differences: truncation O(h²·f''') ~ 1e-9, cancellation ~ 1e-16·|L|/h ~ 1e-9.
      assertEquals(fd, g[k], 1e-6 * Math.max(1, Math.abs(fd)), "gradient " + k + " " + act);
    }
  }

  @Test
  void vectorSumsMatchPlainJavaLoops() {
    // 8192·2 + 1237 reference rows and 803 data rows: chunks straddle the reference/data border
    // and tiles end in partial vectors, so the masked lanes are exercised.
    NplmProblem problem = NplmProblem.of(rows(17_621, 2, 11), rows(803, 2, 12), 900);
    for (Activation act : Activation.values()) {
      for (int[] layers : new int[][] {{2, 4, 1}, {2, 7, 1}}) {
        NetworkShape shape = new NetworkShape(layers, act);
        double[] p = randomParams(shape, 13);
        double[] gv = new double[p.length];
        double[] gs = new double[p.length];
        double lv;
        double ls;
        try (FusedLoss vec = new FusedLoss(shape, problem, 2, true);
            FusedLoss plain = new FusedLoss(shape, problem, 1, false)) {
          lv = vec.valueAndGradient(p, gv);
          ls = plain.valueAndGradient(p, gs);
        }
        // the vector e^x and tanh are within 1 ulp of Math's, sums of ~2e4 O(1) terms are
        // reordered: ~1e-13 relative.
        assertEquals(ls, lv, 1e-11 * Math.abs(ls), act + " loss");
        assertAllCloseRelative(gs, gv, 1e-11, act + " gradient");
      }
    }
  }

  @Test
  void vectorExpMatchesMathExp() {
    Random r = new Random(17);
    int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    for (int n = 0; n < 20_000; n++) {
      double[] x = new double[lanes];
      for (int i = 0; i < lanes; i++) {
        x[i] = (r.nextDouble() * 2 - 1) * (n % 2 == 0 ? 1 : 700);
      }
      double[] e =
          VectorShallow.exp(
                  jdk.incubator.vector.DoubleVector.fromArray(
                      jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED, x, 0))
              .toArray();
      for (int i = 0; i < lanes; i++) {
        // Taylor remainder < 5e-18 plus ~14 rounded fused steps and the k ln 2 split: a few ulp.
        assertEquals(Math.exp(x[i]), e[i], 4e-16 * Math.exp(x[i]), "e^" + x[i]);
      }
    }
    double[] edge = new double[lanes];
    java.util.Arrays.fill(edge, Double.NaN);
    edge[0] = -1000;
    edge[1] = 800;
    double[] e =
        VectorShallow.exp(
                jdk.incubator.vector.DoubleVector.fromArray(
                    jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED, edge, 0))
            .toArray();
    assertEquals(0.0, e[0], 0.0);
    assertEquals(Double.POSITIVE_INFINITY, e[1], 0.0);
    assertTrue(Double.isNaN(e[lanes - 1]));
  }

  @Test
  void adamOnVectorAndPlainSumsReachesTheSameT() {
    NetworkShape shape = NetworkShape.of(1, 4, 1);
    NplmProblem problem = NplmProblem.of(rows(3000, 1, 14), rows(330, 1, 15), 300);
    NplmTrainingConfig config = NplmTrainingConfig.defaults(shape, 9);
    double[] t = new double[2];
    for (int v = 0; v < 2; v++) {
      double[] x = shape.initialParameters(16);
      try (FusedLoss loss = new FusedLoss(shape, problem, 1, v == 1)) {
        t[v] =
            -2
                * Adam.withLearningRate(0.01)
                    .minimize(loss, x, config.lowerBounds(), config.upperBounds(), 400);
      }
    }
    // per-step gradients differ by ~1e-13 relative; 400 contracting Adam steps keep that far
    // below the engines' 1e-6 agreement.
    assertEquals(t[0], t[1], 1e-9 * Math.max(1, Math.abs(t[0])));
  }

  @Test
  void resultIsBitwiseIndependentOfThreadCount() {
    NetworkShape shape = NetworkShape.of(1, 4, 1);
    NplmProblem problem = NplmProblem.of(rows(50_000, 1, 4), rows(900, 1, 5), 1000);
    double[] p = randomParams(shape, 6);
    double[] g1 = new double[p.length];
    double[] g3 = new double[p.length];
    double l1;
    double l3;
    try (FusedLoss one = new FusedLoss(shape, problem, 1);
        FusedLoss three = new FusedLoss(shape, problem, 3)) {
      l1 = one.valueAndGradient(p, g1);
      l3 = three.valueAndGradient(p, g3);
    }
    assertEquals(l1, l3, 0.0);
    assertArrayEquals(g1, g3, 0.0);
  }

  @Test
  void sameDiffMatchesFusedKernel() {
    NetworkShape shape = NetworkShape.of(2, 4, 3, 1);
    NplmProblem problem = NplmProblem.of(rows(2000, 2, 7), rows(120, 2, 8), 100);
    double[] p = randomParams(shape, 9);
    double[] gf = new double[p.length];
    double[] gs = new double[p.length];
    double lf;
    try (FusedLoss fused = new FusedLoss(shape, problem, 1)) {
      lf = fused.valueAndGradient(p, gf);
    }
    double ls = new SameDiffLoss(shape, problem).valueAndGradient(p, gs);
    // both float64; only the summation order differs: ~1e-13 relative.
    assertEquals(lf, ls, 1e-10 * Math.abs(lf));
    assertAllCloseRelative(gf, gs, 1e-10, "gradient");
  }

  @Test
  void rejectsNetworkOfWrongInputSize() {
    NplmProblem problem = NplmProblem.of(rows(10, 2, 1), rows(3, 2, 2), 5);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FusedLoss(NetworkShape.of(1, 4, 1), problem, 1));
    assertTrue(e.getMessage().contains("2 columns"), e.getMessage());
  }
}
