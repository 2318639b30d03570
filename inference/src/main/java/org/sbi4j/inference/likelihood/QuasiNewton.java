package org.sbi4j.inference.likelihood;

/** The small dense-matrix steps of {@link ProfiledLikelihood}'s quasi-Newton fit (k ≤ a few). */
final class QuasiNewton {
  private QuasiNewton() {}

  /** BFGS update of the inverse Hessian of −F with step s and gradient change y of −F. */
  static void update(double[][] h, double[] s, double[] y) {
    double sy = dot(s, y);
    if (!(sy > 1e-14 * Math.sqrt(dot(s, s) * dot(y, y)))) {
      return; // curvature condition fails: keep H
    }
    int k = s.length;
    double[] hy = times(h, y);
    double yhy = dot(y, hy);
    double r = 1 / sy;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        h[a][b] += (1 + yhy * r) * r * s[a] * s[b] - r * (hy[a] * s[b] + s[a] * hy[b]);
      }
    }
  }

  static double[] times(double[][] m, double[] v) {
    double[] out = new double[v.length];
    for (int a = 0; a < v.length; a++) {
      out[a] = dot(m[a], v);
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static double[][] identity(int k) {
    double[][] m = new double[k][k];
    for (int a = 0; a < k; a++) {
      m[a][a] = 1;
    }
    return m;
  }

  static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int a = 0; a < m.length; a++) {
      out[a] = m[a].clone();
    }
    return out;
  }

  /**
   * (−∂²F)⁻¹ from a finite-difference estimate {@code hess} of −∂²F, after symmetrising it (in
   * place); the identity when it is not positive definite.
   */
  static double[][] negatedInverse(double[][] hess) {
    int k = hess.length;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < a; b++) {
        double v = 0.5 * (hess[a][b] + hess[b][a]);
        hess[a][b] = v;
        hess[b][a] = v;
      }
    }
    try {
      var chol =
          new org.apache.commons.math3.linear.CholeskyDecomposition(
              new org.apache.commons.math3.linear.Array2DRowRealMatrix(hess));
      return chol.getSolver().getInverse().getData();
    } catch (org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException
        | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
      return QuasiNewton.identity(k);
    }
  }
}
