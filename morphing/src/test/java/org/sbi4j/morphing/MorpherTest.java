package org.sbi4j.morphing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MorpherTest {
  /** MadMiner's published example (docs, "morphing" tutorial): exact small integers. */
  @Test
  void madMinerPublishedWeightsAndGradients() {
    int[][] components = {{4, 0}, {3, 1}, {2, 2}, {1, 3}, {0, 4}};
    double[][] basis = {{1, -5}, {1, -4}, {1, -3}, {1, -2}, {1, -1}};
    Morpher m = Morpher.of(components, basis);
    // W is the inverse of a 5×5 Vandermonde matrix with cond ~1e5; 1e-9 absolute leaves room for
    // that amplification of double rounding (1e-16 × 1e5 × entries of size ~1e2).
    assertArrayEquals(new double[] {5, -24, 45, -40, 15}, m.weights(new double[] {1, 1}), 1e-9);
    double[][] g = m.weightGradients(new double[] {1, 1});
    // the published gradients are rounded to 4-6 significant digits
    assertArrayEquals(new double[] {13.5833, -66, 126, -115.3333, 45.75}, g[0], 1e-4);
    assertArrayEquals(new double[] {6.41667, -30, 54, -44.6667, 14.25}, g[1], 1e-4);
  }

  @Test
  void oneParameterQuadraticWeightsAreTheLagrangePolynomials() {
    Morpher m = Morpher.of(new int[][] {{0}, {1}, {2}}, new double[][] {{0}, {1}, {-1}});
    for (double t : new double[] {-2.5, -1, -0.3, 0, 0.7, 1, 3.1}) {
      double[] expected = {1 - t * t, (t + t * t) / 2, (t * t - t) / 2};
      // exact rational arithmetic up to double rounding of O(t²) terms
      assertArrayEquals(expected, m.weights(new double[] {t}), 1e-13 * (1 + t * t));
    }
  }

  @Test
  void weightsAtBasisPointsAreUnitVectors() {
    int[][] components = Components.enumerate(new int[] {2, 2, 2}, 2);
    double[][] basis = randomBasis(components.length, 3, new Random(7));
    Morpher m = Morpher.of(components, basis);
    for (int b = 0; b < basis.length; b++) {
      double[] w = m.weights(basis[b]);
      for (int k = 0; k < w.length; k++) {
        // cond(M) of a random basis is ~1e2-1e3: errors of 1e-16 × cond stay far below 1e-10
        assertEquals(k == b ? 1.0 : 0.0, w[k], 1e-10);
      }
    }
  }

  @Test
  void morphedCrossSectionReproducesAPolynomialExactly() {
    int[][] components = Components.enumerate(new int[] {2, 2}, 2);
    double[] coefficients = {1.3, -0.4, 2.0, 0.7, -1.1, 0.5};
    Random rng = new Random(11);
    double[][] basis = randomBasis(components.length, 2, rng);
    Morpher m = Morpher.of(components, basis);
    double[] sigmaB = new double[basis.length];
    for (int b = 0; b < basis.length; b++) {
      sigmaB[b] = polynomial(components, coefficients, basis[b]);
    }
    for (int k = 0; k < 50; k++) {
      double[] theta = {4 * rng.nextDouble() - 2, 4 * rng.nextDouble() - 2};
      double exact = polynomial(components, coefficients, theta);
      assertEquals(exact, m.crossSection(theta, sigmaB), 1e-10 * (1 + Math.abs(exact)));
    }
  }

  @Test
  void overdeterminedBasisReproducesAPolynomialExactly() {
    int[][] components = Components.enumerate(new int[] {2, 2}, 2);
    double[] coefficients = {0.2, 1.4, -2.0, 0.3, 0.9, -0.6};
    Random rng = new Random(3);
    double[][] basis = randomBasis(components.length + 4, 2, rng);
    Morpher m = Morpher.of(components, basis);
    assertEquals(10, m.benchmarkCount());
    double[] sigmaB = new double[basis.length];
    for (int b = 0; b < basis.length; b++) {
      sigmaB[b] = polynomial(components, coefficients, basis[b]);
    }
    for (int k = 0; k < 50; k++) {
      double[] theta = {3 * rng.nextDouble() - 1.5, 3 * rng.nextDouble() - 1.5};
      double exact = polynomial(components, coefficients, theta);
      // consistent least squares: the pseudo-inverse recovers the polynomial up to rounding
      assertEquals(exact, m.crossSection(theta, sigmaB), 1e-10 * (1 + Math.abs(exact)));
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    int[][] components = Components.enumerate(new int[] {4, 4}, 4);
    Random rng = new Random(5);
    Morpher m = Morpher.of(components, randomBasis(components.length, 2, rng));
    double h = 1e-6;
    for (int k = 0; k < 10; k++) {
      double[] theta = {rng.nextDouble() - 0.5, rng.nextDouble() - 0.5};
      double[][] g = m.weightGradients(theta);
      for (int i = 0; i < 2; i++) {
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[i] += h;
        down[i] -= h;
        double[] wu = m.weights(up);
        double[] wd = m.weights(down);
        for (int b = 0; b < wu.length; b++) {
          double fd = (wu[b] - wd[b]) / (2 * h);
          // central differences: truncation O(h²·w''') ~1e-12, rounding O(ε·|w|/h) ~1e-10·|w|
          assertEquals(fd, g[i][b], 1e-6 * (1 + Math.abs(g[i][b])));
        }
      }
    }
  }

  @Test
  void crossSectionGradientIsTheWeightedSumOfWeightGradients() {
    Morpher m = Morpher.of(new int[][] {{0}, {1}, {2}}, new double[][] {{0}, {1}, {-1}});
    double[] sigma = {1.0, 2.0, 0.5};
    // σ(θ) = (1−θ²)·1 + (θ+θ²)/2·2 + (θ²−θ)/2·0.5 = 1 + 0.75θ + 0.25θ²
    assertEquals(1 + 0.75 * 0.4 + 0.25 * 0.16, m.crossSection(new double[] {0.4}, sigma), 1e-14);
    assertArrayEquals(
        new double[] {0.75 + 0.5 * 0.4}, m.crossSectionGradient(new double[] {0.4}, sigma), 1e-14);
  }

  @Test
  void manyThetasAtOnceEqualOneAtATime() {
    int[][] components = Components.enumerate(new int[] {2, 2}, 2);
    Morpher m = Morpher.of(components, randomBasis(6, 2, new Random(1)));
    double[][] thetas = {{0.1, 0.2}, {-1, 0.5}, {2, -3}};
    double[][] w = m.weights(thetas);
    double[][][] g = m.weightGradients(thetas);
    for (int k = 0; k < thetas.length; k++) {
      assertArrayEquals(m.weights(thetas[k]), w[k], 0.0);
      assertArrayEquals(m.weightGradients(thetas[k])[1], g[k][1], 0.0);
    }
  }

  @Test
  void badBasesFailWithMessagesThatSayWhatToDo() {
    int[][] components = Components.enumerate(new int[] {2}, 2);
    var few =
        assertThrows(
            IllegalArgumentException.class,
            () -> Morpher.of(components, new double[][] {{0}, {1}}));
    assertTrue(
        few.getMessage().contains("2 benchmarks cannot morph 3 components"), few.getMessage());
    var dup =
        assertThrows(
            IllegalArgumentException.class,
            () -> Morpher.of(components, new double[][] {{0}, {1}, {1}}));
    assertTrue(dup.getMessage().contains("both at θ = [1.0]"), dup.getMessage());
    var singular =
        assertThrows(
            IllConditionedBasisException.class,
            () ->
                Morpher.of(
                    new int[][] {{0, 0}, {1, 0}, {0, 1}}, new double[][] {{0, 0}, {1, 1}, {2, 2}}));
    assertTrue(singular.getMessage().contains("cond(M) ="), singular.getMessage());
    var illConditioned =
        assertThrows(
            IllConditionedBasisException.class,
            () -> Morpher.of(components, new double[][] {{0}, {1e-6}, {2e-6}}));
    assertTrue(
        illConditioned.conditionNumber() > 1e10
            && illConditioned.getMessage().contains("basis optimiser"),
        illConditioned.getMessage());
    Morpher ok = Morpher.of(components, new double[][] {{0}, {1}, {-1}});
    var wrongTheta =
        assertThrows(IllegalArgumentException.class, () -> ok.weights(new double[] {1, 2}));
    assertTrue(
        wrongTheta.getMessage().contains("2 entries but 1 are needed"), wrongTheta.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ok.weights(new double[] {Double.NaN}));
  }

  @Test
  void storedMatrixIsUsedAsGiven() {
    int[][] components = {{0}, {1}, {2}};
    double[][] basis = {{0}, {1}, {-1}};
    double[][] w = Morpher.of(components, basis).matrix();
    Morpher stored = Morpher.withMatrix(components, basis, w);
    assertArrayEquals(
        new double[] {1 - 0.25, (0.5 + 0.25) / 2, (0.25 - 0.5) / 2},
        stored.weights(new double[] {0.5}),
        1e-14);
    assertThrows(
        IllegalArgumentException.class,
        () -> Morpher.withMatrix(components, basis, new double[][] {{1, 0, 0}}));
  }

  static double polynomial(int[][] components, double[] coefficients, double[] theta) {
    double s = 0;
    for (int c = 0; c < components.length; c++) {
      s += coefficients[c] * Components.value(components[c], theta);
    }
    return s;
  }

  static double[][] randomBasis(int n, int p, Random rng) {
    double[][] b = new double[n][p];
    for (double[] row : b) {
      for (int i = 0; i < p; i++) {
        row[i] = 2 * rng.nextDouble() - 1;
      }
    }
    return b;
  }
}
