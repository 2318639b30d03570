package org.sbi4j.inference.fisher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.sbi4j.common.Check;
import org.sbi4j.inference.limits.Interval;

/**
 * A Fisher information matrix I (p × p, symmetric) over named parameters, with its Cramér–Rao
 * covariance I⁻¹, profiling (Schur complement) and projection (docs/math.md §4).
 *
 * @param parameters names, p
 * @param matrix I, p × p
 * @param warnings notes on how it was computed (events skipped, …)
 */
public record FisherMatrix(List<String> parameters, double[][] matrix, List<String> warnings) {
  public FisherMatrix {
    parameters = List.copyOf(parameters);
    Check.rectangular("Fisher matrix", matrix, parameters.size());
    if (matrix.length != parameters.size()) {
      throw new IllegalArgumentException(
          "Fisher matrix has " + matrix.length + " rows for " + parameters.size() + " parameters");
    }
    Check.finite("Fisher matrix", matrix);
    matrix = Check.copy(matrix);
    warnings = List.copyOf(warnings);
  }

  @Override
  public double[][] matrix() {
    return Check.copy(matrix);
  }

  /**
   * Cramér–Rao bound I⁻¹.
   *
   * @throws IllegalArgumentException when I is singular (a direction the measurement does not
   *     constrain), naming that fact and what to do
   */
  public double[][] covariance() {
    LUDecomposition lu = new LUDecomposition(new Array2DRowRealMatrix(matrix));
    if (!lu.getSolver().isNonSingular()) {
      throw new IllegalArgumentException(
          "the Fisher information "
              + java.util.Arrays.deepToString(matrix)
              + " is singular: some direction is not constrained; profile or "
              + "project it away, or add information (luminosity, observables)");
    }
    return lu.getSolver().getInverse().getData();
  }

  /**
   * Profiles away every parameter not in {@code keep}: I_AA − I_AB I_BB⁻¹ I_BA (Schur complement),
   * the information on A when the others are free.
   */
  public FisherMatrix profile(List<String> keep) {
    int[] a = indices(keep);
    int[] b = complement(a);
    RealMatrix full = new Array2DRowRealMatrix(matrix);
    RealMatrix iaa = full.getSubMatrix(a, a);
    if (b.length == 0) {
      return new FisherMatrix(keep, iaa.getData(), warnings);
    }
    RealMatrix iab = full.getSubMatrix(a, b);
    RealMatrix ibb = full.getSubMatrix(b, b);
    LUDecomposition lu = new LUDecomposition(ibb);
    if (!lu.getSolver().isNonSingular()) {
      throw new IllegalArgumentException(
          "cannot profile: the information on the profiled "
              + "parameters is singular; project them instead");
    }
    RealMatrix schur = iaa.subtract(iab.multiply(lu.getSolver().solve(iab.transpose())));
    return new FisherMatrix(keep, symmetrise(schur.getData()), warnings);
  }

  /** Projects onto {@code keep}: I_AA, the information when the others are fixed. */
  public FisherMatrix project(List<String> keep) {
    int[] a = indices(keep);
    return new FisherMatrix(
        keep, new Array2DRowRealMatrix(matrix).getSubMatrix(a, a).getData(), warnings);
  }

  /**
   * The Cramér–Rao ellipse (θ−θ0)ᵀ I₂ (θ−θ0) = level of the 2 × 2 information of two parameters
   * (profile first to free the others), as a closed polyline.
   *
   * @param centre θ0 (2 values)
   * @param level 2.30 for 68 %, 5.99 for 95 % (k = 2)
   * @param points polyline vertices (the last repeats the first)
   * @return {xs, ys}
   */
  public double[][] ellipse(double[] centre, double level, int points) {
    if (parameters.size() != 2) {
      throw new IllegalArgumentException(
          "an ellipse needs a 2-parameter Fisher matrix, not "
              + parameters.size()
              + "; profile or project first");
    }
    double[][] c = covariance();
    // Cholesky of the covariance maps the unit circle onto the ellipse xᵀ I x = 1.
    double l11 = Math.sqrt(c[0][0]);
    double l21 = c[1][0] / l11;
    double l22 = Math.sqrt(Math.max(c[1][1] - l21 * l21, 0));
    double r = Math.sqrt(level);
    double[] xs = new double[points];
    double[] ys = new double[points];
    for (int k = 0; k < points; k++) {
      double phi = 2 * Math.PI * k / (points - 1);
      double u = r * Math.cos(phi);
      double v = r * Math.sin(phi);
      xs[k] = centre[0] + l11 * u;
      ys[k] = centre[1] + l21 * u + l22 * v;
    }
    return new double[][] {xs, ys};
  }

  /**
   * Cramér–Rao interval of parameter {@code name}, profiled over the others: θ0 ± √(level/I_prof).
   */
  public Interval interval(String name, double centre, double level) {
    double info = profile(List.of(name)).matrix[0][0];
    if (!(info > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "no information on '%s' (I = %s); it is unconstrained", name, info));
    }
    double half = Math.sqrt(level / info);
    return new Interval(centre - half, centre + half, false, false);
  }

  private int[] indices(List<String> keep) {
    if (keep.isEmpty()) {
      throw new IllegalArgumentException("keep at least one parameter of " + parameters);
    }
    int[] idx = new int[keep.size()];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = parameters.indexOf(keep.get(k));
      if (idx[k] < 0) {
        throw new IllegalArgumentException(
            "unknown parameter '" + keep.get(k) + "'; the Fisher matrix has " + parameters);
      }
    }
    return idx;
  }

  private int[] complement(int[] a) {
    List<Integer> b = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      final int ii = i;
      if (java.util.Arrays.stream(a).noneMatch(v -> v == ii)) {
        b.add(i);
      }
    }
    return b.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double[][] symmetrise(double[][] m) {
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < i; j++) {
        double v = 0.5 * (m[i][j] + m[j][i]);
        m[i][j] = v;
        m[j][i] = v;
      }
    }
    return m;
  }
}
