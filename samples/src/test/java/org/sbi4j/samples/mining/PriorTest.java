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

  /** Mean and variance (divisor n) of column {@code i}. */
  private static double[] moments(double[][] t, int i) {
    double m = 0;
    for (double[] r : t) {
      m += r[i];
    }
    m /= t.length;
    double v = 0;
    for (double[] r : t) {
      v += (r[i] - m) * (r[i] - m);
    }
    return new double[] {m, v / t.length};
  }

  @Test
  void normalDrawsHaveTheirMoments() {
    // 20 000 draws of N(0.3, 0.2²): the mean's standard error is 0.2/√20000 = 0.0014, the
    // variance's 0.04·√(2/20000) = 0.0004; 5 standard errors each
    double[][] t = Prior.parse("normal:0.3:0.2, grid:-1:1:5").points(setup, 20_000, 11);
    double[] m = moments(t, 0);
    assertEquals(0.3, m[0], 5 * 0.0014);
    assertEquals(0.04, m[1], 5 * 0.0004);
    // the grid axis draws its 5 nodes uniformly: mean 0, variance (1 + 0.25 + 0 + 0.25 + 1)/5 =
    // 0.5;
    // standard errors √(0.5/20000) = 0.005 and ~√((0.85 − 0.25)/20000) = 0.0055
    double[] g = moments(t, 1);
    assertEquals(0, g[0], 5 * 0.005);
    assertEquals(0.5, g[1], 5 * 0.0055);
  }

  @Test
  void gridProductHasTheExactMomentsOfItsNodes() {
    // n equally spaced nodes on [lo, hi]: mean (lo + hi)/2, variance (hi − lo)² (n + 1) / (12 (n −
    // 1))
    double[][] t = Prior.parse("grid:-1:3:9, grid:0:1:4").points(setup, 0, 1);
    assertEquals(36, t.length);
    double[] a = moments(t, 0);
    assertEquals(1, a[0], 1e-12);
    assertEquals(16.0 * 10 / (12 * 8), a[1], 1e-12);
    double[] b = moments(t, 1);
    assertEquals(0.5, b[0], 1e-12);
    assertEquals(1.0 * 5 / (12 * 3), b[1], 1e-12);
  }

  @Test
  void pointsFilesPerComponentAndAsWholePoints(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path one = dir.resolve("one.txt");
    java.nio.file.Files.writeString(one, "# values of theta_1\n0.5\n-0.25\n\n1\n");
    double[][] t = Prior.parse("points:" + one + ", grid:0:1:2").points(setup, 0, 1);
    assertEquals(6, t.length);
    assertArrayEquals(new double[] {0.5, 0}, t[0], 0);
    assertArrayEquals(new double[] {1, 1}, t[5], 0);
    // mixed with a continuous axis, the listed values are drawn uniformly
    for (double[] r : Prior.parse("points:" + one + ", uniform:0:1").points(setup, 50, 2)) {
      assertTrue(r[0] == 0.5 || r[0] == -0.25 || r[0] == 1, java.util.Arrays.toString(r));
    }
    java.nio.file.Path whole = dir.resolve("whole.csv");
    java.nio.file.Files.writeString(whole, "0.1, 0.2\n-0.3 0.4\n");
    double[][] w = Prior.parse("points:" + whole).points(setup, 99, 1);
    assertEquals(2, w.length);
    assertArrayEquals(new double[] {-0.3, 0.4}, w[1], 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Prior.parse("points:" + whole + ", grid:0:1:2"));
    assertTrue(e.getMessage().contains("one value per line"), e.getMessage());
    java.nio.file.Files.writeString(one, "0.5\nabc\n");
    e = assertThrows(IllegalArgumentException.class, () -> Prior.parse("points:" + one));
    assertTrue(e.getMessage().contains("line 2: 'abc'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> Prior.parse("points:" + dir.resolve("no.txt")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Prior.parse("normal:0:-1,grid:0:1:2"));
    assertTrue(e.getMessage().contains("sigma > 0"), e.getMessage());
  }
}
