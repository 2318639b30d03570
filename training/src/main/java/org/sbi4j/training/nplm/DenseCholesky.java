package org.sbi4j.training.nplm;

/** The Cholesky factor L (A = L Lᵀ) of a symmetric positive definite m × m matrix, row-major. */
final class DenseCholesky {
  private final int m;
  private final double[] l;

  /** Factors {@code a} (m × m, row-major, only the lower triangle is read). */
  DenseCholesky(double[] a, int m) {
    this.m = m;
    l = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i * m + j];
        for (int k = 0; k < j; k++) {
          s -= l[i * m + k] * l[j * m + k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new IllegalArgumentException(
                "the kernel matrix of the centres is not positive definite (pivot "
                    + i
                    + " = "
                    + s
                    + "); use fewer centres or a larger sigma");
          }
          l[i * m + i] = Math.sqrt(s);
        } else {
          l[i * m + j] = s / l[j * m + j];
        }
      }
    }
  }

  /** Solves L y = b in place. */
  void solveLower(double[] b) {
    for (int i = 0; i < m; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i * m + k] * b[k];
      }
      b[i] = s / l[i * m + i];
    }
  }

  /** Solves Lᵀ x = b in place. */
  void solveUpper(double[] b) {
    for (int i = m - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < m; k++) {
        s -= l[k * m + i] * b[k];
      }
      b[i] = s / l[i * m + i];
    }
  }

  /** Solves A x = b in place. */
  void solve(double[] b) {
    solveLower(b);
    solveUpper(b);
  }

  /** The matrix Lᵀ L (m × m, row-major). */
  double[] transposeTimesSelf() {
    double[] out = new double[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j <= i; j++) {
        double s = 0;
        for (int k = i; k < m; k++) {
          s += l[k * m + i] * l[k * m + j];
        }
        out[i * m + j] = s;
        out[j * m + i] = s;
      }
    }
    return out;
  }
}
