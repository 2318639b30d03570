package org.sbi4j.training.nplm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.simd.VectorSupport;

/**
 * {@link ShallowSums} for d-h-1 networks on explicit SIMD vectors (the Java Vector API, 8 doubles
 * on AVX-512): rows in tiles of {@value #TILE}; per tile one forward sweep (hidden activations with
 * {@link #exp}, tanh as 2/(1 + e^{−2z}) − 1; f, the row loss and g = ∂L/∂f into L1-resident
 * scratch), then one sweep per hidden unit j for Σ g a_j, Σ dz_j and Σ dz_j x_i with dz_j = g w2_j
 * σ'(z_j). Features are kept column-major, padded by one vector of zeros; a partial last vector
 * masks its weights to 0, so its extra lanes add nothing. Load only when {@link
 * VectorSupport#AVAILABLE}.
 */
final class VectorShallow implements ShallowSums {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  /** Rows per tile: the scratch (h + 2 tiles of doubles) stays in L1 for small h. */
  static final int TILE = 512;

  private final int d;
  private final int h;
  private final boolean sigmoid;
  private final int nr;
  private final int nd;
  private final double[][] refCols;
  private final double[] refW;
  private final double[][] datCols;
  private final double[] datW;

  /** Per-thread tile scratch: a (h × TILE), g and dz (TILE each), reused across calls. */
  private final ThreadLocal<double[][]> scratch;

  /** The vector sums of {@code shape} (one hidden layer) on {@code problem}. */
  static ShallowSums create(NetworkShape shape, NplmProblem problem) {
    return new VectorShallow(shape, problem);
  }

  private VectorShallow(NetworkShape shape, NplmProblem problem) {
    d = shape.inputs();
    h = shape.layers()[1];
    sigmoid = shape.activation() == Activation.SIGMOID;
    nr = problem.referenceSize();
    nd = problem.dataSize();
    refCols = columns(problem.reference(), nr, d);
    datCols = columns(problem.data(), nd, d);
    refW = java.util.Arrays.copyOf(problem.referenceWeights(), nr + L);
    datW = java.util.Arrays.copyOf(problem.dataWeights(), nd + L);
    int hidden = h;
    scratch =
        ThreadLocal.withInitial(
            () -> new double[][] {new double[hidden * TILE], new double[TILE], new double[TILE]});
  }

  /** Replaces the first N_R reference weights (the padding lanes stay 0). */
  void setReferenceWeights(double[] weights) {
    System.arraycopy(weights, 0, refW, 0, nr);
  }

