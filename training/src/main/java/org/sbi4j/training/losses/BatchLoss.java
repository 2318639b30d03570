package org.sbi4j.training.losses;

import java.util.Arrays;

/**
 * A {@link RatioLoss} over one batch, for engines that differentiate by hand: holds the batch's
 * labels (filled by the engine), and from the network outputs computes the batch-mean loss and
 * ∂loss/∂output of every output, adding up the {@link LossTerm}s of the loss one batch loop each.
 * Allocates nothing per batch.
 */
public final class BatchLoss {
  private final RatioLoss loss;
  private final LossTerm[] terms;
  private final double[] weights;
  private final double clip;
  final int p;
  final double[] y;
  final double[][] joint;
  final double[] t;
  final double[] logRatio;
  final double[] rowLoss;
  final double[] dLogRatio;
  final double[] dScore;

  /**
   * @param alpha the weight of the score term (ignored by losses without one)
   * @param clip |log r̂| bound applied before exponentiation
   * @param p number of θ0 columns, the width of t̂ and t
   * @param maxBatch the largest batch
   */
  public BatchLoss(RatioLoss loss, double alpha, double clip, int p, int maxBatch) {
    this.loss = loss;
    this.terms = loss.terms().toArray(new LossTerm[0]);
    this.weights = new double[terms.length];
    for (int j = 0; j < terms.length; j++) {
      weights[j] = loss.weight(terms[j], alpha);
    }
    this.clip = clip;
    this.p = p;
    y = new double[maxBatch];
    joint = new double[JointLabel.values().length][];
    for (JointLabel l : loss.jointLabels()) {
      joint[l.ordinal()] = new double[maxBatch];
    }
    t = new double[loss.usesScore() ? maxBatch * p : 0];
    logRatio = new double[maxBatch];
    rowLoss = new double[maxBatch];
    dLogRatio = new double[maxBatch];
    dScore = new double[loss.usesScore() ? maxBatch * p : 0];
  }

  public RatioLoss loss() {
    return loss;
  }

  /** The labels y of the batch's rows, to fill. */
  public double[] y() {
    return y;
  }

  /** The joint label {@code l} of the batch's rows, to fill; null if the loss does not read it. */
  public double[] joint(JointLabel l) {
    return joint[l.ordinal()];
  }

  /** The score targets t (row-major, rows × p), to fill; empty when the loss does not read them. */
  public double[] t() {
    return t;
  }

  /**
   * The batch-mean loss of rows 0 … rows−1, writing ∂loss/∂output into {@code dOut} (0 for the
   * padding rows, and for log r̂ outside ±clip, where the clip is flat).
   *
   * @param out the network outputs: log r̂ of row i at i, t̂_k at (1 + k) bp + i
   * @param bp the stride of the output blocks (at least rows)
   * @param dOut receives ∂loss/∂out, same layout, (1 + p) bp values
   */
  public double evaluate(float[] out, int bp, int rows, float[] dOut) {
    return evaluate(out, bp, rows, rows, dOut);
  }

  /**
   * As {@link #evaluate(float[], int, int, float[])} with the row losses summed and divided by
   * {@code divisor} instead of {@code rows}: the rows are a chunk of a batch of {@code divisor}
   * rows, whose loss and ∂loss/∂output are the sums of its chunks'.
   */
  public double evaluate(float[] out, int bp, int rows, int divisor, float[] dOut) {
    Arrays.fill(dOut, 0, (1 + p) * bp, 0f);
    for (int i = 0; i < rows; i++) {
      logRatio[i] = Math.max(-clip, Math.min(clip, out[i]));
    }
    Arrays.fill(rowLoss, 0, rows, 0.0);
    Arrays.fill(dLogRatio, 0, rows, 0.0);
    Arrays.fill(dScore, 0, dScore.length == 0 ? 0 : rows * p, 0.0);
    for (int j = 0; j < terms.length; j++) {
      terms[j].accumulate(weights[j], this, out, bp, rows);
    }
    double sum = 0;
    for (int i = 0; i < rows; i++) {
      float s = out[i];
      boolean inside = s >= -clip && s <= clip;
      dOut[i] = inside ? (float) (dLogRatio[i] / divisor) : 0f;
      sum += rowLoss[i];
    }
    if (dScore.length > 0) {
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < p; k++) {
          dOut[(1 + k) * bp + i] = (float) (dScore[i * p + k] / divisor);
        }
      }
    }
    return sum / divisor;
  }
}
