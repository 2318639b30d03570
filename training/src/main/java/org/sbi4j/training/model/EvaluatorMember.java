package org.sbi4j.training.model;

import java.util.List;
import java.util.stream.IntStream;
import org.sbi4j.training.simd.DenseKernel;

/**
 * One ensemble member of a {@link NetworkEvaluator}: its weights in the evaluator's layout and its
 * forward passes with tangents ḣ_k = σ'(z) ⊙ ż_k seeded with ȧ_k = e_{d_k} on the requested θ0
 * inputs d_k (all of them, or a few, e.g. only the nuisance inputs of a profile fit; see
 * docs/math.md), and for float32 a forward pass followed by one reverse pass that gives the
 * derivatives along several inputs at once (docs/math.md §7.5).
 *
 * <p>float32 members run on a {@link DenseKernel} in tiles of {@value NetworkEvaluator#TILE} rows,
 * every width padded to a multiple of {@link DenseKernel#PAD} (zero weights and biases, which leave
 * the sums unchanged) and the rows of a last partial tile to a multiple of 4 (their outputs are
 * dropped). float64 members run in plain double Java on the network's layers as they are. Tangents
 * are in standardised θ units; the evaluator divides them by the θ scale.
 */
final class EvaluatorMember {
  private final boolean tanh;
  private final boolean float32;
  private final DenseKernel kernel;
  private final int outputs;

  /** float32: layer weights (first layer in0 × h1, hidden layers padded), biases padded. */
  private float[][] w;

  /** float32: the hidden layers' weights transposed (padded out × padded in; null for layer 0). */
  private float[][] wT;

  private float[][] b;

  /** float32: output weights per output unit (padded input length), and biases. */
  private float[][] wOut;

  private float[] bOut;
  private int width;

  /** float64: the network's layers as they are. */
  private Float64Layers layers64;

  private EvaluatorMember(boolean tanh, boolean float32, DenseKernel kernel, int outputs) {
    this.tanh = tanh;
    this.float32 = float32;
    this.kernel = kernel;
    this.outputs = outputs;
  }

  /**
   * Member {@code net} in the layout of {@code precision}.
   *
   * @param kernel the kernel of float32 members
   * @param outputs the output units evaluated (1 for ratio models, p for SALLY)
   */
  static EvaluatorMember of(Network net, Precision precision, DenseKernel kernel, int outputs) {
    return precision == Precision.FLOAT32
        ? float32(net, kernel, outputs)
        : float64(net, kernel, outputs);
  }

  private static EvaluatorMember float32(Network net, DenseKernel kernel, int outputs) {
    EvaluatorMember mb =
        new EvaluatorMember(net.activation() == Activation.TANH, true, kernel, outputs);
    List<Network.Dense> layers = net.layers();
    int last = layers.size() - 1;
    mb.w = new float[last][];
    mb.b = new float[last][];
    for (int l = 0; l < last; l++) {
      Network.Dense dl = layers.get(l);
      // The first layer keeps its input rows; every later layer reads padded inputs.
      int in = l == 0 ? dl.in() : DenseKernel.padded(dl.in());
      int out = DenseKernel.padded(dl.out());
      mb.w[l] = Float32Layout.padded(dl.w(), dl.in(), dl.out(), in, out);
      mb.b[l] = Float32Layout.padded(dl.b(), 1, dl.out(), 1, out);
      mb.width = Math.max(mb.width, Math.max(in, out));
    }
    mb.wT = new float[last][];
    for (int l = 1; l < last; l++) {
      mb.wT[l] = Float32Layout.transposed(mb.w[l], mb.b[l - 1].length, mb.b[l].length);
    }
    Network.Dense o = layers.get(last);
    mb.wOut = Float32Layout.outputWeights(o);
    mb.bOut = new float[o.out()];
    for (int j = 0; j < o.out(); j++) {
      mb.bOut[j] = (float) o.bias(j);
    }
    return mb;
  }

  private static EvaluatorMember float64(Network net, DenseKernel kernel, int outputs) {
    EvaluatorMember mb =
        new EvaluatorMember(net.activation() == Activation.TANH, false, kernel, outputs);
    mb.layers64 = Float64Layers.of(net);
    mb.width = mb.layers64.maxOut();
    return mb;
  }

  /** Whether this member runs the float32 path. */
  boolean float32() {
    return float32;
  }

