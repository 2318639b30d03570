package org.sbi4j.training.internal;

import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingDivergedException;
import org.sbi4j.training.losses.JointLabel;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.simd.DenseKernel;

/**
 * Trains a ratio network (or, built by {@link #score}, SALLY's score network) like {@link Fitter}
 * (same batches in the same order, same Adam/AMSGrad update as ND4J's, the learning rate of {@link
 * TrainingConfig#learningRateAt}, per-variable gradient-norm clipping, the validation loss after
 * each epoch, the listeners), with the loss and gradients of {@link FusedRatioNet} instead of a
 * SameDiff graph. Data parallel inside the one network: every batch is cut into {@link #CHUNK}-row
 * chunks whose losses and gradients are computed on their own {@link FusedRatioNet#replica}s on the
 * threads of a {@link ChunkPool} ({@link #threads}), then added up in chunk order on the calling
 * thread before the update. Deterministic: same seed, same weights, on any number of threads.
 */
public final class FusedFitter extends EpochLoop {
  /**
   * Rows per chunk of a batch (the last chunk of a batch may be shorter): fixed, so that the
   * chunks, and the order their gradients are added in, do not depend on the number of threads.
   */
  static final int CHUNK = 64;

  private final Network shape;

  /** Width of the table's input rows. */
  private final int inputs;

  private final RatioLoss loss;
  private final double alpha;
  private final double clip;
  private final int p;
  private final FusedRatioNet net;
  private final FusedAdam adam;
  private Table train;
  private Table validation;
  private TrainingConfig config;
  private int member;
  private long seed;
  private int[] order;
  private int threads = 1;
  private ChunkPool pool = ChunkPool.start(1);
  private FusedRatioNet[] nets;
  private FusedRatioNet.Labels[] labels;
  private double[] chunkLoss = new double[1];

  /**
   * @param initial initial weights (inputs θ0 first, then x; one output)
   * @param p number of θ0 inputs
   */
  public FusedFitter(
      Network initial, int p, RatioLoss loss, double alpha, double clip, DenseKernel kernel) {
    this(initial, p, loss, alpha, clip, new FusedRatioNet(initial, p, CHUNK, kernel), 0);
  }

  /**
   * Trains the difference form of a doubly parameterised ratio network, log r̂(x|θ0,θ1) = g(θ0, x)
   * − g(θ1, x) (docs/math.md §3.8), on a table whose {@link Graphs#INPUT} rows are (θ0, θ1, x).
   *
   * @param initial initial weights of g (inputs θ, then x; one output)
   * @param p number of parameters
   */
  public static FusedFitter difference(
      Network initial, int p, RatioLoss loss, double alpha, double clip, DenseKernel kernel) {
    return new FusedFitter(
        initial, p, loss, alpha, clip, FusedRatioNet.difference(initial, p, CHUNK, kernel), p);
  }

  /**
   * Trains SALLY's score network x → t̂ (the table's {@link Graphs#INPUT} and {@link Graphs#T}
   * columns) with SALLY's loss, the network of {@link Graphs#score}.
   *
   * @param initial initial weights (inputs x; p outputs)
   */
  public static FusedFitter score(Network initial, DenseKernel kernel) {
    return new FusedFitter(
        initial, initial.outputs(), null, 0, 0, FusedRatioNet.score(initial, CHUNK, kernel), 0);
  }

  /**
   * @param extraInputs table columns beyond the network's inputs (θ1 of the difference form)
   */
  private FusedFitter(
      Network initial,
      int p,
      RatioLoss loss,
      double alpha,
      double clip,
      FusedRatioNet net,
      int extraInputs) {
    this.shape = initial;
    this.inputs = initial.inputs() + extraInputs;
    this.loss = loss;
    this.alpha = alpha;
    this.clip = clip;
    this.p = p;
    this.net = net;
    this.adam = new FusedAdam(net);
    nets = new FusedRatioNet[] {net};
    labels = new FusedRatioNet.Labels[] {labels(inputs, CHUNK)};
  }

