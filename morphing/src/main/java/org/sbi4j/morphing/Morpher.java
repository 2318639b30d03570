package org.sbi4j.morphing;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.sbi4j.common.Check;

/**
 * Morphing weights for a fixed set of components and benchmarks (docs/math.md §1).
 *
 * <p>With M_bc = m_c(θ_b) (benchmarks × components), the morphing matrix is W = M⁻¹ (components ×
 * benchmarks), or the Moore–Penrose pseudo-inverse M⁺ when there are more benchmarks than
 * components. Then w_b(θ) = Σ_c m_c(θ) W_cb, ∂w_b/∂θ_i = Σ_c ∂m_c/∂θ_i W_cb and σ(θ) = Σ_b w_b(θ)
 * σ_b. Immutable and thread-safe.
 */
public final class Morpher {
  /** Default largest acceptable cond(M). */
  public static final double DEFAULT_MAX_CONDITION = 1e10;

  private final int[][] components;
  private final double[][] basis;
  private final double[][] matrix;
  private final double conditionNumber;

  private Morpher(int[][] components, double[][] basis, double[][] matrix, double cond) {
    this.components = components;
    this.basis = basis;
    this.matrix = matrix;
    this.conditionNumber = cond;
  }

  /**
   * Computes W from the basis.
   *
   * @param components components × parameters exponents
   * @param basis benchmarks × parameters; at least as many benchmarks as components, no duplicates
   * @throws IllConditionedBasisException when cond(M) exceeds {@link #DEFAULT_MAX_CONDITION}
   */
  public static Morpher of(int[][] components, double[][] basis) {
    return of(components, basis, DEFAULT_MAX_CONDITION);
  }

  /** As {@link #of(int[][], double[][])} with a chosen limit on cond(M). */
  public static Morpher of(int[][] components, double[][] basis, double maxCondition) {
    validate(components, basis);
    RealMatrix m = new Array2DRowRealMatrix(basisMatrix(components, basis), false);
    SingularValueDecomposition svd = new SingularValueDecomposition(m);
    double cond = conditionNumber(svd);
    if (!(cond <= maxCondition)) {
      throw new IllConditionedBasisException(cond, maxCondition);
    }
    double[][] w = svd.getSolver().getInverse().getData();
    return new Morpher(Check.copy(components), Check.copy(basis), w, cond);
  }