  private static double[][] columns(double[] x, int n, int d) {
    double[][] cols = new double[d][n + L];
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < d; i++) {
        cols[i][r] = x[r * d + i];
      }
    }
    return cols;
  }

  @Override
  public double[] sums(double[] params, int from, int to) {
    double[] out = new double[h * d + 2 * h + 2];
    double[][] tiles = scratch.get();
    double[] a = tiles[0];
    double[] g = tiles[1];
    double[] dz = tiles[2];
    if (from < nr) {
      segment(params, refCols, refW, true, from, Math.min(to, nr), out, a, g, dz);
    }
    if (to > nr) {
      segment(params, datCols, datW, false, Math.max(from, nr) - nr, to - nr, out, a, g, dz);
    }
    return out;
  }

  private void segment(
      double[] params,
      double[][] cols,
      double[] w,
      boolean reference,
      int from,
      int to,
      double[] out,
      double[] a,
      double[] g,
      double[] dz) {
    for (int t0 = from; t0 < to; t0 += TILE) {
      int n = Math.min(TILE, to - t0);
      out[out.length - 1] += forward(params, cols, w, reference, t0, n, a, g);
      backward(params, cols, t0, n, a, g, dz, out);
    }
  }

  /** Fills a (h × TILE) and g for rows t0..t0+n; returns the tile's loss. */
  private double forward(
      double[] params,
      double[][] cols,
      double[] w,
      boolean reference,
      int t0,
      int n,
      double[] a,
      double[] g) {
    int b1 = h * d;
    int w2 = b1 + h;
    DoubleVector loss = DoubleVector.zero(S);
    for (int k = 0; k < n; k += L) {
      DoubleVector wv =
          k + L <= n
              ? DoubleVector.fromArray(S, w, t0 + k)
              : DoubleVector.fromArray(S, w, t0 + k, VectorMask.fromLong(S, (1L << (n - k)) - 1));
      DoubleVector f = DoubleVector.broadcast(S, params[w2 + h]);
      for (int j = 0; j < h; j++) {
        DoubleVector z = DoubleVector.broadcast(S, params[b1 + j]);
        for (int i = 0; i < d; i++) {
          z =
              DoubleVector.fromArray(S, cols[i], t0 + k)
                  .fma(DoubleVector.broadcast(S, params[j * d + i]), z);
        }
        DoubleVector act = activation(z);
        act.intoArray(a, j * TILE + k);
        f = act.fma(DoubleVector.broadcast(S, params[w2 + j]), f);
      }
      if (reference) {
        DoubleVector e = exp(f);
        loss = e.sub(1.0).fma(wv, loss);
        wv.mul(e).intoArray(g, k);
      } else {
        loss = loss.sub(wv.mul(f));
        wv.neg().intoArray(g, k);
      }
    }
    return sum(loss);
  }

  /**
   * The lanes' sum in lane order. (reduceLanes may add in another order once compiled than
   * interpreted; this order is fixed, so a fit does not depend on when the JIT steps in.)
   */
  private static double sum(DoubleVector v) {
    double[] lanes = v.toArray();
    double s = 0;
    for (double x : lanes) {
      s += x;
    }
    return s;
  }

  /**
   * e^x from IEEE operations only (+, ×, fused multiply-add, bit moves), so interpreted and
   * compiled code give the same bits (the vector API's EXP may use SVML once compiled and Math.exp
   * before): x = k ln 2 + r with k = round(x / ln 2), |r| ≤ ln 2 / 2 (ln 2 split in two parts, Cody
   * and Waite), e^r by its Taylor polynomial of degree 13 (remainder r¹⁴/14! < 5e−18), times 2^k
   * built in the exponent bits. Below −708 the result is 0 (e^x < 3.4e−308 there), above 709.43 it
   * is +∞ (e^x > 1.2e308 there, where k would need 2¹⁰²⁴); NaN stays NaN.
   */
  static DoubleVector exp(DoubleVector x) {
    DoubleVector shifted =
        x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, SHIFT));
    DoubleVector k = shifted.sub(SHIFT);
    DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), x);
    r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
    DoubleVector p = DoubleVector.broadcast(S, TAYLOR[TAYLOR.length - 1]);
    for (int n = TAYLOR.length - 2; n >= 0; n--) {
      p = p.fma(r, DoubleVector.broadcast(S, TAYLOR[n]));
    }
    LongVector bits =
        ((LongVector) shifted.reinterpretAsLongs())
            .sub(SHIFT_BITS - 1023)
            .lanewise(VectorOperators.LSHL, 52);
    DoubleVector e = p.mul(bits.reinterpretAsDoubles());
    e = e.blend(0.0, x.compare(VectorOperators.LT, -708.0));
    return e.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, 709.43));
  }

  private static final double LOG2E = 1.4426950408889634;

  /** 1.5 · 2⁵²: adding it rounds to an integer, kept in the low mantissa bits. */
  private static final double SHIFT = 0x1.8p52;

  private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
  private static final double LN2_HI = 0x1.62e42fee00000p-1;
  private static final double LN2_LO = 0x1.a39ef35793c76p-33;

  /** 1/n!, n = 0..13. */
  private static final double[] TAYLOR = taylor(13);

  private static double[] taylor(int degree) {
    double[] c = new double[degree + 1];
    double f = 1;
    for (int n = 0; n <= degree; n++) {
      f = n == 0 ? 1 : f * n;
      c[n] = 1 / f;
    }
    return c;
  }

  private DoubleVector activation(DoubleVector z) {
    if (sigmoid) {
      DoubleVector one = DoubleVector.broadcast(S, 1.0);
      return one.div(exp(z.neg()).add(one));
    }
    DoubleVector two = DoubleVector.broadcast(S, 2.0);
    return two.div(exp(z.mul(-2.0)).add(1.0)).sub(1.0);
  }

  /** Adds the tile's gradient sums to out. */
  private void backward(
      double[] params,
      double[][] cols,
      int t0,
      int n,
      double[] a,
      double[] g,
      double[] dz,
      double[] out) {
    int b1 = h * d;
    int w2 = b1 + h;
    int steps = (n + L - 1) / L * L;
    DoubleVector gb2 = DoubleVector.zero(S);
    for (int k = 0; k < steps; k += L) {
      gb2 = gb2.add(DoubleVector.fromArray(S, g, k));
    }
    out[w2 + h] += sum(gb2);
    for (int j = 0; j < h; j++) {
      double v = params[w2 + j];
      DoubleVector gw2 = DoubleVector.zero(S);
      DoubleVector gb1 = DoubleVector.zero(S);
      for (int k = 0; k < steps; k += L) {
        DoubleVector gk = DoubleVector.fromArray(S, g, k);
        DoubleVector ak = DoubleVector.fromArray(S, a, j * TILE + k);
        gw2 = gk.fma(ak, gw2);
        DoubleVector slope = sigmoid ? ak.mul(ak.neg().add(1.0)) : ak.mul(ak).neg().add(1.0);
        DoubleVector dk = gk.mul(v).mul(slope);
        dk.intoArray(dz, k);
        gb1 = gb1.add(dk);
      }
      out[w2 + j] += sum(gw2);
      out[b1 + j] += sum(gb1);
      for (int i = 0; i < d; i++) {
        DoubleVector gw = DoubleVector.zero(S);
        for (int k = 0; k < steps; k += L) {
          gw = DoubleVector.fromArray(S, dz, k).fma(DoubleVector.fromArray(S, cols[i], t0 + k), gw);
        }
        out[j * d + i] += sum(gw);
      }
    }
  }
}
