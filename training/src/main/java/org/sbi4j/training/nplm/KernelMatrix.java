package org.sbi4j.training.nplm;

import org.sbi4j.training.simd.VectorSupport;

/**
 * The n × M Gaussian kernel block K_nM between n rows and M centres, stored row-major in double
 * precision up to {@link #DOUBLE_ENTRIES} entries and in single precision above (the 1D benchmark's
 * 202 000 × M block; kernel values lie in [0, 1], so single precision keeps them to a relative
 * 6e−8). Products accumulate in double. The single-precision block is built and swept on SIMD
 * vectors ({@link VectorKernel}) where the Vector API is present.
 */
final class KernelMatrix {
  /** Largest n·M stored in double precision (32 MiB). */
  static final long DOUBLE_ENTRIES = 1L << 22;

  private final int rows;
  private final int cols;
  private final double[] dense;
  private final float[] compact;

  /** Whether the single-precision sweeps run on SIMD vectors. */
  private final boolean vector;

  /** K(x_i, c_j) = exp(−‖x_i − c_j‖² / (2σ²)) for the rows of x (n × d) and centres c (M × d). */
  KernelMatrix(double[] x, double[] c, int d, double sigma) {
    this(x, c, d, sigma, false, VectorSupport.AVAILABLE);
  }

  /**
   * As above; {@code forceCompact} stores even a small block in single precision, {@code useVector}
   * switches the SIMD sweeps of the single-precision block on or off (tests).
   */
  KernelMatrix(
      double[] x, double[] c, int d, double sigma, boolean forceCompact, boolean useVector) {
    rows = x.length / d;
    cols = c.length / d;
    long entries = (long) rows * cols;
    if (entries > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          rows + " rows × " + cols + " centres is too large a kernel block; use fewer centres");
    }
    double g = 1 / (2 * sigma * sigma);
    boolean small = entries <= DOUBLE_ENTRIES && !forceCompact;
    dense = small ? new double[(int) entries] : null;
    compact = small ? null : new float[(int) entries];
    vector = !small && useVector;
    if (vector) {
      int padded = VectorKernel.padded(cols);
      double[][] centres = new double[d][padded];
      for (int j = 0; j < cols; j++) {
        for (int q = 0; q < d; q++) {
          centres[q][j] = c[j * d + q];
        }
      }
      double[] row = new double[padded];
      for (int i = 0; i < rows; i++) {
        VectorKernel.row(x, i, d, centres, cols, g, row);
        int base = i * cols;
        for (int j = 0; j < cols; j++) {
          compact[base + j] = (float) row[j];
        }
      }
      return;
    }
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
    if (vector) {
      for (int i = 0; i < rows; i++) {
        out[i] = VectorKernel.dot(compact, i * cols, v, cols);
      }
      return;
    }
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
      if (vector) {
        VectorKernel.axpy(compact, base, ui, out, cols);
      } else if (dense != null) {
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

  /**
   * out = Kᵀ diag(w) K u (M values) in one sweep over the rows: each row's K_i·u, then out += w_i
   * (K_i·u) K_i while the row is in cache.
   */
  void gramTimes(double[] u, double[] w, double[] out) {
    java.util.Arrays.fill(out, 0);
    for (int i = 0; i < rows; i++) {
      int base = i * cols;
      if (vector) {
        double s = w[i] * VectorKernel.dot(compact, base, u, cols);
        if (s != 0) {
          VectorKernel.axpy(compact, base, s, out, cols);
        }
        continue;
      }
      double s = 0;
      if (dense != null) {
        for (int j = 0; j < cols; j++) {
          s += dense[base + j] * u[j];
        }
        s *= w[i];
        for (int j = 0; j < cols; j++) {
          out[j] += dense[base + j] * s;
        }
      } else {
        for (int j = 0; j < cols; j++) {
          s += compact[base + j] * u[j];
        }
        s *= w[i];
        for (int j = 0; j < cols; j++) {
          out[j] += compact[base + j] * s;
        }
      }
    }
  }
}
