package org.sbi4j.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalibrationHistogramsTest {
  @Test
  void binsAtMixtureQuantilesGiveTheRatioOfNormalisedWeights() {
    // a/Σa = ¼ each, b/Σb = {½, ¼, ⅛, ⅛}; mixture {⅜, ¼, 3/16, 3/16} crosses ½ at the second
    // value, so the cut is at 2: bins {0, 1} and {2, 3} with A = {½, ½}, B = {¾, ¼}
    CalibratedRatio.Histograms h =
        CalibratedRatio.Histograms.build(
            new double[] {0, 1, 2, 3}, new double[] {1, 1, 1, 1}, new double[] {4, 2, 1, 1}, 2);
    assertArrayEquals(new double[] {2}, h.edges(), 0);
    assertEquals(Math.log(2.0 / 3), h.logRatio(1.5), 1e-15);
    assertEquals(Math.log(2), h.logRatio(2), 1e-15);
    assertEquals(Math.log(2), h.logRatio(100), 1e-15);
    assertEquals(Math.log(2.0 / 3), h.logRatio(-100), 1e-15);
  }

  @Test
  void aBinWithoutWeightUnderOneHypothesisIsMerged() {
    // mixture {⅜, ⅜, ⅛, ⅛} at 4 bins cuts at 1 and 2 (a repeated cut collapses): bins {0}, {1},
    // {2, 3}; the last has no θ0 weight and joins {1}: A = {½, ½}, B = {¼, ¾}
    CalibratedRatio.Histograms h =
        CalibratedRatio.Histograms.build(
            new double[] {0, 1, 2, 3}, new double[] {1, 1, 0, 0}, new double[] {1, 1, 1, 1}, 4);
    assertArrayEquals(new double[] {1}, h.edges(), 0);
    assertEquals(Math.log(2), h.logRatio(0), 1e-15);
    assertEquals(Math.log(2.0 / 3), h.logRatio(1), 1e-15);
    assertEquals(Math.log(2.0 / 3), h.logRatio(3), 1e-15);
  }

  @Test
  void identicalValuesGiveOneBinAndRatioOne() {
    CalibratedRatio.Histograms h =
        CalibratedRatio.Histograms.build(
            new double[] {0, 0, 0}, new double[] {1, 2, 3}, new double[] {3, 2, 1}, 20);
    assertEquals(0, h.edges().length);
    assertEquals(0.0, h.logRatio(5), 1e-15);
  }
}
