package org.sbi4j.training.nplm;

/**
 * The n × M Gaussian kernel block K_nM between n rows and M centres, stored row-major in double
 * precision up to {@link #DOUBLE_ENTRIES} entries and in single precision above (the 1D benchmark's
 * 202 000 × M block; kernel values lie in [0, 1], so single precision keeps them to a relative
 * 6e−8). Products accumulate in double.
 */
final class KernelMatrix {
  /** Largest n·M stored in double precision (32 MiB). */
  static final long DOUBLE_ENTRIES = 1L << 22;

  private final int rows;
  private final int cols;
  private final double[] dense;
  private final float[] compact;

  /** K(x_i, c_j) = exp(−‖x_i − c_j‖² / (2σ²)) for the rows of x (n × d) and centres c (M × d). */
  KernelMatrix(double[] x, double[] c, int d, double sigma) {
    rows = x.length / d;
    cols = c.length / d;
    long entries = (long) rows * cols;
    if (entries > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          rows + " rows × " + cols + " centres is too large a kernel block; use fewer centres");
    }
    double g = 1 / (2 * sigma * sigma);
    boolean small = entries <= DOUBLE_ENTRIES;
    dense = small ? new double[(int) entries] : null;
    compact = small ? null : new float[(int) entries];
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      for (int j = 0; j < cols; j++) {
        double k = Math.exp(-g * squaredDistance(x, i, c, j, d));
        if (small) {
          dense[base + j] = k;
        } else {
          compact[base + j] = (float) k;
        }
      }
    }
  }

  static double squaredDistance(double[] x, int i, double[] c, int j, int d) {
    double s = 0;
    for (int k = 0; k < d; k++) {
      double diff = x[i * d + k] - c[j * d + k];
      s += diff * diff;
    }
    return s;
  }

  /** The block as a double array (n × M, row-major). */
  double[] denseCopy() {
    double[] out = new double[rows * cols];
    for (int i = 0; i < out.length; i++) {
      out[i] = dense != null ? dense[i] : compact[i];
    }
    return out;
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }

  /** out = K v (n values). */
  void times(double[] v, double[] out) {
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      double s0 = 0;
      double s1 = 0;
      int j = 0;
      if (dense != null) {
        for (; j + 1 < cols; j += 2) {
          s0 += dense[base + j] * v[j];
          s1 += dense[base + j + 1] * v[j + 1];
        }
        for (; j < cols; j++) {
          s0 += dense[base + j] * v[j];
        }
      } else {
        for (; j + 1 < cols; j += 2) {
          s0 += compact[base + j] * v[j];
          s1 += compact[base + j + 1] * v[j + 1];
        }
        for (; j < cols; j++) {
          s0 += compact[base + j] * v[j];
        }
      }
      out[i] = s0 + s1;
    }
  }

  /** out = Kᵀ u (M values). */
  void transposeTimes(double[] u, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < rows; i++) {
      double ui = u[i];
      if (ui == 0) {
        continue;
      }
      int base = i * cols;
      if (dense != null) {
        for (int j = 0; j < cols; j++) {
          out[j] += dense[base + j] * ui;
        }
      } else {
        for (int j = 0; j < cols; j++) {
          out[j] += compact[base + j] * ui;
        }
      }
    }
  }
}
