package org.sbi4j.training.internal;

import org.sbi4j.training.losses.BatchLoss;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.simd.DenseKernel;

/**
 * The ratio network of {@link Graphs#ratio} (or, built by {@link #score}, the SALLY network of
 * {@link Graphs#score}) with its loss and weight gradients computed in one fused pass on float32
 * tiles (a {@link DenseKernel}), for dense tanh/sigmoid networks on the CPU, where SameDiff's
 * per-op overhead dominates at batch 128. Same mathematics as the graph (docs/math.md §3):
 * forward-mode tangents ż_k = ȧ_k W, ȧ_k = σ'(z) ⊙ ż_k with ȧ_0,k = e_k give t̂_k = ∂ log r̂/∂θ0_k;
 * the loss is the graph's; reverse mode runs through the primal and the tangent rows, with the
 * second-derivative term of the tangents:
 *
 * <pre>
 *   δż_k = δȧ_k ⊙ σ'(z),   δz = δa ⊙ σ'(z) + Σ_k δȧ_k ⊙ ż_k ⊙ σ''(z),
 *   ∂W = aᵀ δz + Σ_k ȧ_kᵀ δż_k,   ∂b = Σ_rows δz,   δa_prev = δz Wᵀ,  δȧ_prev,k = δż_k Wᵀ.
 * </pre>
 *
 * <p>Layout: the primal rows of a batch (padded to a multiple of 4 with zero rows that carry no
 * loss) are followed by p blocks of tangent rows, so that one matrix product serves all of them;
 * every hidden width is padded to {@link DenseKernel#PAD} with weights that stay zero. Parameters
 * {@link #params()} are W₀, b₀, W₁, b₁, …, the output weights and bias, held by {@link
 * FusedWeights} (shared with the replicas).
 *
 * <p>The SALLY network is the same machinery without tangent rows (p = 0) and with q outputs t̂
 * (the output layer q wide, unpadded); its loss is SALLY's mean_B Σ_k (t̂_k − t_k)², whose gradient
 * with respect to t̂_k is 2 (t̂_k − t_k)/B.
 */
final class FusedRatioNet {
  private final DenseKernel kernel;
  private final FusedWeights weights;
  private final boolean tanh;
  private final int p;
  private final int outputs;
  private final int layers;
  private final int[] inW;
  private final int[] outW;
  private final int[] width;
  private final int maxRows;
  private final float[][] params;
  private final float[][] grads;
  private final float[][] transposed;
  private final float[][] z;
  private final float[][] a;
  private final float[][] slope;
  private final float[] input;
  private final float[] deltaA;
  private final float[] deltaZ;
  private final float[] scratchT;
  private final float[] out;
  private final float[] gradOut;

  /**
   * The difference form of a doubly parameterised network (docs/math.md §3.8): log r̂(x|θ0,θ1) =
   * g(θ0, x) − g(θ1, x) with one network g of p + d inputs, the batch's rows (θ0, θ1, x).
   */
  private final boolean difference;

  private final float[] diffOut;
  private final float[] diffGrad;

  /**
   * @param net the architecture and initial weights (inputs θ0 first, then x; one output)
   * @param p number of θ0 inputs (tangent directions)
   * @param maxBatch the largest batch
   */
  FusedRatioNet(Network net, int p, int maxBatch, DenseKernel kernel) {
    this(net, p, 1, maxBatch, kernel, new FusedWeights(net, 1), false);
  }

  /**
   * The difference form of a doubly parameterised ratio network: the batch rows are (θ0, θ1, x),
   * log r̂ = g(θ0, x) − g(θ1, x) and t̂ = ∂g(θ0, x)/∂θ0, g being {@code net} (inputs θ, then x).
   * Each batch runs g on its θ0 rows and on its θ1 rows as one block of 2 × the primal rows,
   * followed by tangent rows for the θ0 half only ({@link DifferenceForm}); the loss's gradient
   * with respect to log r̂ flows into the θ0 half with a plus and into the θ1 half with a minus
   * sign.
   *
   * @param net g: inputs θ (p), then x; one output
   */
  static FusedRatioNet difference(Network net, int p, int maxBatch, DenseKernel kernel) {
    return new FusedRatioNet(net, p, 1, maxBatch, kernel, new FusedWeights(net, 1), true);
  }

  /**
   * The SALLY network x → t̂: no tangents, {@code net.outputs()} outputs, SALLY's loss.
   *
   * @param net the architecture and initial weights (inputs x; p outputs)
   */
  static FusedRatioNet score(Network net, int maxBatch, DenseKernel kernel) {
    return new FusedRatioNet(
        net, 0, net.outputs(), maxBatch, kernel, new FusedWeights(net, net.outputs()), false);
  }

