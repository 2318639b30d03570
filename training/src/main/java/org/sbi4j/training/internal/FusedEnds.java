package org.sbi4j.training.internal;

import java.util.Arrays;

/**
 * The two ends of {@link FusedRatioNet}'s fused pass, as loops over the arrays they are given: the
 * input rows of a batch (the primal rows, then one block of tangent rows per θ0 direction seeded
 * with e_k), the output layer forward and backward (its weights' gradients and δa of the last
 * hidden layer), and SALLY's squared-error loss on the outputs. Rows at and after {@code bp} are
 * tangent rows: they get no bias and contribute no bias gradient.
 */
final class FusedEnds {
  private FusedEnds() {}

  /**
   * Fills the first {@code total} rows of {@code input} (row length {@code width}): the batch's
   * first {@code rows} rows (in the difference form, its θ0 and θ1 halves, see {@link
   * DifferenceForm#inputRows}), zero padding, and the tangent seeds 1 at input k of row r of block
   * k.
   */
  static void inputRows(
      FusedRatioNet.Labels batch,
      int rows,
      int p,
      int half,
      int bp,
      int tb,
      int total,
      boolean difference,
      float[] input,
      int width) {
    int inputs = batch.inputs;
    Arrays.fill(input, 0, total * width, 0f);
    for (int r = 0; r < rows; r++) {
      if (difference) {
        DifferenceForm.inputRows(batch.x, inputs, p, r, half, input, width);
      } else {
        for (int c = 0; c < inputs; c++) {
          input[r * width + c] = batch.x[r * inputs + c];
        }
      }
      for (int k = 0; k < p; k++) {
        input[(bp + k * tb + r) * width + k] = 1f;
      }
    }
  }

  /** out = prev w (+ bias on the rows before {@code bp}) for {@code total} rows, h in, q out. */
  static void output(
      float[] prev, float[] w, float[] bias, int total, int bp, int h, int q, float[] out) {
    for (int r = 0; r < total; r++) {
      int o = r * h;
      for (int c = 0; c < q; c++) {
        float s = 0;
        for (int i = 0; i < h; i++) {
          s += prev[o + i] * w[i * q + c];
        }
        out[r * q + c] = r < bp ? s + bias[c] : s;
      }
    }
  }

  /**
   * The output layer backward from {@code gradOut}: its weight gradient into {@code gw}, its bias
   * gradient (primal rows only) into {@code gb}, and δa = gradOut wᵀ of the last hidden layer into
   * {@code deltaA}. In the difference form the output bias cancels in g(θ0, x) − g(θ1, x): its
   * gradient is then exactly 0, not rounding.
   */
  static void outputBackward(
      float[] prev,
      float[] w,
      float[] gradOut,
      float[] gw,
      float[] gb,
      float[] deltaA,
      int total,
      int bp,
      int h,
      int q,
      boolean difference) {
    Arrays.fill(gw, 0f);
    Arrays.fill(gb, 0f);
    for (int r = 0; r < total; r++) {
      int o = r * h;
      for (int c = 0; c < q; c++) {
        float g = gradOut[r * q + c];
        for (int i = 0; i < h; i++) {
          gw[i * q + c] += prev[o + i] * g;
        }
        if (r < bp) {
          gb[c] += g;
        }
      }
      for (int i = 0; i < h; i++) {
        float s = 0;
        for (int c = 0; c < q; c++) {
          s += gradOut[r * q + c] * w[i * q + c];
        }
        deltaA[o + i] = s;
      }
    }
    if (difference) {
      Arrays.fill(gb, 0f);
    }
  }

  /**
   * SALLY's loss Σ_rows Σ_k (t̂_k − t_k)² / divisor of the q outputs {@code out}, and its gradient
   * 2 (t̂_k − t_k)/divisor into {@code gradOut} (0 on the padding rows up to {@code bp}).
   */
  static double squaredError(
      float[] out, double[] t, float[] gradOut, int q, int rows, int divisor, int bp) {
    Arrays.fill(gradOut, 0, bp * q, 0f);
    double sum = 0;
    for (int i = 0; i < rows * q; i++) {
      double e = out[i] - t[i];
      sum += e * e;
      gradOut[i] = (float) (2 * e / divisor);
    }
    return sum / divisor;
  }
}
