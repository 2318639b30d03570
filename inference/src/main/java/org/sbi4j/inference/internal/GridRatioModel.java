package org.sbi4j.inference.internal;

import java.util.List;
import java.util.stream.IntStream;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.Activation;
import org.sbi4j.training.GridLogRatio;
import org.sbi4j.training.ModelData;
import org.sbi4j.training.Network;
import org.sbi4j.training.RatioEstimator;
import org.sbi4j.training.RatioModel;

/**
 * A float32 ratio model evaluated on a θ grid × events, by default in plain Java (optionally
 * through {@link GridLogRatio}, ND4J sgemm on large blocks of (θ, x) rows, which measured slower
 * on the 2-core benchmark machine: see bench/results/limits.md). In plain Java the first layer
 * splits into
 * a θ part (once per grid point) and an x part (once per event), the hidden layers run on tiles of
 * {@value #TILE} events with loops the JIT vectorises, tanh by {@link FastTanh}, and grid points
 * are spread over the available cores. log r̂ is the mean of the members' outputs, as in
 * {@link RatioModel}; the score and everything else are delegated to the wrapped model.
 * Results do not depend on the number of threads.
 */
public final class GridRatioModel implements RatioEstimator {
  static final int TILE = 128;

  private final RatioModel model;
  private final ModelData data;
  private final float[][][] weights;
  private final float[][][] biases;
  private final boolean blas;

  /** @param model a ratio model (float32 members), evaluated by the plain-Java kernel */
  public GridRatioModel(RatioModel model) {
    this(model, false);
  }

  /**
   * @param model a ratio model (float32 members)
   * @param blas true for {@link GridLogRatio} (ND4J sgemm), false for the plain-Java kernel
   */
  public GridRatioModel(RatioModel model, boolean blas) {
    this.model = model;
    this.blas = blas;
    this.data = model.data();
    List<Network> members = data.members();
    weights = new float[members.size()][][];
    biases = new float[members.size()][][];
    for (int m = 0; m < members.size(); m++) {
      List<Network.Dense> layers = members.get(m).layers();
      weights[m] = new float[layers.size()][];
      biases[m] = new float[layers.size()][];
      for (int l = 0; l < layers.size(); l++) {
        weights[m][l] = toFloat(layers.get(l).w());
        biases[m][l] = toFloat(layers.get(l).b());
      }
    }
  }

  private static float[] toFloat(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }

  @Override
  public List<String> observables() {
    return model.observables();
  }

  @Override
  public List<String> parameters() {
    return model.parameters();
  }

