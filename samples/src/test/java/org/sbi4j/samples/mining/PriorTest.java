package org.sbi4j.samples.mining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.simulators.Interference2D;

class PriorTest {
  private final MorphingSetup setup = new Interference2D().setup();

  @Test
  void gridsAreFullProductsLastParameterFastest() {
    double[][] g = Prior.parse("grid:-1:1:3, grid:0:1:2").points(setup, 0, 1);
    assertEquals(6, g.length);
    assertArrayEquals(new double[] {-1, 0}, g[0], 0);
    assertArrayEquals(new double[] {-1, 1}, g[1], 0);
    assertArrayEquals(new double[] {1, 1}, g[5], 0);
  }

  @Test
  void uniformDrawsAreSeededAndInRange() {
    Prior p = Prior.parse("uniform:-0.5:0.5,grid:0:1:2");
    double[][] a = p.points(setup, 200, 3);
    assertArrayEquals(a[17], p.points(setup, 200, 3)[17], 0);
    for (double[] t : a) {
      assertTrue(t[0] >= -0.5 && t[0] <= 0.5 && (t[1] == 0 || t[1] == 1));
    }
  }

  @Test
  void benchmarksAndBadPriors() {
    assertArrayEquals(setup.basis()[3], Prior.parse("benchmarks").points(setup, 0, 1)[3], 0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Prior.parse("uniform:1:-1,grid:0:1:2"));
    assertTrue(e.getMessage().contains("lo < hi"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Prior.parse("uniform:-1:1").points(setup, 10, 1));
    assertTrue(e.getMessage().contains("1 entries but there are 2 parameters"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Prior.parse("gauss:0:1"));
    assertTrue(e.getMessage().contains("'gauss:0:1'"), e.getMessage());
  }
}
