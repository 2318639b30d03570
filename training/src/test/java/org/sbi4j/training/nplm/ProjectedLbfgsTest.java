package org.sbi4j.training.nplm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class ProjectedLbfgsTest {
  /**
   * Exact minimiser of ½xᵀAx − bᵀx over a box, by enumerating every assignment of each variable to
   * its lower bound, upper bound or free (3ⁿ), solving the free block exactly and keeping the
   * feasible candidate with the lowest value (the problem is strictly convex: it is the KKT point).
   */
  static double[] exactBoxQp(double[][] a, double[] b, double[] lo, double[] hi) {
    int n = b.length;
    double best = Double.POSITIVE_INFINITY;
    double[] bestX = null;
    int combos = (int) Math.pow(3, n);
    for (int c = 0; c < combos; c++) {
      int[] state = new int[n];
      int code = c;
      for (int i = 0; i < n; i++) {
        state[i] = code % 3;
        code /= 3;
      }
      double[] x = new double[n];
      int[] freeIdx = java.util.stream.IntStream.range(0, n).filter(i -> state[i] == 2).toArray();
      for (int i = 0; i < n; i++) {
        x[i] = state[i] == 0 ? lo[i] : hi[i];
      }
      if (freeIdx.length > 0) {
        RealMatrix m = new Array2DRowRealMatrix(freeIdx.length, freeIdx.length);
        double[] rhs = new double[freeIdx.length];
        for (int r = 0; r < freeIdx.length; r++) {
          rhs[r] = b[freeIdx[r]];
          for (int j = 0; j < n; j++) {
            if (state[j] != 2) {
              rhs[r] -= a[freeIdx[r]][j] * x[j];
            }
          }
          for (int s = 0; s < freeIdx.length; s++) {
            m.setEntry(r, s, a[freeIdx[r]][freeIdx[s]]);
          }
        }
        double[] sol = new LUDecomposition(m).getSolver().solve(new ArrayRealVector(rhs)).toArray();
        for (int r = 0; r < freeIdx.length; r++) {
          x[freeIdx[r]] = sol[r];
        }
      }
      boolean feasible = true;
      for (int i = 0; i < n; i++) {
        feasible &= x[i] >= lo[i] - 1e-12 && x[i] <= hi[i] + 1e-12;
      }
      double v = quad(a, b, x, null);
      if (feasible && v < best) {
        best = v;
        bestX = x;
      }
    }
    return bestX;
  }

  static double quad(double[][] a, double[] b, double[] x, double[] g) {
    double v = 0;
    for (int i = 0; i < x.length; i++) {
      double ax = 0;
      for (int j = 0; j < x.length; j++) {
        ax += a[i][j] * x[j];
      }
      if (g != null) {
        g[i] = ax - b[i];
      }
      v += 0.5 * x[i] * ax - b[i] * x[i];
    }
    return v;
  }

  @Test
  void solvesQuadraticsWithActiveBoundsExactly() {
    Random r = new Random(11);
    int withActive = 0;
    for (int trial = 0; trial < 20; trial++) {
      int n = 5;
      double[][] m = new double[n][n];
      for (double[] row : m) {
        for (int j = 0; j < n; j++) {
          row[j] = r.nextGaussian();
        }
      }
      double[][] a = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          for (int k = 0; k < n; k++) {
            a[i][j] += m[k][i] * m[k][j];
          }
        }
        a[i][i] += 0.1;
      }
      double[] b = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      for (int i = 0; i < n; i++) {
        b[i] = 3 * r.nextGaussian();
        lo[i] = -1 - r.nextDouble();
        hi[i] = 1 + r.nextDouble();
      }
      lo[4] = Double.NEGATIVE_INFINITY;
      hi[4] = Double.POSITIVE_INFINITY;
      double[] exact = exactBoxQp(a, b, lo, hi);
      ProjectedLbfgs.Result res =
          new ProjectedLbfgs(10, 5000, 0, 1e-11)
              .minimize((x, g) -> quad(a, b, x, g), new double[n], lo, hi);
      assertTrue(res.converged());
      for (int i = 0; i < n; i++) {
        // projected gradient ≤ 1e-11 and eigenvalues ≥ 0.1 bound the error by ~1e-10.
        assertEquals(exact[i], res.x()[i], 1e-8, "trial " + trial + " variable " + i);
        if (exact[i] == lo[i] || exact[i] == hi[i]) {
          withActive++;
          assertEquals(exact[i], res.x()[i], 0.0, "an active bound is hit exactly");
        }
      }
    }
    assertTrue(withActive > 10, "the trials exercise active bounds: " + withActive);
  }

  @Test
  void minimisesRosenbrockWithoutBounds() {
    double[] inf = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] minf = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    ProjectedLbfgs.Result res =
        new ProjectedLbfgs(10, 20_000, 0, 1e-9)
            .minimize(
                (x, g) -> {
                  double a = 1 - x[0];
                  double b = x[1] - x[0] * x[0];
                  g[0] = -2 * a - 400 * x[0] * b;
                  g[1] = 200 * b;
                  return a * a + 100 * b * b;
                },
                new double[] {-1.2, 1},
                minf,
                inf);
    // the minimum (1, 1) is exact; the tolerances stop within ~1e-6 of it.
    assertEquals(1.0, res.x()[0], 1e-5);
    assertEquals(1.0, res.x()[1], 1e-5);
  }

  @Test
  void rejectsEmptyBox() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ProjectedLbfgs.defaults()
                .minimize((x, g) -> 0, new double[1], new double[] {1}, new double[] {0}));
  }
}
