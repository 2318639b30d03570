package org.sbi4j.morphing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BasisOptimizerTest {
  private final List<Parameter> params =
      List.of(Parameter.of("a", 2, -1, 1), Parameter.of("b", 2, -1, 1));
  private final int[][] components = Components.enumerate(params, 2);
  private final BasisOptimizer optimizer =
      new BasisOptimizer(params, components, new BasisOptimizerConfig(100, 300, 300, 1e10));

  @Test
  void sameSeedSameBasis() {
    double[][] fixed = {{0, 0}};
    OptimizedBasis a = optimizer.optimize(fixed, 6, 17);
    OptimizedBasis b = optimizer.optimize(fixed, 6, 17);
    for (int k = 0; k < 6; k++) {
      assertArrayEquals(a.basis()[k], b.basis()[k], 0.0);
    }
    assertEquals(a.meanSquaredWeight(), b.meanSquaredWeight(), 0.0);
  }

  @Test
  void keepsFixedBenchmarksAndBeatsANaiveBasis() {
    double[][] fixed = {{0, 0}};
    OptimizedBasis best = optimizer.optimize(fixed, 6, 3);
    assertArrayEquals(new double[] {0, 0}, best.basis()[0], 0.0);
    double[][] test = optimizer.uniformPoints(300, org.sbi4j.common.Seeds.derive(3, 1));
    // a clustered basis near the origin: valid but with large weights at the edges of the box
    double[][] clustered = {{0, 0}, {0.2, 0}, {-0.2, 0}, {0, 0.2}, {0, -0.2}, {0.2, 0.2}};
    double naive = Morpher.of(components, clustered).meanSquaredWeight(test);
    assertTrue(
        best.meanSquaredWeight() < naive / 10, best.meanSquaredWeight() + " vs clustered " + naive);
    // reported figures are those of the returned basis
    Morpher m = Morpher.of(components, best.basis());
    assertEquals(m.meanSquaredWeight(test), best.meanSquaredWeight(), 1e-12);
    assertEquals(m.conditionNumber(), best.conditionNumber(), 1e-9 * m.conditionNumber());
  }

  @Test
  void refinementNeverMakesItWorse() {
    double[][] fixed = new double[0][2];
    var noRefine =
        new BasisOptimizer(params, components, new BasisOptimizerConfig(100, 300, 0, 1e10))
            .optimize(fixed, 6, 9);
    var refined =
        new BasisOptimizer(params, components, new BasisOptimizerConfig(100, 300, 500, 1e10))
            .optimize(fixed, 6, 9);
    assertTrue(refined.meanSquaredWeight() <= noRefine.meanSquaredWeight());
  }

  @Test
  void tooSmallABasisIsRejected() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> optimizer.optimize(new double[0][2], 5, 1));
    assertTrue(e.getMessage().contains("at least 6"), e.getMessage());
  }
}
