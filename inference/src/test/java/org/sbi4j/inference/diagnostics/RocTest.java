package org.sbi4j.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocTest {
  /** The naive double loop of the weighted AUC definition, ties counting one half. */
  private static double naiveAuc(double[] s, double[] a, double[] b) {
    double sa = 0;
    double sb = 0;
    for (int i = 0; i < s.length; i++) {
      sa += a[i];
      sb += b[i];
    }
    double auc = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        double w = a[i] / sa * b[j] / sb;
        auc += s[i] > s[j] ? w : s[i] == s[j] ? 0.5 * w : 0;
      }
    }
    return auc;
  }

  @Test
  void weightedAucMatchesTheNaiveDoubleLoopWithTies() {
    SplittableRandom rng = new SplittableRandom(11);
    int n = 300;
    double[] s = new double[n];
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      // scores on a coarse lattice so that many ties occur
      s[i] = Math.floor(rng.nextDouble() * 20) / 4;
      a[i] = rng.nextDouble() * (1 + s[i]);
      b[i] = rng.nextDouble();
    }
    // both sums are of 300 products of order 1: rounding leaves ~1e-13
    assertEquals(naiveAuc(s, a, b), Roc.of(s, a, b).auc(), 1e-12);
  }

  @Test
  void curveRunsFromTheOriginToOneAndAreaOfPerfectSeparationIsOne() {
    double[] s = {3, 2, 1, 0};
    double[] a = {1, 1, 0, 0};
    double[] b = {0, 0, 1, 1};
    Roc r = Roc.of(s, a, b);
    assertEquals(1.0, r.auc(), 0);
    assertEquals(0.0, r.fpr()[0], 0);
    assertEquals(0.0, r.tpr()[0], 0);
    assertEquals(1.0, r.fpr()[r.fpr().length - 1], 1e-15);
    assertEquals(1.0, r.tpr()[r.tpr().length - 1], 1e-15);
    // identical classes: the AUC of a useless score is one half
    assertEquals(0.5, Roc.of(s, new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}).auc(), 1e-15);
  }

  @Test
  void weightedMeanHasTheDeltaMethodErrorAndKishSize() {
    // m = (1·1 + 3·2) / 4 = 1.75; s² = (1·0.75² + 9·0.25²) / 16; n_eff = 16 / 10
    WeightedMean m = WeightedMean.of(new double[] {1, 2}, new double[] {1, 3});
    assertEquals(1.75, m.mean(), 1e-15);
    assertEquals(Math.sqrt((0.5625 + 9 * 0.0625) / 16), m.error(), 1e-15);
    assertEquals(1.6, m.effectiveSize(), 1e-15);
  }
}