  /**
   * A net for {@code maxBatch} rows that reads this net's parameters (and their transposes) but has
   * its own activations and gradients: chunks of a batch run on replicas in parallel. The replica
   * sees every {@link #load} and {@link #parametersChanged} of this net; it must not call them.
   *
   * @param net this net's architecture (any weights)
   */
  FusedRatioNet replica(Network net, int maxBatch) {
    return new FusedRatioNet(net, p, outputs, maxBatch, kernel, weights, difference);
  }

  private FusedRatioNet(
      Network net,
      int p,
      int outputs,
      int maxBatch,
      DenseKernel kernel,
      FusedWeights weights,
      boolean difference) {
    this.kernel = kernel;
    this.weights = weights;
    this.difference = difference;
    this.tanh = net.activation() == Activation.TANH;
    this.p = p;
    this.outputs = outputs;
    layers = weights.layers;
    inW = weights.inW;
    outW = weights.outW;
    width = weights.width;
    int half = (maxBatch + 3) / 4 * 4;
    maxRows = (difference ? 2 + p : 1 + p) * half;
    diffOut = difference ? new float[(1 + p) * half] : null;
    diffGrad = difference ? new float[(1 + p) * half] : null;
    params = weights.params;
    grads = new float[2 * layers][];
    transposed = weights.transposed;
    z = new float[layers][];
    a = new float[layers][];
    slope = new float[layers][];
    int widest = inW[0];
    for (int j = 0; j < layers; j++) {
      grads[2 * j] = new float[inW[j] * outW[j]];
      grads[2 * j + 1] = new float[outW[j]];
      if (j < layers - 1) {
        z[j] = new float[maxRows * outW[j]];
        a[j] = new float[maxRows * outW[j]];
        slope[j] = new float[(difference ? 2 : 1) * half * outW[j]];
      }
      widest = Math.max(widest, outW[j]);
    }
    input = new float[maxRows * inW[0]];
    deltaA = new float[maxRows * widest];
    deltaZ = new float[maxRows * widest];
    scratchT = new float[maxRows * widest];
    out = new float[maxRows * outputs];
    gradOut = new float[maxRows * outputs];
  }

  /** Parameter arrays (padded), in the order W₀, b₀, …, w_out, b_out; updated in place. */
  float[][] params() {
    return params;
  }

  /** Gradient arrays of the last {@link #lossAndGradient}, same layout as {@link #params()}. */
  float[][] grads() {
    return grads;
  }

  /** Overwrites the parameters with {@code net}'s weights. */
  void load(Network net) {
    weights.load(net);
  }

  /** The current weights as a {@link Network} (a copy). */
  Network toNetwork(Network shape) {
    return weights.toNetwork(shape);
  }

  /** Refreshes the transposed weights after the parameters changed. */
  void parametersChanged() {
    weights.parametersChanged();
  }

  /** See {@link FusedWeights#rowLength}. */
  int rowLength(int array) {
    return weights.rowLength(array);
  }

  /** See {@link FusedWeights#parametersChanged(int, int, int)}. */
  void parametersChanged(int array, int fromRow, int toRow) {
    weights.parametersChanged(array, fromRow, toRow);
  }

  /**
   * The batch-mean loss of the first {@code rows} rows of {@code batch} and, when {@code gradient},
   * its gradients in {@link #grads()}.
   */
  double lossAndGradient(Labels batch, int rows, boolean gradient) {
    return lossAndGradient(batch, rows, rows, gradient);
  }

  /**
   * The sum of the row losses of the first {@code rows} rows of {@code batch} divided by {@code
   * divisor} and, when {@code gradient}, its gradients in {@link #grads()}: with divisor the size
   * of the batch these rows are a chunk of, the chunks' losses and gradients add up to the batch's.
   */
  double lossAndGradient(Labels batch, int rows, int divisor, boolean gradient) {
    int half = (rows + 3) / 4 * 4;
    int bp = difference ? 2 * half : half;
    // tangent rows per direction: those of the θ0 half only in the difference form
    int tb = difference ? half : bp;
    int total = bp + p * tb;
    FusedEnds.inputRows(batch, rows, p, half, bp, tb, total, difference, input, inW[0]);
    float[] prev = input;
    for (int j = 0; j < layers - 1; j++) {
      forwardHidden(j, prev, bp, tb, total);
      prev = a[j];
    }
    int last = layers - 1;
    FusedEnds.output(
        prev, params[2 * last], params[2 * last + 1], total, bp, inW[last], outputs, out);
    double loss =
        batch.loss == null
            ? FusedEnds.squaredError(out, batch.t, gradOut, outputs, rows, divisor, bp)
            : difference
                ? DifferenceForm.loss(
                    batch.loss, out, gradOut, diffOut, diffGrad, p, half, rows, divisor)
                : batch.loss.evaluate(out, bp, rows, divisor, gradOut);
    if (gradient) {
      backward(bp, tb, total);
    }
    return loss;
  }

