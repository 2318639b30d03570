package org.sbi4j.morphing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.util.CombinatoricsUtils;
import org.junit.jupiter.api.Test;

class ComponentsTest {
  @Test
  void madMinerOrderLastParameterFastest() {
    // itertools.product(range(3), range(3)) filtered by total power <= 2
    int[][] expected = {{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {2, 0}};
    assertArrayEquals(expected, Components.enumerate(new int[] {2, 2}, 2));
  }

  @Test
  void countIsBinomialWhenNoPerParameterLimitBinds() {
    for (int n = 1; n <= 5; n++) {
      for (int power : new int[] {2, 4}) {
        int[] max = new int[n];
        java.util.Arrays.fill(max, power);
        assertEquals(
            CombinatoricsUtils.binomialCoefficient(n + power, power),
            Components.enumerate(max, power).length,
            "n=" + n + " P=" + power);
      }
    }
  }

  @Test
  void perParameterLimitsBind() {
    // θ1 at most linear: (0,0) (0,1) (0,2) (1,0) (1,1)
    assertEquals(5, Components.enumerate(new int[] {1, 2}, 2).length);
  }

  @Test
  void valuesAndDerivativesOfMonomials() {
    int[] k = {2, 1, 0};
    double[] t = {1.5, -2.0, 7.0};
    assertEquals(1.5 * 1.5 * -2.0, Components.value(k, t), 0.0);
    assertEquals(2 * 1.5 * -2.0, Components.derivative(k, t, 0), 0.0);
    assertEquals(1.5 * 1.5, Components.derivative(k, t, 1), 0.0);
    assertEquals(0.0, Components.derivative(k, t, 2), 0.0);
    assertEquals(1.0, Components.value(new int[] {0}, new double[] {0}), 0.0);
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> Components.enumerate(new int[0], 2));
    assertThrows(IllegalArgumentException.class, () -> Components.enumerate(new int[] {-1}, 2));
  }
}
