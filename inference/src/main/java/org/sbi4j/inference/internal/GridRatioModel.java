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
 * A float32 ratio model evaluated on a θ grid × events. Networks with a hidden layer at least
 * {@value #BLAS_WIDTH} wide go through {@link GridLogRatio} (ND4J sgemm on large blocks of (θ, x)
 * rows, log r̂ only); smaller ones are evaluated in plain Java, which is faster for them: the
 * first layer splits into
 * a θ part (once per grid point) and an x part (once per event), the hidden layers run on tiles of
 * {@value #TILE} events with loops the JIT vectorises, tanh by {@link FastTanh}, and grid points
 * are spread over the available cores. log r̂ is the mean of the members' outputs, as in
 * {@link RatioModel}; the score and everything else are delegated to the wrapped model.
 * Results do not depend on the number of threads.
 */
public final class GridRatioModel implements RatioEstimator {
  static final int TILE = 128;
  /** Hidden width from which BLAS products beat the Java loops (2 × 8: Java ~100× faster). */
  static final int BLAS_WIDTH = 32;

  private final RatioModel model;
  private final ModelData data;
  private final float[][][] weights;
  private final float[][][] biases;
  private final boolean blas;

  /** @param model a ratio model (float32 members); the kernel is chosen by the network width */
  public GridRatioModel(RatioModel model) {
    this(model, widest(model.data()) >= BLAS_WIDTH);
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

  private static int widest(ModelData data) {
    int widest = 0;
    for (Network member : data.members()) {
      for (Network.Dense layer : member.layers()) {
        widest = Math.max(widest, layer.out());
      }
    }
    return widest;
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
   * time, so that each weight loaded feeds four products (twice the speed of one row at a time).
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
      for (int k = 0; k < in; k++) {
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
}
