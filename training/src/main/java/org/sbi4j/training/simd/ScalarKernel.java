package org.sbi4j.training.simd;

/**
 * {@link DenseKernel} in plain Java with loops the JIT auto-vectorises: four rows × four inputs at
 * a time, so that each partial sum is loaded and stored once per 16 multiply-adds, and tanh by
 * {@link FastTanh}.
 */
public final class ScalarKernel implements DenseKernel {
  @Override
  public void dense(float[] a, int rows, int in, float[] w, float[] b, int out, float[] z) {
    for (int row = 0; row < rows; row++) {
      if (b == null) {
        java.util.Arrays.fill(z, row * out, row * out + out, 0f);
      } else {
        System.arraycopy(b, 0, z, row * out, out);
      }
    }
    denseAdd(a, rows, in, w, out, z);
  }

  @Override
  public void denseAdd(float[] a, int rows, int in, float[] w, int out, float[] z) {
    for (int r = 0; r < rows; r += 4) {
      int z0 = r * out;
      int a0 = r * in;
      int k = 0;
      for (; k + 4 <= in; k += 4) {
        fourByFour(a, a0 + k, in, w, k * out, out, z, z0);
      }
      for (; k < in; k++) {
        for (int row = 0; row < 4; row++) {
          float v = a[a0 + row * in + k];
          int zo = z0 + row * out;
          for (int o = 0; o < out; o++) {
            z[zo + o] += v * w[k * out + o];
          }
        }
      }
    }
  }

  /**
   * Adds inputs k..k+3 of rows r..r+3 (a from {@code b0}, row stride {@code in}) times weight rows
   * k..k+3 (from {@code w0}) to four z rows (from {@code z0}).
   */
  private static void fourByFour(
      float[] a, int b0, int in, float[] w, int w0, int out, float[] z, int z0) {
    int w1 = w0 + out;
    int w2 = w1 + out;
    int w3 = w2 + out;
    int b1 = b0 + in;
    int b2 = b1 + in;
    int b3 = b2 + in;
    int z1 = z0 + out;
    int z2 = z1 + out;
    int z3 = z2 + out;
    float v00 = a[b0], v01 = a[b0 + 1], v02 = a[b0 + 2], v03 = a[b0 + 3];
    float v10 = a[b1], v11 = a[b1 + 1], v12 = a[b1 + 2], v13 = a[b1 + 3];
    float v20 = a[b2], v21 = a[b2 + 1], v22 = a[b2 + 2], v23 = a[b2 + 3];
    float v30 = a[b3], v31 = a[b3 + 1], v32 = a[b3 + 2], v33 = a[b3 + 3];
    for (int o = 0; o < out; o++) {
      float x0 = w[w0 + o];
      float x1 = w[w1 + o];
      float x2 = w[w2 + o];
      float x3 = w[w3 + o];
      z[z0 + o] += v00 * x0 + v01 * x1 + v02 * x2 + v03 * x3;
      z[z1 + o] += v10 * x0 + v11 * x1 + v12 * x2 + v13 * x3;
      z[z2 + o] += v20 * x0 + v21 * x1 + v22 * x2 + v23 * x3;
      z[z3 + o] += v30 * x0 + v31 * x1 + v32 * x2 + v33 * x3;
    }
  }

  @Override
  public void activate(float[] v, int len, boolean tanh) {
    if (tanh) {
      FastTanh.apply(v, 0, len);
    } else {
      FastTanh.sigmoid(v, 0, len);
    }
  }

  @Override
  public void output(float[] a, int rows, int in, float[] w, float b, double[] target, int offset) {
    for (int r = 0; r < rows; r++) {
      float s = b;
      int ao = r * in;
      for (int i = 0; i < in; i++) {
        s += a[ao + i] * w[i];
      }
      target[offset + r] += s;
    }
  }
}