  /**
   * Trains on {@code threads} threads (the calling one included): the chunks of every batch (and of
   * the validation rows) run in parallel. The weights do not depend on it.
   */
  public FusedFitter threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
    }
    this.threads = threads;
    return this;
  }

  @Override
  protected void prepare(
      Table train, Table validation, TrainingConfig config, int member, long seed) {
    this.train = train;
    this.validation = validation;
    this.config = config;
    this.member = member;
    this.seed = seed;
    order = new int[train.rows()];
    pool.close();
    pool = ChunkPool.start(threads);
  }

  @Override
  protected void finish() {
    pool.close();
    pool = ChunkPool.start(1);
  }

  @Override
  protected double trainEpoch(int epoch, double lr) {
    BatchIterator.order(order, seed, epoch + 1);
    double sum = 0;
    for (int from = 0; from < order.length; from += config.batchSize()) {
      int rows = Math.min(config.batchSize(), order.length - from);
      double l = batch(train, order, from, rows);
      if (!Double.isFinite(l)) {
        throw new TrainingDivergedException(member, epoch, adam.iteration() + 1, l);
      }
      sum += l * rows;
      adam.step(pool, nets, (rows + CHUNK - 1) / CHUNK, config, lr);
    }
    return sum / order.length;
  }

  @Override
  protected double validationLoss() {
    return validation == null ? Double.NaN : loss(validation);
  }

  /**
   * Mean loss over all rows of {@code table}: the row losses of each {@link #CHUNK}-row chunk
   * summed and divided by the row count (the chunks in parallel), these shares added in chunk
   * order.
   */
  public double loss(Table table) {
    int[] identity = identity(table.rows());
    int chunks = (table.rows() + CHUNK - 1) / CHUNK;
    double[] chunkLoss = new double[chunks];
    slots(pool.threads());
    pool.run(
        chunks,
        (c, thread) -> {
          int n = Math.min(CHUNK, table.rows() - c * CHUNK);
          gather(table, identity, c * CHUNK, n, labels[thread]);
          chunkLoss[c] = nets[thread].lossAndGradient(labels[thread], n, table.rows(), false);
        });
    double sum = 0;
    for (double l : chunkLoss) {
      sum += l;
    }
    return sum;
  }

  /** The batch-mean loss of {@code table}'s rows as one batch, with the gradients (tests). */
  double[][] gradients(Table table) {
    double l = batch(table, identity(table.rows()), 0, table.rows());
    adam.addUp(pool, nets, (table.rows() + CHUNK - 1) / CHUNK);
    float[][] g = net.grads();
    double[][] out = new double[g.length + 1][];
    out[0] = new double[] {l};
    for (int i = 0; i < g.length; i++) {
      out[i + 1] = new double[g[i].length];
      for (int k = 0; k < g[i].length; k++) {
        out[i + 1][k] = g[i][k];
      }
    }
    return out;
  }

  /**
   * The batch-mean loss of rows {@code order[from … from + rows)} of {@code t}: the batch cut into
   * {@link #CHUNK}-row chunks, each chunk's share of the loss and gradients (its row losses over
   * the batch size) computed on its own net in parallel, the loss shares added in chunk order (the
   * gradients are added by {@link FusedAdam}), so the result does not depend on the thread count.
   */
  private double batch(Table t, int[] order, int from, int rows) {
    int chunks = (rows + CHUNK - 1) / CHUNK;
    slots(chunks);
    double[] chunkLoss = this.chunkLoss;
    pool.run(
        chunks,
        (c, thread) -> {
          int n = Math.min(CHUNK, rows - c * CHUNK);
          gather(t, order, from + c * CHUNK, n, labels[c]);
          chunkLoss[c] = nets[c].lossAndGradient(labels[c], n, rows, true);
        });
    double l = 0;
    for (int c = 0; c < chunks; c++) {
      l += chunkLoss[c];
    }
    return l;
  }

  /** Makes sure there are at least {@code n} chunk nets (net 0 is {@link #net}) with labels. */
  private void slots(int n) {
    if (nets.length >= n) {
      return;
    }
    FusedRatioNet[] more = java.util.Arrays.copyOf(nets, n);
    FusedRatioNet.Labels[] moreLabels = java.util.Arrays.copyOf(labels, n);
    for (int c = nets.length; c < n; c++) {
      more[c] = net.replica(shape, CHUNK);
      moreLabels[c] = labels(inputs, CHUNK);
    }
    nets = more;
    labels = moreLabels;
    chunkLoss = new double[Math.max(chunkLoss.length, n)];
  }

  private static int[] identity(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }

  private FusedRatioNet.Labels labels(int inputs, int maxBatch) {
    return loss == null
        ? new FusedRatioNet.Labels(inputs, p, maxBatch)
        : new FusedRatioNet.Labels(loss, alpha, clip, inputs, p, maxBatch);
  }

  private void gather(Table t, int[] order, int from, int rows, FusedRatioNet.Labels b) {
    int w = b.inputs;
    double[] x = t.values(Graphs.INPUT);
    double[] y = loss == null ? null : t.values(Graphs.Y);
    double[] score = loss == null || loss.usesScore() ? t.values(Graphs.T) : null;
    double[] bt = loss == null ? b.t : b.loss.t();
    for (int i = 0; i < rows; i++) {
      int row = order[from + i];
      for (int c = 0; c < w; c++) {
        b.x[i * w + c] = (float) x[row * w + c];
      }
      if (y != null) {
        b.loss.y()[i] = y[row];
      }
      if (score != null) {
        for (int k = 0; k < p; k++) {
          // Targets pass through float32, as the graph's placeholders do.
          bt[i * p + k] = (float) score[row * p + k];
        }
      }
    }
    if (loss == null) {
      return;
    }
    for (JointLabel l : loss.jointLabels()) {
      double[] v = t.values(l.placeholder());
      double[] bv = b.loss.joint(l);
      for (int i = 0; i < rows; i++) {
        // Labels pass through float32, as the graph's placeholders do.
        bv[i] = v == null ? 0 : (float) v[order[from + i]];
      }
    }
  }

  @Override
  public Network snapshot() {
    return net.toNetwork(shape);
  }

  @Override
  public void restore(Network weights) {
    net.load(weights);
  }
}
