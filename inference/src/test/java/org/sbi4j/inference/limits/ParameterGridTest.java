package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.Parameter;

class ParameterGridTest {
  @Test
  void parsesAndOrdersPointsFirstAxisSlowest() {
    ParameterGrid g = ParameterGrid.parse("-1:1:3,0:1:2");
    assertEquals(6, g.size());
    double[][] p = g.points();
    assertArrayEquals(new double[] {-1, 0}, p[0], 0);
    assertArrayEquals(new double[] {-1, 1}, p[1], 0);
    assertArrayEquals(new double[] {0, 0}, p[2], 0);
    assertArrayEquals(new double[] {1, 1}, p[5], 0);
    assertArrayEquals(new int[] {2, 1}, g.indices(5));
  }

  @Test
  void rejectsBadSpecsAndGridsOutsideTheRanges() {
    for (String bad : new String[] {"", "1:0:5", "0:1", "a:1:3", "0:1:1"}) {
      assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse(bad), bad);
    }
    ParameterGrid g = ParameterGrid.parse("-2:1:4");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> g.checkInside(List.of(Parameter.of("c", 2, -1, 1))));
    assertTrue(e.getMessage().contains("outside the parameter range"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> g.checkInside(List.of(Parameter.of("c", 2, -3, 3), Parameter.of("d", 2, -3, 3))));
  }
}
