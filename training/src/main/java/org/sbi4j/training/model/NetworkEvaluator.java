package org.sbi4j.training.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.training.simd.DenseKernel;
import org.sbi4j.training.simd.ScalarKernel;
import org.sbi4j.training.simd.VectorKernel;
import org.sbi4j.training.simd.VectorSupport;

/**
 * The one evaluation path of a trained model ({@link RatioModel}, {@link ScoreModel}, evaluate,
 * limits): log r̂ and t̂ = ∂ log r̂/∂θ0 of ratio models, t̂ of SALLY models, as the training graph
 * defines them (inputs standardised by the model's {@link Scaling}s, t̂ by forward-mode tangents
 * ḣ_k = σ'(z) ⊙ ż_k seeded with ȧ_k = e_k on the θ0 inputs, then divided by the θ scale; SALLY's
 * outputs are t̂ as they are), averaged over the members with their population spread.
 *
 * <p>float32 models run on a {@link DenseKernel} (the Java Vector API when the JVM has it): tiles
 * of {@value #TILE} rows, every width padded to a multiple of {@link DenseKernel#PAD} (zero weights
 * and biases, which leave the sums unchanged) and the rows of a last partial tile to a multiple of
 * 4 (their outputs are dropped). On a θ grid the first layer splits into a θ part (once per grid
 * point) and an x part (once per event). float64 models run in plain double Java. Tiles and grid
 * points are spread over the cores; every output depends only on its own row, so results do not
 * depend on the number of threads. Immutable and thread-safe; no ND4J.
 */
public final class NetworkEvaluator {
  static final int TILE = 128;

  private final ModelData data;
  private final DenseKernel kernel;
  private final int p;
  private final int d;
  private final boolean ratio;
  private final int outputs;
  private final Member[] members;

  /** One member's weights in the evaluator's layout. */
  private static final class Member {
    final boolean tanh;

    /** float32: layer weights (first layer in0 × h1, hidden layers padded), biases padded. */
    float[][] w;

    float[][] b;

    /** float32: output weights per output unit (padded input length), and biases. */
    float[][] wOut;

    float[] bOut;
    int width;

    /** float64: the network's layers as they are. */
    double[][] w64;

    double[][] b64;
    int[] in64;
    int[] out64;

    Member(boolean tanh) {
      this.tanh = tanh;
    }
  }

  /** Evaluates {@code data} with {@link DenseKernel#best()} for float32 members. */
  public NetworkEvaluator(ModelData data) {
    this(data, DenseKernel.best());
  }

  private NetworkEvaluator(ModelData data, DenseKernel kernel) {
    this.data = data;
    this.kernel = kernel;
    this.p = data.parameters().size();
    this.d = data.observables().size();
    this.ratio = data.isRatio();
    this.outputs = ratio ? 1 : p;
    List<Network> nets = data.members();
    members = new Member[nets.size()];
    for (int m = 0; m < members.length; m++) {
      members[m] =
          data.precision() == Precision.FLOAT32 ? float32(nets.get(m)) : float64(nets.get(m));
    }
  }

  /**
   * An evaluator of a float32 model on a chosen kernel (for tests and benchmarks).
   *
   * @param vector true for {@link VectorKernel} (needs {@link #vectorAvailable()}), false for
   *     {@link ScalarKernel}
   */
  public static NetworkEvaluator withKernel(ModelData data, boolean vector) {
    if (vector && !vectorAvailable()) {
      throw new IllegalArgumentException(
          "the Java Vector API is not available; run the JVM with "
              + "--add-modules jdk.incubator.vector");
    }
    return new NetworkEvaluator(data, vector ? VectorKernel.create() : new ScalarKernel());
  }

  /** Whether this JVM runs with the Java Vector API (the fast default kernel). */
  public static boolean vectorAvailable() {
    return VectorSupport.AVAILABLE;
  }

  public ModelData data() {
    return data;
  }

