package org.sbi4j.inference.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.limits.Interval;

class FisherMatrixTest {
  private static final FisherMatrix F =
      new FisherMatrix(List.of("a", "b"), new double[][] {{4, 1.5}, {1.5, 2}}, List.of());

  @Test
  void covarianceIsTheInverse() {
    double det = 4 * 2 - 1.5 * 1.5;
    double[][] c = F.covariance();
    assertEquals(2 / det, c[0][0], 1e-14);
    assertEquals(-1.5 / det, c[0][1], 1e-14);
    assertEquals(4 / det, c[1][1], 1e-14);
  }

  @Test
  void profilingIsTheSchurComplementAndProjectionTheSubmatrix() {
    assertEquals(4 - 1.5 * 1.5 / 2, F.profile(List.of("a")).matrix()[0][0], 1e-14);
    assertEquals(2 - 1.5 * 1.5 / 4, F.profile(List.of("b")).matrix()[0][0], 1e-14);
    assertEquals(4, F.project(List.of("a")).matrix()[0][0], 0);
    // The profiled variance equals the marginal of the full covariance.
    assertEquals(F.covariance()[0][0], 1 / F.profile(List.of("a")).matrix()[0][0], 1e-14);
    assertThrows(IllegalArgumentException.class, () -> F.profile(List.of("c")));
  }

  @Test
  void ellipsePointsLieOnTheLevelSet() {
    double[][] e = F.ellipse(new double[] {0.2, -0.1}, 2.3, 37);
    double[][] m = F.matrix();
    for (int k = 0; k < 37; k++) {
      double dx = e[0][k] - 0.2;
      double dy = e[1][k] + 0.1;
      double v = dx * (m[0][0] * dx + m[0][1] * dy) + dy * (m[1][0] * dx + m[1][1] * dy);
      assertEquals(2.3, v, 1e-12);
    }
    Interval i = F.interval("a", 1, 1);
    assertEquals(1 / Math.sqrt(4 - 1.5 * 1.5 / 2), 0.5 * i.width(), 1e-14);
  }

  @Test
  void singularMatrixIsReported() {
    FisherMatrix s =
        new FisherMatrix(List.of("a", "b"), new double[][] {{1, 1}, {1, 1}}, List.of());
    assertThrows(IllegalArgumentException.class, s::covariance);
  }
}
