package org.sbi4j.training.nplm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.sbi4j.training.simd.VectorSupport;

/**
 * The {@link KernelMatrix} sweeps on explicit SIMD vectors (Java Vector API): kernel rows with the
 * vector e^x of {@link VectorShallow#exp}, and products over the single-precision block with each
 * float widened to double before it is multiplied, so that the products are those of the scalar
 * loops up to the order of the additions. Load only when {@link VectorSupport#AVAILABLE}.
 */
final class VectorKernel {
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
  private static final int L = D.length();

  /** Floats of half the width, so that L floats widen to one double vector. */
  private static final VectorSpecies<Float> F =
      VectorSpecies.of(float.class, VectorShape.forBitSize(L * Float.SIZE));

  private VectorKernel() {}

  /**
   * exp(−g ‖x_i − c_j‖²) for j < cols into {@code row} (length ≥ cols rounded up to L), with the
   * centres' coordinates column-major in {@code centres} (d arrays padded to a multiple of L).
   */
  static void row(double[] x, int i, int d, double[][] centres, int cols, double g, double[] row) {
    for (int j = 0; j < cols; j += L) {
      DoubleVector s = DoubleVector.zero(D);
      for (int q = 0; q < d; q++) {
        DoubleVector diff = DoubleVector.fromArray(D, centres[q], j).sub(x[i * d + q]);
        s = diff.fma(diff, s);
      }
      VectorShallow.exp(s.mul(-g)).intoArray(row, j);
    }
  }

  private static DoubleVector widen(float[] k, int off) {
    return (DoubleVector) FloatVector.fromArray(F, k, off).convertShape(VectorOperators.F2D, D, 0);
  }

  /** Σ_j k[base + j] v[j] over j < cols. */
  static double dot(float[] k, int base, double[] v, int cols) {
    int bound = cols - cols % L;
    DoubleVector s = DoubleVector.zero(D);
    int j = 0;
    for (; j < bound; j += L) {
      s = widen(k, base + j).fma(DoubleVector.fromArray(D, v, j), s);
    }
    double out = s.reduceLanes(VectorOperators.ADD);
    for (; j < cols; j++) {
      out += k[base + j] * v[j];
    }
    return out;
  }

  /** out[j] += w k[base + j] over j < cols. */
  static void axpy(float[] k, int base, double w, double[] out, int cols) {
    int bound = cols - cols % L;
    DoubleVector wv = DoubleVector.broadcast(D, w);
    int j = 0;
    for (; j < bound; j += L) {
      widen(k, base + j).fma(wv, DoubleVector.fromArray(D, out, j)).intoArray(out, j);
    }
    for (; j < cols; j++) {
      out[j] += k[base + j] * w;
    }
  }

  /** The padded length of a kernel row. */
  static int padded(int cols) {
    return (cols + L - 1) / L * L;
  }
}
