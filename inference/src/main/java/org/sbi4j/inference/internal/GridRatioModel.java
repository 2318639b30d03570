package org.sbi4j.inference.internal;

import java.util.List;
import java.util.stream.IntStream;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.GridLogRatio;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.simd.DenseKernel;
import org.sbi4j.training.simd.ScalarKernel;
import org.sbi4j.training.simd.VectorKernel;
import org.sbi4j.training.simd.VectorSupport;

/**
 * A float32 ratio model evaluated on a θ grid × events, by default by a {@link DenseKernel} in
 * Java (optionally through {@link GridLogRatio}, ND4J sgemm on large blocks of (θ, x) rows, which
 * measured slower on the 2-core benchmark machine: see bench/results/limits.md). The first layer
 * splits into a θ part (once per grid point) and an x part (once per event); the hidden layers
 * run on tiles of {@value #TILE} events with every width padded to a multiple of
 * {@link DenseKernel#PAD} (zero weights and biases, which leave the sums unchanged); grid points
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
  private final int[] width;
  private final boolean blas;
  private final DenseKernel kernel;

  /** @param model a ratio model (float32 members), evaluated by {@link DenseKernel#best()} */
  public GridRatioModel(RatioModel model) {
    this(model, false);
  }

  /**
   * @param model a ratio model (float32 members)
   * @param vector true for {@link VectorKernel} (needs {@link #vectorAvailable()}), false for
   *     {@link ScalarKernel}
   */
  public static GridRatioModel withKernel(RatioModel model, boolean vector) {
    if (vector && !vectorAvailable()) {
      throw new IllegalArgumentException("the Java Vector API is not available; run the JVM with "
          + "--add-modules jdk.incubator.vector");
    }
    return new GridRatioModel(model, false, vector ? VectorKernel.create() : new ScalarKernel());
  }

  /** Whether this JVM runs with the Java Vector API (the fast default kernel). */
  public static boolean vectorAvailable() {
    return VectorSupport.AVAILABLE;
  }

  /**
   * @param model a ratio model (float32 members)
   * @param blas true for {@link GridLogRatio} (ND4J sgemm), false for the plain-Java kernel
   */
  public GridRatioModel(RatioModel model, boolean blas) {
    this(model, blas, DenseKernel.best());
  }

  private GridRatioModel(RatioModel model, boolean blas, DenseKernel kernel) {
    this.model = model;
    this.blas = blas;
    this.kernel = kernel;
    this.data = model.data();
    List<Network> members = data.members();
    weights = new float[members.size()][][];
    biases = new float[members.size()][][];
    width = new int[members.size()];
    for (int m = 0; m < members.size(); m++) {
      List<Network.Dense> layers = members.get(m).layers();
      weights[m] = new float[layers.size()][];
      biases[m] = new float[layers.size()][];
      for (int l = 0; l < layers.size(); l++) {
        Network.Dense d = layers.get(l);
        // The first layer keeps its p + d input rows; every later layer reads padded inputs.
        int in = l == 0 ? d.in() : DenseKernel.padded(d.in());
        int out = l == layers.size() - 1 ? d.out() : DenseKernel.padded(d.out());
        weights[m][l] = padded(d.w(), d.in(), d.out(), in, out);
        biases[m][l] = padded(d.b(), 1, d.out(), 1, out);
        width[m] = Math.max(width[m], Math.max(in, out));
      }
    }
  }

  /** A rows × cols matrix in float, zero-padded to in × out. */
  private static float[] padded(double[] v, int rows, int cols, int in, int out) {
    float[] f = new float[in * out];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        f[i * out + j] = (float) v[i * cols + j];
      }
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

  /** x W_x for every event: n × h₁ (inputs are θ first, then x; h₁ padded). */
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

  /** θ W_θ + b: h₁ (padded). */
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

  /**
   * Adds member m's output for one θ to {@code target}, tile by tile; the rows of a last partial
   * tile are padded to a multiple of 4 with zeros (their outputs are dropped).
   */
  private void evaluate(int m, float[] xPart, float[] thetaPart, int n, double[] target) {
    float[][] w = weights[m];
    float[][] b = biases[m];
    int h1 = thetaPart.length;
    float[] a = new float[TILE * width[m]];
    float[] z = new float[TILE * width[m]];
    boolean tanh = data.members().get(m).activation() == Activation.TANH;
    int last = w.length - 1;
    for (int from = 0; from < n; from += TILE) {
      int rows = Math.min(TILE, n - from);
      int rows4 = (rows + 3) / 4 * 4;
      for (int r = 0; r < rows; r++) {
        int src = (from + r) * h1;
        for (int o = 0; o < h1; o++) {
          a[r * h1 + o] = xPart[src + o] + thetaPart[o];
        }
      }
      java.util.Arrays.fill(a, rows * h1, rows4 * h1, 0f);
      kernel.activate(a, rows4 * h1, tanh);
      int in = h1;
      for (int l = 1; l < last; l++) {
        int out = b[l].length;
        kernel.dense(a, rows4, in, w[l], b[l], out, z);
        kernel.activate(z, rows4 * out, tanh);
        float[] t = a;
        a = z;
        z = t;
        in = out;
      }
      kernel.output(a, rows, in, w[last], b[last][0], target, from);
    }
  }
}
