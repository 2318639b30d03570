package org.sbi4j.training.model;

import java.util.List;
import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.internal.Nd4jRuntime;

/**
 * log r̂ only (no score tangents) of a ratio model on a θ grid × events, in float32 through ND4J
 * matrix products (BLAS sgemm): the first layer splits into a θ part θ W_θ + b (once per grid
 * point) and an x part x W_x (once per event), broadcast-added for blocks of (θ, x) rows; the
 * hidden layers run as one product per block with the activation in place. log r̂(x_i | θ_j) is
 * the mean of the members' outputs, as in {@link RatioModel}. Blocks have a fixed size, so results
 * do not depend on the thread count. Evaluation runs on up to {@value #THREADS} BLAS/OpenMP
 * threads, restored afterwards; calls are serialised.
 */
public final class GridLogRatio {
  /** Rows (θ, x pairs) per matrix product: large enough for sgemm, small enough for the cache. */
  static final int BLOCK_ROWS = 16_384;
  static final int THREADS = 2;
  private static final Object LOCK = new Object();

  private GridLogRatio() {}

  /**
   * @param data a ratio model
   * @param events events with (at least) the model's observables
   * @param thetas grid points × p raw θ
   * @return grid points × events log r̂, the mean over members
   */
  public static double[][] logRatio(ModelData data, EventSample events, double[][] thetas) {
    if (!data.isRatio()) {
      throw new IllegalArgumentException("a " + data.method().cliName()
          + " model estimates the score, not the ratio; use ScoreModel");
    }
    int p = data.parameters().size();
    org.sbi4j.common.Check.rectangular("thetas", thetas, p);
    int n = events.size();
    int d = data.observables().size();
    double[] raw = Features.select(events, data.observables());
    float[] x = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) data.xScaling().apply(j, raw[i * d + j]);
      }
    }
    float[][] th = new float[thetas.length][p];
    for (int j = 0; j < thetas.length; j++) {
      for (int k = 0; k < p; k++) {
        th[j][k] = (float) data.thetaScaling().apply(k, thetas[j][k]);
      }
    }
    double[][] out = new double[thetas.length][n];
    synchronized (LOCK) {
      Nd4jRuntime.configure();
      Blas blas = Nd4j.factory().blas();
      Environment env = Nd4j.getEnvironment();
      int blasBefore = blas.getMaxThreads();
      int ompBefore = env.maxThreads();
      int threads = Math.min(THREADS, Runtime.getRuntime().availableProcessors());
      blas.setMaxThreads(threads);
      env.setMaxThreads(threads);
      try {
        for (Network member : data.members()) {
          addMember(member, p, d, x, th, n, out);
        }
      } finally {
        blas.setMaxThreads(blasBefore);
        env.setMaxThreads(ompBefore);
      }
    }
    int m = data.members().size();
    for (double[] row : out) {
      for (int i = 0; i < n; i++) {
        row[i] /= m;
      }
    }
    return out;
  }

  /** Adds one member's output at every (θ_j, x_i) to out[j][i]. */
  private static void addMember(Network member, int p, int d, float[] x, float[][] th, int n,
      double[][] out) {
    List<Network.Dense> layers = member.layers();
    Network.Dense first = layers.get(0);
    int h = first.out();
    double[] w1 = first.w();
    float[] wTheta = new float[p * h];
    float[] wx = new float[d * h];
    for (int i = 0; i < p * h; i++) {
      wTheta[i] = (float) w1[i];
    }
    for (int i = 0; i < d * h; i++) {
      wx[i] = (float) w1[p * h + i];
    }
    float[] b1 = toFloat(first.b());
    INDArray xPart = Nd4j.create(x, new long[] {n, d}, 'c')
        .mmul(Nd4j.create(wx, new long[] {d, h}, 'c'));
    float[] xp = xPart.data().asFloat();
    INDArray[] w = new INDArray[layers.size()];
    INDArray[] b = new INDArray[layers.size()];
    for (int l = 1; l < layers.size(); l++) {
      Network.Dense layer = layers.get(l);
      w[l] = Nd4j.create(toFloat(layer.w()), new long[] {layer.in(), layer.out()}, 'c');
      b[l] = Nd4j.create(toFloat(layer.b()), new long[] {1, layer.out()}, 'c');
    }
    boolean tanh = member.activation() == Activation.TANH;
    // blocks of whole events for one θ, or of several θ for all events
    int eventsPerBlock = Math.min(n, BLOCK_ROWS);
    int thetasPerBlock = Math.max(1, BLOCK_ROWS / Math.max(1, n));
    for (int j0 = 0; j0 < th.length; j0 += thetasPerBlock) {
      int j1 = Math.min(th.length, j0 + thetasPerBlock);
      for (int from = 0; from < n; from += eventsPerBlock) {
        int to = Math.min(n, from + eventsPerBlock);
        int rows = to - from;
        float[] a = new float[(j1 - j0) * rows * h];
        for (int j = j0; j < j1; j++) {
          float[] tp = b1.clone();
          for (int k = 0; k < p; k++) {
            for (int o = 0; o < h; o++) {
              tp[o] += th[j][k] * wTheta[k * h + o];
            }
          }
          int base = (j - j0) * rows * h;
          for (int r = 0; r < rows; r++) {
            int src = (from + r) * h;
            int dst = base + r * h;
            for (int o = 0; o < h; o++) {
              a[dst + o] = xp[src + o] + tp[o];
            }
          }
        }
        INDArray act = Nd4j.create(a, new long[] {(long) (j1 - j0) * rows, h}, 'c');
        float[] result = forward(act, w, b, tanh);
        for (int j = j0; j < j1; j++) {
          int base = (j - j0) * rows;
          for (int r = 0; r < rows; r++) {
            out[j][from + r] += result[base + r];
          }
        }
      }
    }
  }

  /** Activation of the first layer's pre-activations, then the remaining layers. */
  private static float[] forward(INDArray pre, INDArray[] w, INDArray[] b, boolean tanh) {
    INDArray a = activate(pre, tanh);
    for (int l = 1; l < w.length; l++) {
      a = a.mmul(w[l]).addiRowVector(b[l]);
      if (l < w.length - 1) {
        a = activate(a, tanh);
      }
    }
    return a.data().asFloat();
  }

  private static INDArray activate(INDArray v, boolean tanh) {
    return tanh ? Transforms.tanh(v, false) : Transforms.sigmoid(v, false);
  }

  private static float[] toFloat(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }
}