  private void forwardHidden(int j, float[] prev, int bp, int tb, int total) {
    int o = outW[j];
    float[] zj = z[j];
    float[] aj = a[j];
    float[] sj = slope[j];
    float[] b = params[2 * j + 1];
    kernel.dense(prev, total, inW[j], params[2 * j], null, o, zj);
    for (int r = 0; r < bp; r++) {
      for (int c = 0; c < o; c++) {
        zj[r * o + c] += b[c];
      }
    }
    System.arraycopy(zj, 0, aj, 0, bp * o);
    kernel.activate(aj, bp * o, tanh);
    for (int r = 0; r < bp; r++) {
      for (int c = width[j]; c < o; c++) {
        aj[r * o + c] = 0f;
      }
    }
    for (int i = 0; i < bp * o; i++) {
      float v = aj[i];
      sj[i] = tanh ? 1f - v * v : v * (1f - v);
    }
    int block = bp * o;
    int tangentBlock = tb * o;
    for (int base = block; base < total * o; base += tangentBlock) {
      for (int q = 0; q < tangentBlock; q++) {
        aj[base + q] = sj[q] * zj[base + q];
      }
    }
  }

  private void backward(int bp, int tb, int total) {
    int last = layers - 1;
    FusedEnds.outputBackward(
        a[last - 1],
        params[2 * last],
        gradOut,
        grads[2 * last],
        grads[2 * last + 1],
        deltaA,
        total,
        bp,
        inW[last],
        outputs,
        difference);
    for (int j = last - 1; j >= 0; j--) {
      backwardHidden(j, bp, tb, total);
    }
  }

  /** From δa_j (deltaA) to ∂W_j, ∂b_j and, for j > 0, δa_{j−1} (into deltaA). */
  private void backwardHidden(int j, int bp, int tb, int total) {
    int o = outW[j];
    int in = inW[j];
    float[] sj = slope[j];
    float[] aj = a[j];
    float[] zj = z[j];
    int block = bp * o;
    for (int i = 0; i < block; i++) {
      deltaZ[i] = deltaA[i] * sj[i];
    }
    int tangentBlock = tb * o;
    for (int base = block; base < total * o; base += tangentBlock) {
      for (int q = 0; q < tangentBlock; q++) {
        float s = sj[q];
        float v = aj[q];
        float curvature = tanh ? -2f * v * s : s * (1f - 2f * v);
        deltaZ[q] += deltaA[base + q] * zj[base + q] * curvature;
        deltaZ[base + q] = deltaA[base + q] * s;
      }
    }
    float[] gb = grads[2 * j + 1];
    java.util.Arrays.fill(gb, 0f);
    for (int r = 0; r < bp; r++) {
      for (int c = 0; c < o; c++) {
        gb[c] += deltaZ[r * o + c];
      }
    }
    float[] prev = j == 0 ? input : a[j - 1];
    for (int r = 0; r < total; r++) {
      for (int i = 0; i < in; i++) {
        scratchT[i * total + r] = prev[r * in + i];
      }
    }
    kernel.dense(scratchT, in, total, deltaZ, null, o, grads[2 * j]);
    if (j > 0) {
      kernel.dense(deltaZ, total, o, transposed[j], null, in, deltaA);
    }
  }

  /**
   * The inputs and labels of one batch; its {@link BatchLoss} is the loss of {@link Graphs#ratio},
   * made of the same {@link org.sbi4j.training.losses.LossTerm}s (null for the SALLY network, whose
   * targets are {@code t}).
   */
  static final class Labels {
    final int inputs;
    final float[] x;
    final BatchLoss loss;
    final double[] t;

    Labels(RatioLoss loss, double alpha, double clip, int inputs, int p, int maxBatch) {
      this.inputs = inputs;
      x = new float[maxBatch * inputs];
      this.loss = new BatchLoss(loss, alpha, clip, p, maxBatch);
      t = null;
    }

    /** The inputs x and SALLY's score targets t (rows × {@code outputs}) of one batch. */
    Labels(int inputs, int outputs, int maxBatch) {
      this.inputs = inputs;
      x = new float[maxBatch * inputs];
      loss = null;
      t = new double[maxBatch * outputs];
    }
  }
}
