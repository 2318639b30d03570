package org.sbi4j.training.model;

import org.sbi4j.training.simd.DenseKernel;

/**
 * The float32 weight layout of an {@link EvaluatorMember}: a network's double weights converted to
 * float, zero-padded to the widths the {@link DenseKernel} tiles use (zero weights leave the sums
 * unchanged), transposed for the reverse pass, and the output layer stored one row per output unit.
 */
final class Float32Layout {
  private Float32Layout() {}

  /** A rows × cols matrix in float, zero-padded to in × out. */
  static float[] padded(double[] v, int rows, int cols, int in, int out) {
    float[] f = new float[in * out];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        f[i * out + j] = (float) v[i * cols + j];
      }
    }
    return f;
  }

  /** The transpose (out × in) of an in × out row-major matrix. */
  static float[] transposed(float[] w, int in, int out) {
    float[] t = new float[out * in];
    for (int i = 0; i < in; i++) {
      for (int j = 0; j < out; j++) {
        t[j * in + i] = w[i * out + j];
      }
    }
    return t;
  }

  /** The output layer's weights per output unit, each of padded input length. */
  static float[][] outputWeights(Network.Dense o) {
    int in = DenseKernel.padded(o.in());
    float[][] wOut = new float[o.out()][in];
    for (int j = 0; j < o.out(); j++) {
      for (int i = 0; i < o.in(); i++) {
        wOut[j][i] = (float) o.weight(i, j);
      }
    }
    return wOut;
  }
}
