package org.sbi4j.training.internal;

import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.UpdateRule;

/**
 * The update step of {@link FusedFitter}, in parallel on a {@link ChunkPool}: the chunks' gradients
 * added in chunk order, each array's gradient clipped to norm ≤ gradientClip when set, then ND4J's
 * Adam (AMSGrad): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g² (v̂ ← max(v̂, v)), w ← w − α_t m/(√v + ε)
 * with α_t = η √(1−β₂^t)/(1−β₁^t), t = iteration + 1. The parameters are cut into fixed segments of
 * whole rows (about {@link #SEGMENT} values): every value's arithmetic, and the order of the
 * segments' partial norms, is the same on any number of threads.
 */
final class FusedAdam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  /** Values per segment (rounded to whole rows). */
  private static final int SEGMENT = 4096;

  private final FusedRatioNet net;
  private final float[][] params;
  private final float[][] m;
  private final float[][] v;
  private final float[][] vMax;
  private final int[] segArray;
  private final int[] segFrom;
  private final int[] segTo;
  private final int[] segRow;
  private final double[] segNorm;
  private final float[] scale;
  private int iteration;

  /** Adam's state for the parameters of {@code net} (all zero). */
  FusedAdam(FusedRatioNet net) {
    this.net = net;
    this.params = net.params();
    m = new float[params.length][];
    v = new float[params.length][];
    vMax = new float[params.length][];
    java.util.List<int[]> segments = new java.util.ArrayList<>();
    for (int i = 0; i < params.length; i++) {
      m[i] = new float[params[i].length];
      v[i] = new float[params[i].length];
      vMax[i] = new float[params[i].length];
      int row = net.rowLength(i);
      int rows = params[i].length / row;
      int step = Math.max(1, SEGMENT / row);
      for (int r = 0; r < rows; r += step) {
        segments.add(new int[] {i, r, Math.min(rows, r + step), row});
      }
    }
    int n = segments.size();
    segArray = new int[n];
    segFrom = new int[n];
    segTo = new int[n];
    segRow = new int[n];
    for (int s = 0; s < n; s++) {
      int[] g = segments.get(s);
      segArray[s] = g[0];
      segFrom[s] = g[1];
      segTo[s] = g[2];
      segRow[s] = g[3];
    }
    segNorm = new double[n];
    scale = new float[params.length];
  }

  /** Steps taken so far. */
  int iteration() {
    return iteration;
  }

  /**
   * One step at learning rate {@code lr} along the sum of the gradients of {@code nets[0 … chunks)}
   * (left in {@code nets[0]}'s gradients), then the net's transposes refreshed.
   */
  void step(ChunkPool pool, FusedRatioNet[] nets, int chunks, TrainingConfig config, double lr) {
    iteration++;
    float a =
        (float) (lr * Math.sqrt(1 - Math.pow(BETA2, iteration)) / (1 - Math.pow(BETA1, iteration)));
    boolean ams = config.optimizer() == UpdateRule.AMSGRAD;
    Double clip = config.gradientClip();
    int segments = segArray.length;
    if (!config.clipsGradients()) {
      java.util.Arrays.fill(scale, 1f);
      pool.run(
          segments,
          (s, t) -> {
            reduce(s, nets, chunks, false);
            update(s, nets[0].grads(), a, ams);
          });
      return;
    }
    pool.run(segments, (s, t) -> reduce(s, nets, chunks, true));
    double[] norm = new double[params.length];
    for (int s = 0; s < segments; s++) {
      norm[segArray[s]] += segNorm[s];
    }
    for (int i = 0; i < params.length; i++) {
      double n = Math.sqrt(norm[i]);
      scale[i] = n > clip ? (float) (clip / n) : 1f;
    }
    pool.run(segments, (s, t) -> update(s, nets[0].grads(), a, ams));
  }

  /** Adds the gradients of {@code nets[1 … chunks)} into {@code nets[0]}'s, in chunk order. */
  void addUp(ChunkPool pool, FusedRatioNet[] nets, int chunks) {
    pool.run(segArray.length, (s, t) -> reduce(s, nets, chunks, false));
  }

  /** Adds the chunks' gradients of segment {@code s} into chunk 0's (and its squared norm). */
  private void reduce(int s, FusedRatioNet[] nets, int chunks, boolean norm) {
    int i = segArray[s];
    int from = segFrom[s] * segRow[s];
    int to = segTo[s] * segRow[s];
    float[] g = nets[0].grads()[i];
    for (int c = 1; c < chunks; c++) {
      float[] gc = nets[c].grads()[i];
      for (int k = from; k < to; k++) {
        g[k] += gc[k];
      }
    }
    if (norm) {
      double sum = 0;
      for (int k = from; k < to; k++) {
        sum += (double) g[k] * g[k];
      }
      segNorm[s] = sum;
    }
  }

  private void update(int s, float[][] grads, float a, boolean ams) {
    int i = segArray[s];
    float[] g = grads[i];
    float[] w = params[i];
    float[] mi = m[i];
    float[] vi = v[i];
    float[] hi = vMax[i];
    float sc = scale[i];
    for (int k = segFrom[s] * segRow[s]; k < segTo[s] * segRow[s]; k++) {
      float gk = g[k] * sc;
      mi[k] = (float) BETA1 * mi[k] + (float) (1 - BETA1) * gk;
      vi[k] = (float) BETA2 * vi[k] + (float) (1 - BETA2) * gk * gk;
      float denom = vi[k];
      if (ams) {
        hi[k] = Math.max(hi[k], vi[k]);
        denom = hi[k];
      }
      w[k] -= a * mi[k] / ((float) Math.sqrt(denom) + (float) EPSILON);
    }
    net.parametersChanged(i, segFrom[s], segTo[s]);
  }
}
