package org.sbi4j.training.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernel} on explicit SIMD vectors (the Java Vector API, 512-bit on AVX-512 machines,
 * 256-bit on AVX2): a register-tiled product of 4 rows × 4 vectors of columns (16 accumulators,
 * each weight vector loaded once per 4 fused multiply-adds and each input broadcast once per 4),
 * then 4 rows × 1 vector for the remaining columns; tanh by {@link FastTanh}'s rational function
 * with fused multiply-adds. Load only when {@link VectorSupport#AVAILABLE}.
 */
public final class VectorKernel implements DenseKernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private VectorKernel() {}

  /**
   * The kernel, or {@link ScalarKernel} where the preferred vector does not divide {@link #PAD}.
   */
  public static DenseKernel create() {
    return PAD % L == 0 ? new VectorKernel() : new ScalarKernel();
  }

  @Override
  public void dense(float[] a, int rows, int in, float[] w, float[] b, int out, float[] z) {
    product(a, rows, in, w, b, out, z, false);
  }

  @Override
  public void denseAdd(float[] a, int rows, int in, float[] w, int out, float[] z) {
    product(a, rows, in, w, null, out, z, true);
  }

  private static void product(
      float[] a, int rows, int in, float[] w, float[] b, int out, float[] z, boolean add) {
    for (int r = 0; r < rows; r += 4) {
      int c = 0;
      for (; c + 4 * L <= out; c += 4 * L) {
        fourByFour(a, r * in, in, w, b, out, z, r * out, c, add);
      }
      for (; c < out; c += L) {
        fourByOne(a, r * in, in, w, b, out, z, r * out, c, add);
      }
    }
  }

  /** The starting value of z's columns c..c+L of the row at {@code z0}: z, b or zero. */
  private static FloatVector start(float[] b, float[] z, int z0, int c, boolean add) {
    return add
        ? FloatVector.fromArray(S, z, z0 + c)
        : b == null ? FloatVector.zero(S) : FloatVector.fromArray(S, b, c);
  }

  /** z rows r..r+3, columns c..c+4L: (b, z or 0) + Σ_i a_{r,i} W_{i,c..}. */
  private static void fourByFour(
      float[] a,
      int a0,
      int in,
      float[] w,
      float[] b,
      int out,
      float[] z,
      int z0,
      int c,
      boolean add) {
    int a1 = a0 + in;
    int a2 = a1 + in;
    int a3 = a2 + in;
    int z1 = z0 + out;
    int z2 = z1 + out;
    int z3 = z2 + out;
    FloatVector c00 = start(b, z, z0, c, add);
    FloatVector c01 = start(b, z, z0, c + L, add);
    FloatVector c02 = start(b, z, z0, c + 2 * L, add);
    FloatVector c03 = start(b, z, z0, c + 3 * L, add);
    FloatVector c10 = add ? start(b, z, z1, c, true) : c00;
    FloatVector c11 = add ? start(b, z, z1, c + L, true) : c01;
    FloatVector c12 = add ? start(b, z, z1, c + 2 * L, true) : c02;
    FloatVector c13 = add ? start(b, z, z1, c + 3 * L, true) : c03;
    FloatVector c20 = add ? start(b, z, z2, c, true) : c00;
    FloatVector c21 = add ? start(b, z, z2, c + L, true) : c01;
    FloatVector c22 = add ? start(b, z, z2, c + 2 * L, true) : c02;
    FloatVector c23 = add ? start(b, z, z2, c + 3 * L, true) : c03;
    FloatVector c30 = add ? start(b, z, z3, c, true) : c00;
    FloatVector c31 = add ? start(b, z, z3, c + L, true) : c01;
    FloatVector c32 = add ? start(b, z, z3, c + 2 * L, true) : c02;
    FloatVector c33 = add ? start(b, z, z3, c + 3 * L, true) : c03;
    for (int i = 0; i < in; i++) {
      int wi = i * out + c;
      FloatVector w0 = FloatVector.fromArray(S, w, wi);
      FloatVector w1 = FloatVector.fromArray(S, w, wi + L);
      FloatVector w2 = FloatVector.fromArray(S, w, wi + 2 * L);
      FloatVector w3 = FloatVector.fromArray(S, w, wi + 3 * L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      c00 = w0.fma(x, c00);
      c01 = w1.fma(x, c01);
      c02 = w2.fma(x, c02);
      c03 = w3.fma(x, c03);
      x = FloatVector.broadcast(S, a[a1 + i]);
      c10 = w0.fma(x, c10);
      c11 = w1.fma(x, c11);
      c12 = w2.fma(x, c12);
      c13 = w3.fma(x, c13);
      x = FloatVector.broadcast(S, a[a2 + i]);
      c20 = w0.fma(x, c20);
      c21 = w1.fma(x, c21);
      c22 = w2.fma(x, c22);
      c23 = w3.fma(x, c23);
      x = FloatVector.broadcast(S, a[a3 + i]);
      c30 = w0.fma(x, c30);
      c31 = w1.fma(x, c31);
      c32 = w2.fma(x, c32);
      c33 = w3.fma(x, c33);
    }
    store(z, z0 + c, c00, c01, c02, c03);
    store(z, z1 + c, c10, c11, c12, c13);
    store(z, z2 + c, c20, c21, c22, c23);
    store(z, z3 + c, c30, c31, c32, c33);
  }

  private static void store(
      float[] z, int at, FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3) {
    v0.intoArray(z, at);
    v1.intoArray(z, at + L);
    v2.intoArray(z, at + 2 * L);
    v3.intoArray(z, at + 3 * L);
  }

  /** z rows r..r+3, columns c..c+L. */
  private static void fourByOne(
      float[] a,
      int a0,
      int in,
      float[] w,
      float[] b,
      int out,
      float[] z,
      int z0,
      int c,
      boolean add) {
    int a1 = a0 + in;
    int a2 = a1 + in;
    int a3 = a2 + in;
    FloatVector c0 = start(b, z, z0, c, add);
    FloatVector c1 = add ? start(b, z, z0 + out, c, true) : c0;
    FloatVector c2 = add ? start(b, z, z0 + 2 * out, c, true) : c0;
    FloatVector c3 = add ? start(b, z, z0 + 3 * out, c, true) : c0;
    for (int i = 0; i < in; i++) {
      FloatVector wv = FloatVector.fromArray(S, w, i * out + c);
      c0 = wv.fma(FloatVector.broadcast(S, a[a0 + i]), c0);
      c1 = wv.fma(FloatVector.broadcast(S, a[a1 + i]), c1);
      c2 = wv.fma(FloatVector.broadcast(S, a[a2 + i]), c2);
      c3 = wv.fma(FloatVector.broadcast(S, a[a3 + i]), c3);
    }
    c0.intoArray(z, z0 + c);
    c1.intoArray(z, z0 + out + c);
    c2.intoArray(z, z0 + 2 * out + c);
    c3.intoArray(z, z0 + 3 * out + c);
  }

  @Override
  public void activate(float[] v, int len, boolean tanh) {
    for (int i = 0; i < len; i += L) {
      FloatVector x = FloatVector.fromArray(S, v, i);
      if (tanh) {
        tanh(x).intoArray(v, i);
      } else {
        tanh(x.mul(0.5f)).fma(0.5f, 0.5f).intoArray(v, i);
      }
    }
  }

  /** {@link FastTanh#apply}'s rational function, lane-wise. */
  private static FloatVector tanh(FloatVector v) {
    FloatVector x = v.max(-FastTanh.CLAMP).min(FastTanh.CLAMP);
    FloatVector x2 = x.mul(x);
    FloatVector p = x2.fma(FastTanh.A13, FastTanh.A11);
    p = x2.fma(p, FloatVector.broadcast(S, FastTanh.A9));
    p = x2.fma(p, FloatVector.broadcast(S, FastTanh.A7));
    p = x2.fma(p, FloatVector.broadcast(S, FastTanh.A5));
    p = x2.fma(p, FloatVector.broadcast(S, FastTanh.A3));
    p = x2.fma(p, FloatVector.broadcast(S, FastTanh.A1));
    p = x.mul(p);
    FloatVector q = x2.fma(FastTanh.B6, FastTanh.B4);
    q = x2.fma(q, FloatVector.broadcast(S, FastTanh.B2));
    q = x2.fma(q, FloatVector.broadcast(S, FastTanh.B0));
    return p.div(q);
  }

  @Override
  public void output(float[] a, int rows, int in, float[] w, float b, double[] target, int offset) {
    for (int r = 0; r < rows; r++) {
      int ao = r * in;
      FloatVector s = FloatVector.fromArray(S, a, ao).mul(FloatVector.fromArray(S, w, 0));
      for (int i = L; i < in; i += L) {
        s = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, w, i), s);
      }
      target[offset + r] += s.reduceLanes(VectorOperators.ADD) + b;
    }
  }
}
