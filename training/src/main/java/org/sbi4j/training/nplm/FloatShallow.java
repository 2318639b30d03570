package org.sbi4j.training.nplm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.simd.VectorSupport;

/**
 * {@link ShallowSums} for d-h-1 networks in single precision (the NPLM authors train in float32):
 * the same tiles and sweeps as {@link VectorShallow} on float vectors, twice the lanes and a
 * shorter exponential polynomial, about 3 × faster. Inputs, weights and parameters are rounded to
 * float; each tile's lane sums (at most {@value #TILE} rows) are added into double in lane order,
 * so the result does not depend on the thread count or on when the JIT steps in. Load only when
 * {@link VectorSupport#AVAILABLE}.
 */
final class FloatShallow implements ShallowSums {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** Rows per tile, as {@link VectorShallow#TILE}. */
  static final int TILE = 512;

  private final int d;
  private final int h;
  private final boolean sigmoid;
  private final int nr;
  private final int nd;
  private final float[][] refCols;
  private final float[] refW;
  private final float[][] datCols;
  private final float[] datW;
  private final ThreadLocal<float[][]> scratch;

  /** The single-precision sums of {@code shape} (one hidden layer) on {@code problem}. */
  static ShallowSums create(NetworkShape shape, NplmProblem problem) {
    return new FloatShallow(shape, problem);
  }

  private FloatShallow(NetworkShape shape, NplmProblem problem) {
    d = shape.inputs();
    h = shape.layers()[1];
    sigmoid = shape.activation() == Activation.SIGMOID;
    nr = problem.referenceSize();
    nd = problem.dataSize();
    refCols = columns(problem.reference(), nr, d);
    datCols = columns(problem.data(), nd, d);
    refW = floats(problem.referenceWeights(), nr);
    datW = floats(problem.dataWeights(), nd);
    int hidden = h;
    scratch =
        ThreadLocal.withInitial(
            () -> new float[][] {new float[hidden * TILE], new float[TILE], new float[TILE]});
  }

  /** Replaces the first N_R reference weights (the padding lanes stay 0). */
  void setReferenceWeights(double[] weights) {
    for (int r = 0; r < nr; r++) {
      refW[r] = (float) weights[r];
    }
  }

  private static float[] floats(double[] v, int n) {
    float[] out = new float[n + L];
    for (int r = 0; r < n; r++) {
      out[r] = (float) v[r];
    }
    return out;
  }