  /** The widest layer (padded for float32): the row length of the buffers. */
  int width() {
    return width;
  }

  // ---------------------------------------------------------------------------------------------
  // Row-wise and first-layer passes

  /**
   * This member's outputs (and the tangents along the θ0 inputs {@code directions}) on n
   * standardised input rows: [output c, then tangent k][n].
   */
  double[][] rows(double[] input, int n, int width, int[] directions) {
    int tangents = directions.length;
    double[][] out = new double[outputs + tangents][n];
    int tileRows = NetworkEvaluator.TILE;
    int tiles = (n + tileRows - 1) / tileRows;
    IntStream.range(0, tiles)
        .parallel()
        .forEach(
            t -> {
              int from = t * tileRows;
              int rows = Math.min(tileRows, n - from);
              if (float32) {
                Scratch s = new Scratch(this.width, tangents);
                int rows4 = (rows + 3) / 4 * 4;
                float[] in = new float[rows4 * width];
                for (int k = 0; k < rows * width; k++) {
                  in[k] = (float) input[from * width + k];
                }
                int h1 = b[0].length;
                kernel.dense(in, rows4, width, w[0], b[0], h1, s.a);
                tile(s, rows, rows4, directions, out, from);
              } else {
                double[] row = new double[width];
                double[][] dots = new double[tangents][this.width];
                double[] res = new double[outputs + tangents];
                for (int r = 0; r < rows; r++) {
                  System.arraycopy(input, (from + r) * width, row, 0, width);
                  forward64(row, directions, dots, res);
                  for (int c = 0; c < res.length; c++) {
                    out[c][from + r] = res[c];
                  }
                }
              }
            });
    return out;
  }