  private static Member float32(Network net) {
    Member mb = new Member(net.activation() == Activation.TANH);
    List<Network.Dense> layers = net.layers();
    int last = layers.size() - 1;
    mb.w = new float[last][];
    mb.b = new float[last][];
    for (int l = 0; l < last; l++) {
      Network.Dense dl = layers.get(l);
      // The first layer keeps its input rows; every later layer reads padded inputs.
      int in = l == 0 ? dl.in() : DenseKernel.padded(dl.in());
      int out = DenseKernel.padded(dl.out());
      mb.w[l] = padded(dl.w(), dl.in(), dl.out(), in, out);
      mb.b[l] = padded(dl.b(), 1, dl.out(), 1, out);
      mb.width = Math.max(mb.width, Math.max(in, out));
    }
    Network.Dense o = layers.get(last);
    int in = DenseKernel.padded(o.in());
    mb.wOut = new float[o.out()][in];
    mb.bOut = new float[o.out()];
    for (int j = 0; j < o.out(); j++) {
      for (int i = 0; i < o.in(); i++) {
        mb.wOut[j][i] = (float) o.weight(i, j);
      }
      mb.bOut[j] = (float) o.bias(j);
    }
    return mb;
  }

  private static Member float64(Network net) {
    Member mb = new Member(net.activation() == Activation.TANH);
    List<Network.Dense> layers = net.layers();
    int n = layers.size();
    mb.w64 = new double[n][];
    mb.b64 = new double[n][];
    mb.in64 = new int[n];
    mb.out64 = new int[n];
    for (int l = 0; l < n; l++) {
      Network.Dense dl = layers.get(l);
      mb.w64[l] = dl.w();
      mb.b64[l] = dl.b();
      mb.in64[l] = dl.in();
      mb.out64[l] = dl.out();
      mb.width = Math.max(mb.width, dl.out());
    }
    return mb;
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

  private boolean float32() {
    return data.precision() == Precision.FLOAT32;
  }

  // ---------------------------------------------------------------------------------------------
  // Row-wise predictions

  /**
   * Mean and spread of the members for n rows: row i at θ0 = theta row i (ratio models) or x row i
   * alone (SALLY).
   *
   * @param theta n × p raw θ0 rows (ignored for SALLY, may be null)
   * @param x n × d raw features in the model's observable order
   */
  public Prediction predict(double[] theta, double[] x) {
    int n = x.length / d;
    if (x.length != n * d || ratio && (theta == null || theta.length != n * p)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "predict needs n × %d features and n × %d θ values, got %d and %s",
              d,
              p,
              x.length,
              theta == null ? "none" : String.valueOf(theta.length)));
    }
    int width = ratio ? p + d : d;
    double[] input = new double[n * width];
    for (int i = 0; i < n; i++) {
      int o = i * width;
      if (ratio) {
        for (int k = 0; k < p; k++) {
          input[o + k] = data.thetaScaling().apply(k, theta[i * p + k]);
        }
        o += p;
      }
      for (int j = 0; j < d; j++) {
        input[o + j] = data.xScaling().apply(j, x[i * d + j]);
      }
    }
    // per member: [output or log r̂, then for ratio models the p tangents][n]
    double[][][] v = new double[members.length][][];
    for (int m = 0; m < members.length; m++) {
      v[m] = rows(members[m], input, n, width);
    }
    return combine(v, n);
  }

  /** One member's outputs (and tangents for ratio models) on n standardised input rows. */
  private double[][] rows(Member mb, double[] input, int n, int width) {
    int tangents = ratio ? p : 0;
    double[][] out = new double[outputs + tangents][n];
    int tiles = (n + TILE - 1) / TILE;
    IntStream.range(0, tiles)
        .parallel()
        .forEach(
            t -> {
              int from = t * TILE;
              int rows = Math.min(TILE, n - from);
              if (float32()) {
                Scratch s = new Scratch(mb.width, tangents);
                int rows4 = (rows + 3) / 4 * 4;
                float[] in = new float[rows4 * width];
                for (int k = 0; k < rows * width; k++) {
                  in[k] = (float) input[from * width + k];
                }
                int h1 = mb.b[0].length;
                kernel.dense(in, rows4, width, mb.w[0], mb.b[0], h1, s.a);
                tile(mb, s, rows, rows4, tangents, out, from);
              } else {
                double[] row = new double[width];
                double[][] dots = new double[tangents][mb.width];
                double[] res = new double[outputs + tangents];
                for (int r = 0; r < rows; r++) {
                  System.arraycopy(input, (from + r) * width, row, 0, width);
                  forward64(mb, row, tangents, dots, res);
                  for (int c = 0; c < res.length; c++) {
                    out[c][from + r] = res[c];
                  }
                }
              }
            });
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // θ grids × events

  /**
   * log r̂ (the members' mean) at every (grid point, event): the fast path of limit scans.
   *
   * @param x n × d raw features in the model's observable order
   * @param thetas raw θ0 grid points, each of p values
   * @return thetas.length × n
   */
  public double[][] logRatio(double[] x, double[][] thetas) {
    requireRatio();
    int n = x.length / d;
    double[][] out = new double[thetas.length][n];
    for (int m = 0; m < members.length; m++) {
      Member mb = members[m];
      float[] xPart = float32() ? firstLayerX(mb, x, n) : null;
      IntStream.range(0, thetas.length)
          .parallel()
          .forEach(j -> grid(mb, xPart, x, n, thetas[j], 0, new double[][] {out[j]}));
    }
    if (members.length > 1) {
      for (double[] row : out) {
        for (int i = 0; i < n; i++) {
          row[i] /= members.length;
        }
      }
    }
    return out;
  }

  /**
   * Mean and spread of log r̂ and t̂ at every (grid point, event): element j is {@link
   * #predict(double[], double[])} of all events at θ0 = thetas[j].
   *
   * @param x n × d raw features in the model's observable order
   * @param thetas raw θ0 grid points, each of p values
   */
  public Prediction[] predict(double[] x, double[][] thetas) {
    requireRatio();
    int n = x.length / d;
    double[][][][] v = new double[thetas.length][members.length][][];
    for (int m = 0; m < members.length; m++) {
      Member mb = members[m];
      int member = m;
      float[] xPart = float32() ? firstLayerX(mb, x, n) : null;
      IntStream.range(0, thetas.length)
          .parallel()
          .forEach(
              j -> {
                double[][] out = new double[1 + p][n];
                grid(mb, xPart, x, n, thetas[j], p, out);
                v[j][member] = out;
              });
    }
    Prediction[] out = new Prediction[thetas.length];
    for (int j = 0; j < thetas.length; j++) {
      out[j] = combine(v[j], n);
    }
    return out;
  }

  private void requireRatio() {
    if (!ratio) {
      throw new IllegalArgumentException("a SALLY model has no log r̂; evaluate its score");
    }
  }

  /** Adds member mb's outputs (and {@code tangents} tangents) at one θ to {@code out}. */
  private void grid(
      Member mb, float[] xPart, double[] x, int n, double[] theta, int tangents, double[][] out) {
    if (theta.length != p) {
      throw new IllegalArgumentException(
          "a grid point has " + theta.length + " values for " + p + " parameters");
    }
    if (!float32()) {
      double[] row = new double[p + d];
      for (int k = 0; k < p; k++) {
        row[k] = data.thetaScaling().apply(k, theta[k]);
      }
      double[][] dots = new double[tangents][mb.width];
      double[] res = new double[1 + tangents];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          row[p + j] = data.xScaling().apply(j, x[i * d + j]);
        }
        forward64(mb, row, tangents, dots, res);
        for (int c = 0; c < res.length; c++) {
          out[c][i] += res[c];
        }
      }
      return;
    }
    float[] thetaPart = firstLayerTheta(mb, theta);
    int h1 = thetaPart.length;
    Scratch s = new Scratch(mb.width, tangents);
    for (int from = 0; from < n; from += TILE) {
      int rows = Math.min(TILE, n - from);
      int rows4 = (rows + 3) / 4 * 4;
      float[] a = s.a;
      for (int r = 0; r < rows; r++) {
        int src = (from + r) * h1;
        for (int o = 0; o < h1; o++) {
          a[r * h1 + o] = xPart[src + o] + thetaPart[o];
        }
      }
      java.util.Arrays.fill(a, rows * h1, rows4 * h1, 0f);
      tile(mb, s, rows, rows4, tangents, out, from);
    }
  }

  /** x W_x for every event: n × h₁ (inputs are θ first, then x; h₁ padded). */
  private float[] firstLayerX(Member mb, double[] x, int n) {
    float[] w = mb.w[0];
    int h = mb.b[0].length;
    float[] out = new float[n * h];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        float a = (float) data.xScaling().apply(j, x[i * d + j]);
        int row = (p + j) * h;
        for (int o = 0; o < h; o++) {
          out[i * h + o] += a * w[row + o];
        }
      }
    }
    return out;
  }

  /** θ W_θ + b: h₁ (padded). */
  private float[] firstLayerTheta(Member mb, double[] theta) {
    float[] w = mb.w[0];
    float[] out = mb.b[0].clone();
    int h = out.length;
    for (int k = 0; k < p; k++) {
      float a = (float) data.thetaScaling().apply(k, theta[k]);
      for (int o = 0; o < h; o++) {
        out[o] += a * w[k * h + o];
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // The two arithmetic paths

  /** Per-task buffers of the float32 path. */
  private static final class Scratch {
    float[] a;
    float[] z;
    final float[] zd;
    final float[][] dots;

    Scratch(int width, int tangents) {
      a = new float[TILE * width];
      z = new float[TILE * width];
      zd = tangents > 0 ? new float[TILE * width] : null;
      dots = new float[tangents][TILE * width];
    }
  }

  /**
   * The float32 forward pass of one tile whose first-layer pre-activations are in {@code s.a}
   * (rows4 × h₁): adds output c of row r to out[c][from + r], then tangent k of log r̂
   * (standardised θ units) to out[1 + k][from + r].
   */
  private void tile(
      Member mb, Scratch s, int rows, int rows4, int tangents, double[][] out, int from) {
    float[] a = s.a;
    float[] z = s.z;
    int h1 = mb.b[0].length;
    kernel.activate(a, rows4 * h1, mb.tanh);
    for (int k = 0; k < tangents; k++) {
      // ż₁,k = row k of W₁ (the input tangent e_k), the same for every row.
      float[] dot = s.dots[k];
      float[] w0 = mb.w[0];
      for (int r = 0; r < rows4; r++) {
        int o0 = r * h1;
        for (int o = 0; o < h1; o++) {
          dot[o0 + o] = slope(a[o0 + o], mb.tanh) * w0[k * h1 + o];
        }
      }
    }
    int in = h1;
    for (int l = 1; l < mb.w.length; l++) {
      int width = mb.b[l].length;
      kernel.dense(a, rows4, in, mb.w[l], mb.b[l], width, z);
      kernel.activate(z, rows4 * width, mb.tanh);
      for (int k = 0; k < tangents; k++) {
        float[] dot = s.dots[k];
        kernel.dense(dot, rows4, in, mb.w[l], null, width, s.zd);
        for (int i = 0; i < rows4 * width; i++) {
          dot[i] = slope(z[i], mb.tanh) * s.zd[i];
        }
      }
      float[] t = a;
      a = z;
      z = t;
      in = width;
    }
    s.a = a;
    s.z = z;
    for (int c = 0; c < outputs; c++) {
      kernel.output(a, rows, in, mb.wOut[c], mb.bOut[c], out[c], from);
    }
    for (int k = 0; k < tangents; k++) {
      kernel.output(s.dots[k], rows, in, mb.wOut[0], 0f, out[1 + k], from);
    }
  }

  /** σ'(z) through h = σ(z). */
  private static float slope(float h, boolean tanh) {
    return tanh ? 1 - h * h : h * (1 - h);
  }

  /**
   * The float64 forward pass of one standardised input row: res[c] = output c, then res[1 + k] =
   * tangent k of log r̂ (standardised θ units).
   */
  private static void forward64(
      Member mb, double[] input, int tangents, double[][] dots, double[] res) {
    int last = mb.w64.length - 1;
    double[] a = input;
    double[][] nextDots = tangents > 0 ? new double[tangents][] : null;
    for (int l = 0; l <= last; l++) {
      double[] w = mb.w64[l];
      double[] b = mb.b64[l];
      int in = mb.in64[l];
      int out = mb.out64[l];
      double[] z = new double[out];
      for (int j = 0; j < out; j++) {
        double s = b[j];
        for (int i = 0; i < in; i++) {
          s += a[i] * w[i * out + j];
        }
        z[j] = s;
      }
      for (int k = 0; k < tangents; k++) {
        double[] zd = new double[out];
        if (l == 0) {
          // the input tangent e_k picks row k of W₁
          System.arraycopy(w, k * out, zd, 0, out);
        } else {
          double[] dk = dots[k];
          for (int j = 0; j < out; j++) {
            double s = 0;
            for (int i = 0; i < in; i++) {
              s += dk[i] * w[i * out + j];
            }
            zd[j] = s;
          }
        }
        nextDots[k] = zd;
      }
      if (l < last) {
        for (int j = 0; j < out; j++) {
          double h = mb.tanh ? Math.tanh(z[j]) : 1 / (1 + Math.exp(-z[j]));
          double slope = mb.tanh ? 1 - h * h : h * (1 - h);
          z[j] = h;
          for (int k = 0; k < tangents; k++) {
            nextDots[k][j] *= slope;
          }
        }
      }
      for (int k = 0; k < tangents; k++) {
        dots[k] = nextDots[k];
      }
      a = z;
    }
    System.arraycopy(a, 0, res, 0, a.length);
    for (int k = 0; k < tangents; k++) {
      res[a.length + k] = dots[k][0];
    }
  }

  /**
   * Member mean and population spread: v[member][c][i] holds output c of row i (then the ratio
   * models' tangents, divided here by the θ scale).
   */
  private Prediction combine(double[][][] v, int n) {
    int m = v.length;
    double[] scale = ratio ? data.thetaScaling().scale() : null;
    double[][] t = new double[m][n * p];
    double[][] lr = ratio ? new double[m][] : null;
    for (int g = 0; g < m; g++) {
      if (ratio) {
        lr[g] = v[g][0];
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < p; k++) {
            t[g][i * p + k] = v[g][1 + k][i] / scale[k];
          }
        }
      } else {
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < p; k++) {
            t[g][i * p + k] = v[g][k][i];
          }
        }
      }
    }
    double[][] lrStats = ratio ? meanStd(lr) : new double[][] {null, null};
    double[][] tStats = meanStd(t);
    return new Prediction(lrStats[0], lrStats[1], tStats[0], tStats[1]);
  }

  private static double[][] meanStd(double[][] v) {
    int m = v.length;
    int len = v[0].length;
    double[] mean = new double[len];
    double[] std = new double[len];
    for (int i = 0; i < len; i++) {
      double s = 0;
      for (double[] member : v) {
        s += member[i];
      }
      double mu = s / m;
      double ss = 0;
      for (double[] member : v) {
        ss += (member[i] - mu) * (member[i] - mu);
      }
      mean[i] = mu;
      std[i] = Math.sqrt(ss / m);
    }
    return new double[][] {mean, std};
  }
}