  private static float[][] columns(double[] x, int n, int d) {
    float[][] cols = new float[d][n + L];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < d; i++) {
        cols[i][r] = (float) x[r * d + i];
      }
    }
    return cols;
  }

  @Override
  public double[] sums(double[] params, int from, int to) {
    float[] p = new float[params.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = (float) params[k];
    }
    double[] out = new double[h * d + 2 * h + 2];
    float[][] tiles = scratch.get();
    if (from < nr) {
      segment(p, refCols, refW, true, from, Math.min(to, nr), out, tiles);
    }
    if (to > nr) {
      segment(p, datCols, datW, false, Math.max(from, nr) - nr, to - nr, out, tiles);
    }
    return out;
  }

  private void segment(
      float[] p,
      float[][] cols,
      float[] w,
      boolean reference,
      int from,
      int to,
      double[] out,
      float[][] tiles) {
    for (int t0 = from; t0 < to; t0 += TILE) {
      int n = Math.min(TILE, to - t0);
      out[out.length - 1] += forward(p, cols, w, reference, t0, n, tiles[0], tiles[1]);
      backward(p, cols, t0, n, tiles[0], tiles[1], tiles[2], out);
    }
  }

  /** Fills a (h × TILE) and g for rows t0..t0+n; returns the tile's loss. */
  private double forward(
      float[] p,
      float[][] cols,
      float[] w,
      boolean reference,
      int t0,
      int n,
      float[] a,
      float[] g) {
    int b1 = h * d;
    int w2 = b1 + h;
    FloatVector loss = FloatVector.zero(S);
    for (int k = 0; k < n; k += L) {
      FloatVector wv =
          k + L <= n
              ? FloatVector.fromArray(S, w, t0 + k)
              : FloatVector.fromArray(S, w, t0 + k, VectorMask.fromLong(S, (1L << (n - k)) - 1));
      FloatVector f = FloatVector.broadcast(S, p[w2 + h]);
      for (int j = 0; j < h; j++) {
        FloatVector z = FloatVector.broadcast(S, p[b1 + j]);
        for (int i = 0; i < d; i++) {
          z =
              FloatVector.fromArray(S, cols[i], t0 + k)
                  .fma(FloatVector.broadcast(S, p[j * d + i]), z);
        }
        FloatVector act = activation(z);
        act.intoArray(a, j * TILE + k);
        f = act.fma(FloatVector.broadcast(S, p[w2 + j]), f);
      }
      if (reference) {
        FloatVector e = exp(f);
        loss = e.sub(1f).fma(wv, loss);
        wv.mul(e).intoArray(g, k);
      } else {
        loss = loss.sub(wv.mul(f));
        wv.neg().intoArray(g, k);
      }
    }
    return sum(loss);
  }

  /** The lanes' sum in double, in lane order. */
  private static double sum(FloatVector v) {
    double s = 0;
    for (float x : v.toArray()) {
      s += x;
    }
    return s;
  }

  /**
   * e^x in float from IEEE operations only, as {@link VectorShallow#exp}: x = k ln 2 + r, |r| ≤ ln
   * 2 / 2 (ln 2 in two parts), e^r by its Taylor polynomial of degree 7 (remainder r⁸/8! < 6e−9,
   * below float's half ulp 6e−8), times 2^k in the exponent bits. Below −87.3 the result is 0 (e^x
   * under float's smallest normal there), above 88.72 it is +∞; NaN stays NaN.
   */
  static FloatVector exp(FloatVector x) {
    FloatVector shifted = x.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, SHIFT));
    FloatVector k = shifted.sub(SHIFT);
    FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), x);
    r = k.fma(FloatVector.broadcast(S, -LN2_LO), r);
    FloatVector q = FloatVector.broadcast(S, TAYLOR[TAYLOR.length - 1]);
    for (int n = TAYLOR.length - 2; n >= 0; n--) {
      q = q.fma(r, FloatVector.broadcast(S, TAYLOR[n]));
    }
    IntVector bits =
        ((IntVector) shifted.reinterpretAsInts())
            .sub(SHIFT_BITS - 127)
            .lanewise(VectorOperators.LSHL, 23);
    FloatVector e = q.mul(bits.reinterpretAsFloats());
    e = e.blend(0f, x.compare(VectorOperators.LT, -87.3f));
    return e.blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, 88.72f));
  }

  private static final float LOG2E = 1.44269504f;

  /** 1.5 · 2²³: adding it rounds to an integer, kept in the low mantissa bits. */
  private static final float SHIFT = 0x1.8p23f;

  private static final int SHIFT_BITS = Float.floatToRawIntBits(SHIFT);

  /** ln 2 = LN2_HI + LN2_LO, LN2_HI with 9 significant bits so that k · LN2_HI is exact. */
  private static final float LN2_HI = 0.693359375f;

  private static final float LN2_LO = -2.12194440e-4f;

  /** 1/n!, n = 0..7. */
  private static final float[] TAYLOR = {
    1f, 1f, 1f / 2, 1f / 6, 1f / 24, 1f / 120, 1f / 720, 1f / 5040
  };

  private FloatVector activation(FloatVector z) {
    FloatVector one = FloatVector.broadcast(S, 1f);
    if (sigmoid) {
      return one.div(exp(z.neg()).add(one));
    }
    return FloatVector.broadcast(S, 2f).div(exp(z.mul(-2f)).add(one)).sub(one);
  }

  /** Adds the tile's gradient sums to out. */
  private void backward(
      float[] p, float[][] cols, int t0, int n, float[] a, float[] g, float[] dz, double[] out) {
    int b1 = h * d;
    int w2 = b1 + h;
    int steps = (n + L - 1) / L * L;
    FloatVector gb2 = FloatVector.zero(S);
    for (int k = 0; k < steps; k += L) {
      gb2 = gb2.add(FloatVector.fromArray(S, g, k));
    }
    out[w2 + h] += sum(gb2);
    for (int j = 0; j < h; j++) {
      float v = p[w2 + j];
      FloatVector gw2 = FloatVector.zero(S);
      FloatVector gb1 = FloatVector.zero(S);
      for (int k = 0; k < steps; k += L) {
        FloatVector gk = FloatVector.fromArray(S, g, k);
        FloatVector ak = FloatVector.fromArray(S, a, j * TILE + k);
        gw2 = gk.fma(ak, gw2);
        FloatVector slope = sigmoid ? ak.mul(ak.neg().add(1f)) : ak.mul(ak).neg().add(1f);
        FloatVector dk = gk.mul(v).mul(slope);
        dk.intoArray(dz, k);
        gb1 = gb1.add(dk);
      }
      out[w2 + j] += sum(gw2);
      out[b1 + j] += sum(gb1);
      for (int i = 0; i < d; i++) {
        FloatVector gw = FloatVector.zero(S);
        for (int k = 0; k < steps; k += L) {
          gw = FloatVector.fromArray(S, dz, k).fma(FloatVector.fromArray(S, cols[i], t0 + k), gw);
        }
        out[j * d + i] += sum(gw);
      }
    }
  }
}