  /**
   * Uses a stored morphing matrix W (components × benchmarks), as read from an event file.
   *
   * @throws IllegalArgumentException when W has the wrong shape or non-finite entries
   */
  public static Morpher withMatrix(int[][] components, double[][] basis, double[][] matrix) {
    validate(components, basis);
    int rows = matrix == null ? 0 : matrix.length;
    if (rows != components.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "morphing matrix has %d rows but there are %d components; it must be components × "
                  + "benchmarks",
              rows,
              components.length));
    }
    Check.rectangular("morphing matrix", matrix, basis.length);
    Check.finite("morphing matrix", matrix);
    RealMatrix m = new Array2DRowRealMatrix(basisMatrix(components, basis), false);
    double cond = conditionNumber(new SingularValueDecomposition(m));
    return new Morpher(Check.copy(components), Check.copy(basis), Check.copy(matrix), cond);
  }

  private static void validate(int[][] components, double[][] basis) {
    if (components == null || components.length == 0) {
      throw new IllegalArgumentException("no morphing components");
    }
    int p = components[0].length;
    for (int[] k : components) {
      if (k.length != p) {
        throw new IllegalArgumentException("components have different numbers of parameters");
      }
      for (int v : k) {
        Check.nonNegative("component exponent", v);
      }
    }
    if (basis == null || basis.length < components.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d benchmarks cannot morph %d components; add at least %d benchmarks",
              basis == null ? 0 : basis.length,
              components.length,
              components.length - (basis == null ? 0 : basis.length)));
    }
    for (int b = 0; b < basis.length; b++) {
      if (basis[b].length != p) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "benchmark %d has %d values but there are %d parameters",
                b,
                basis[b].length,
                p));
      }
    }
    Check.finite("basis", basis);
    for (int a = 0; a < basis.length; a++) {
      for (int b = a + 1; b < basis.length; b++) {
        if (Arrays.equals(basis[a], basis[b])) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "benchmarks %d and %d are both at θ = %s; every basis point must be distinct",
                  a,
                  b,
                  Arrays.toString(basis[a])));
        }
      }
    }
  }

  /** M_bc = m_c(θ_b), benchmarks × components. */
  static double[][] basisMatrix(int[][] components, double[][] basis) {
    double[][] m = new double[basis.length][components.length];
    for (int b = 0; b < basis.length; b++) {
      for (int c = 0; c < components.length; c++) {
        m[b][c] = Components.value(components[c], basis[b]);
      }
    }
    return m;
  }

  private static double conditionNumber(SingularValueDecomposition svd) {
    double[] s = svd.getSingularValues();
    double smallest = s[s.length - 1];
    return smallest > 0 ? s[0] / smallest : Double.POSITIVE_INFINITY;
  }

  public int parameterCount() {
    return components[0].length;
  }

  public int componentCount() {
    return components.length;
  }

  public int benchmarkCount() {
    return basis.length;
  }

  /** Components × parameters exponents (a copy). */
  public int[][] components() {
    return Check.copy(components);
  }

  /** Benchmarks × parameters (a copy). */
  public double[][] basis() {
    return Check.copy(basis);
  }

  /** W, components × benchmarks (a copy). */
  public double[][] matrix() {
    return Check.copy(matrix);
  }

  /** cond(M) = s_max / s_min of the benchmarks × components matrix M. */
  public double conditionNumber() {
    return conditionNumber;
  }

  /** m_c(θ) for every component. */
  public double[] componentValues(double[] theta) {
    checkTheta(theta);
    double[] m = new double[components.length];
    for (int c = 0; c < m.length; c++) {
      m[c] = Components.value(components[c], theta);
    }
    return m;
  }

  /** w_b(θ) = Σ_c m_c(θ) W_cb, one per benchmark. */
  public double[] weights(double[] theta) {
    return contract(componentValues(theta));
  }

  /** Weights for many θ at once: rows × benchmarks. */
  public double[][] weights(double[][] thetas) {
    double[][] out = new double[thetas.length][];
    for (int i = 0; i < thetas.length; i++) {
      out[i] = weights(thetas[i]);
    }
    return out;
  }

  /** ∂w_b/∂θ_i, parameters × benchmarks. */
  public double[][] weightGradients(double[] theta) {
    checkTheta(theta);
    int p = parameterCount();
    double[][] g = new double[p][];
    double[] dm = new double[components.length];
    for (int i = 0; i < p; i++) {
      for (int c = 0; c < dm.length; c++) {
        dm[c] = Components.derivative(components[c], theta, i);
      }
      g[i] = contract(dm);
    }
    return g;
  }

  /** Gradients for many θ at once: rows × parameters × benchmarks. */
  public double[][][] weightGradients(double[][] thetas) {
    double[][][] out = new double[thetas.length][][];
    for (int i = 0; i < thetas.length; i++) {
      out[i] = weightGradients(thetas[i]);
    }
    return out;
  }

  /** σ(θ) = Σ_b w_b(θ) σ_b, with one cross section per benchmark. */
  public double crossSection(double[] theta, double[] benchmarkCrossSections) {
    return dot(weights(theta), benchmarkCrossSections);
  }

  /** ∇θ σ(θ) = Σ_b ∇θ w_b(θ) σ_b, one entry per parameter. */
  public double[] crossSectionGradient(double[] theta, double[] benchmarkCrossSections) {
    double[][] g = weightGradients(theta);
    double[] out = new double[g.length];
    for (int i = 0; i < g.length; i++) {
      out[i] = dot(g[i], benchmarkCrossSections);
    }
    return out;
  }

  /** Σ_b w_b(θ)², the quantity whose mean over the ranges measures the quality of a basis. */
  public double squaredWeightSum(double[] theta) {
    double s = 0;
    for (double w : weights(theta)) {
      s += w * w;
    }
    return s;
  }

  /** Mean of Σ_b w_b(θ)² over the given test points (rows × parameters). */
  public double meanSquaredWeight(double[][] testThetas) {
    if (testThetas.length == 0) {
      throw new IllegalArgumentException("no test points for the mean squared weight");
    }
    double s = 0;
    for (double[] t : testThetas) {
      s += squaredWeightSum(t);
    }
    return s / testThetas.length;
  }

  private double[] contract(double[] perComponent) {
    double[] w = new double[basis.length];
    for (int c = 0; c < perComponent.length; c++) {
      double m = perComponent[c];
      if (m == 0) {
        continue;
      }
      double[] row = matrix[c];
      for (int b = 0; b < w.length; b++) {
        w[b] += m * row[b];
      }
    }
    return w;
  }

  private void checkDim(double[] values) {
    if (values.length != basis.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d cross sections given for %d benchmarks",
              values.length,
              basis.length));
    }
  }

  private double dot(double[] w, double[] sigma) {
    checkDim(sigma);
    double s = 0;
    for (int b = 0; b < w.length; b++) {
      s += w[b] * sigma[b];
    }
    return s;
  }

  private void checkTheta(double[] theta) {
    Check.length("theta", theta, parameterCount());
    Check.finite("theta", theta);
  }
}