  @Override
  public double[][] thetaRange() {
    return model.thetaRange();
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    return model.score(events, thetas);
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    if (blas) {
      return GridLogRatio.logRatio(data, events, thetas);
    }
    int n = events.size();
    int p = data.parameters().size();
    int d = data.observables().size();
    int[] column = new int[d];
    for (int j = 0; j < d; j++) {
      column[j] = events.observables().indexOf(data.observables().get(j));
      if (column[j] < 0) {
        throw new IllegalArgumentException("observables do not match: the model reads "
            + data.observables() + " but the events have " + events.observables());
      }
    }
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) data.xScaling().apply(j, events.x(i, column[j]));
      }
    }
    double[][] out = new double[thetas.length][n];
    for (int m = 0; m < weights.length; m++) {
      float[] xPart = firstLayerX(m, x, n, p, d);
      int member = m;
      IntStream.range(0, thetas.length).parallel().forEach(j -> {
        float[] thetaPart = firstLayerTheta(member, thetas[j], p);
        evaluate(member, xPart, thetaPart, n, out[j]);
      });
    }
    if (weights.length > 1) {
      for (double[] row : out) {
        for (int i = 0; i < n; i++) {
          row[i] /= weights.length;
        }
      }
    }
    return out;
  }

  /** x W_x for every event: n × h₁ (inputs are θ first, then x). */
  private float[] firstLayerX(int m, float[] x, int n, int p, int d) {
    float[] w = weights[m][0];
    int h = biases[m][0].length;
    float[] out = new float[n * h];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        float a = x[i * d + j];
        int row = (p + j) * h;
        for (int o = 0; o < h; o++) {
          out[i * h + o] += a * w[row + o];
        }
      }
    }
    return out;
  }

  /** θ W_θ + b: h₁. */
  private float[] firstLayerTheta(int m, double[] theta, int p) {
    float[] w = weights[m][0];
    float[] out = biases[m][0].clone();
    int h = out.length;
    for (int k = 0; k < p; k++) {
      float a = (float) data.thetaScaling().apply(k, theta[k]);
      for (int o = 0; o < h; o++) {
        out[o] += a * w[k * h + o];
      }
    }
    return out;
  }

  /** Adds member m's output for one θ to {@code target}, tile by tile. */
  private void evaluate(int m, float[] xPart, float[] thetaPart, int n, double[] target) {
    float[][] w = weights[m];
    float[][] b = biases[m];
    int h1 = thetaPart.length;
    int widest = 0;
    for (float[] bias : b) {
      widest = Math.max(widest, bias.length);
    }
    float[] a = new float[TILE * widest];
    float[] z = new float[TILE * widest];
    boolean tanh = data.members().get(m).activation() == Activation.TANH;
    for (int from = 0; from < n; from += TILE) {
      int rows = Math.min(TILE, n - from);
      for (int r = 0; r < rows; r++) {
        int src = (from + r) * h1;
        for (int o = 0; o < h1; o++) {
          a[r * h1 + o] = xPart[src + o] + thetaPart[o];
        }
      }
      activate(a, rows * h1, tanh);
      int width = h1;
      for (int l = 1; l < w.length; l++) {
        int outW = b[l].length;
        dense(a, rows, width, w[l], b[l], z);
        if (l < w.length - 1) {
          activate(z, rows * outW, tanh);
        }
        float[] t = a;
        a = z;
        z = t;
        width = outW;
      }
      for (int r = 0; r < rows; r++) {
        target[from + r] += a[r];
      }
    }
  }

  private static void activate(float[] v, int len, boolean tanh) {
    if (tanh) {
      FastTanh.apply(v, 0, len);
    } else {
      FastTanh.sigmoid(v, 0, len);
    }
  }

  /**
   * z = a W + b for {@code rows} rows of width {@code in}; W is in × out row-major. Four rows at a
   * time, so that each weight loaded feeds four products (twice the speed of one row at a time),
   * and four inputs at a time (see {@link #fourByFour}).
   */
  private static void dense(float[] a, int rows, int in, float[] w, float[] b, float[] z) {
    int out = b.length;
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int z0 = r * out;
      int z1 = z0 + out;
      int z2 = z1 + out;
      int z3 = z2 + out;
      for (int o = 0; o < out; o++) {
        z[z0 + o] = b[o];
        z[z1 + o] = b[o];
        z[z2 + o] = b[o];
        z[z3 + o] = b[o];
      }
      int a0 = r * in;
      int k = 0;
      for (; k + 4 <= in; k += 4) {
        fourByFour(a, a0 + k, in, w, k * out, out, z, z0);
      }
      for (; k < in; k++) {
        float v0 = a[a0 + k];
        float v1 = a[a0 + in + k];
        float v2 = a[a0 + 2 * in + k];
        float v3 = a[a0 + 3 * in + k];
        int wo = k * out;
        for (int o = 0; o < out; o++) {
          float ww = w[wo + o];
          z[z0 + o] += v0 * ww;
          z[z1 + o] += v1 * ww;
          z[z2 + o] += v2 * ww;
          z[z3 + o] += v3 * ww;
        }
      }
    }
    for (; r < rows; r++) {
      int zo = r * out;
      System.arraycopy(b, 0, z, zo, out);
      int ao = r * in;
      for (int k = 0; k < in; k++) {
        float v = a[ao + k];
        int wo = k * out;
        for (int o = 0; o < out; o++) {
          z[zo + o] += v * w[wo + o];
        }
      }
    }
  }

  /**
   * Adds inputs k..k+3 of rows r..r+3 (a from {@code b0}, row stride {@code in}) times weight rows
   * k..k+3 (from {@code w0}) to four z rows (from {@code z0}): each z element is loaded and stored
   * once per 16 multiply-adds instead of once per 4.
   */
  private static void fourByFour(float[] a, int b0, int in, float[] w, int w0, int out,
      float[] z, int z0) {
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
}