  /**
   * float32: x W_x for every event: n × h₁ (inputs are θ first, then x; h₁ padded).
   *
   * @param x n × d raw features, standardised here by {@code xScaling}
   * @param p the number of θ inputs before x
   */
  float[] firstLayerX(double[] x, int n, Scaling xScaling, int p, int d) {
    float[] w0 = w[0];
    int h = b[0].length;
    float[] out = new float[n * h];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        float a = (float) xScaling.apply(j, x[i * d + j]);
        int row = (p + j) * h;
        for (int o = 0; o < h; o++) {
          out[i * h + o] += a * w0[row + o];
        }
      }
    }
    return out;
  }

  /** float32: θ W_θ + b: h₁ (padded), for the p raw values of {@code theta}. */
  float[] firstLayerTheta(double[] theta, Scaling thetaScaling, int p) {
    float[] w0 = w[0];
    float[] out = b[0].clone();
    int h = out.length;
    for (int k = 0; k < p; k++) {
      float a = (float) thetaScaling.apply(k, theta[k]);
      for (int o = 0; o < h; o++) {
        out[o] += a * w0[k * h + o];
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // The two arithmetic paths

  /** Per-task buffers of the float32 path. */
  static final class Scratch {
    float[] a;
    float[] z;
    final float[] zd;
    final float[][] dots;

    Scratch(int width, int tangents) {
      int tile = NetworkEvaluator.TILE;
      a = new float[tile * width];
      z = new float[tile * width];
      zd = tangents > 0 ? new float[tile * width] : null;
      dots = new float[tangents][tile * width];
    }
  }

  /**
   * The float32 forward pass of one tile whose first-layer pre-activations are in {@code s.a}
   * (rows4 × h₁): adds output c of row r to out[c][from + r], then the tangent of log r̂ along θ0
   * input directions[k] (standardised θ units) to out[1 + k][from + r].
   */
  void tile(Scratch s, int rows, int rows4, int[] directions, double[][] out, int from) {
    int tangents = directions.length;
    float[] a = s.a;
    float[] z = s.z;
    int h1 = b[0].length;
    kernel.activate(a, rows4 * h1, tanh);
    for (int k = 0; k < tangents; k++) {
      // ż₁,k = row d_k of W₁ (the input tangent e_{d_k}), the same for every row.
      float[] dot = s.dots[k];
      float[] w0 = w[0];
      int row0 = directions[k] * h1;
      for (int r = 0; r < rows4; r++) {
        int o0 = r * h1;
        for (int o = 0; o < h1; o++) {
          dot[o0 + o] = slope(a[o0 + o], tanh) * w0[row0 + o];
        }
      }
    }
    int in = h1;
    for (int l = 1; l < w.length; l++) {
      int width = b[l].length;
      kernel.dense(a, rows4, in, w[l], b[l], width, z);
      kernel.activate(z, rows4 * width, tanh);
      for (int k = 0; k < tangents; k++) {
        float[] dot = s.dots[k];
        kernel.dense(dot, rows4, in, w[l], null, width, s.zd);
        for (int i = 0; i < rows4 * width; i++) {
          dot[i] = slope(z[i], tanh) * s.zd[i];
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
      kernel.output(a, rows, in, wOut[c], bOut[c], out[c], from);
    }
    for (int k = 0; k < tangents; k++) {
      kernel.output(s.dots[k], rows, in, wOut[0], 0f, out[1 + k], from);
    }
  }

  /** Per-task buffers of the float32 reverse pass: every layer's activations and two δ buffers. */
  static final class ReverseScratch {
    final float[][] h;
    float[] d;
    float[] dPrev;

    ReverseScratch(EvaluatorMember mb) {
      int tile = NetworkEvaluator.TILE;
      h = new float[mb.b.length][];
      for (int l = 0; l < h.length; l++) {
        h[l] = new float[tile * mb.b[l].length];
      }
      d = new float[tile * mb.width];
      dPrev = new float[tile * mb.width];
    }

    /** The first layer's pre-activations, rows4 × h₁, to be filled before {@link #tileReverse}. */
    float[] first() {
      return h[0];
    }
  }

  /**
   * The float32 forward pass of one tile whose first-layer pre-activations are in {@code
   * s.first()}, then one reverse pass (backpropagation of the single output to the inputs): adds
   * log r̂ of row r to out[0][from + r] and ∂ log r̂/∂(input directions[k]) (standardised units) to
   * out[1 + k][from + r]. Costs one more pass through the hidden layers for all directions
   * together, where {@link #tile} costs one per direction; the same derivatives up to float
   * rounding.
   */
  void tileReverse(
      ReverseScratch s, int rows, int rows4, int[] directions, double[][] out, int from) {
    float[][] h = s.h;
    int layers = h.length;
    kernel.activate(h[0], rows4 * b[0].length, tanh);
    int in = b[0].length;
    for (int l = 1; l < layers; l++) {
      int width = b[l].length;
      kernel.dense(h[l - 1], rows4, in, w[l], b[l], width, h[l]);
      kernel.activate(h[l], rows4 * width, tanh);
      in = width;
    }
    kernel.output(h[layers - 1], rows, in, wOut[0], bOut[0], out[0], from);
    // δz of the last hidden layer: w_out ⊙ σ'(z)
    float[] d = s.d;
    float[] dPrev = s.dPrev;
    float[] last = h[layers - 1];
    float[] wo = wOut[0];
    for (int r = 0; r < rows4; r++) {
      int o0 = r * in;
      for (int o = 0; o < in; o++) {
        d[o0 + o] = wo[o] * slope(last[o0 + o], tanh);
      }
    }
    for (int l = layers - 1; l >= 1; l--) {
      int width = b[l].length;
      int prev = b[l - 1].length;
      // δh_{l-1} = δz_l W_lᵀ, then δz_{l-1} = δh_{l-1} ⊙ σ'(z_{l-1})
      kernel.dense(d, rows4, width, wT[l], null, prev, dPrev);
      float[] hp = h[l - 1];
      for (int i = 0; i < rows4 * prev; i++) {
        dPrev[i] *= slope(hp[i], tanh);
      }
      float[] t = d;
      d = dPrev;
      dPrev = t;
    }
    s.d = d;
    s.dPrev = dPrev;
    // ∂/∂input k = δz₁ · (row k of W₁)
    int h1 = b[0].length;
    for (int k = 0; k < directions.length; k++) {
      float[] row =
          java.util.Arrays.copyOfRange(w[0], directions[k] * h1, (directions[k] + 1) * h1);
      kernel.output(d, rows, h1, row, 0f, out[1 + k], from);
    }
  }

  /** σ'(z) through h = σ(z). */
  private static float slope(float h, boolean tanh) {
    return tanh ? 1 - h * h : h * (1 - h);
  }

  /**
   * The float64 forward pass of one standardised input row: res[c] = output c, then res[1 + k] =
   * the tangent of log r̂ along input directions[k] (standardised θ units).
   */
  void forward64(double[] input, int[] directions, double[][] dots, double[] res) {
    layers64.forward(input, directions, dots, res);
  }
}
