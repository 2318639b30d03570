package org.sbi4j.training.internal;

import java.util.Arrays;
import org.sbi4j.training.losses.BatchLoss;

/**
 * The batch layout of {@link FusedRatioNet#difference}, the difference form log r̂(x|θ0,θ1) = g(θ0,
 * x) − g(θ1, x) of a doubly parameterised network (docs/math.md §3.8): g runs on a block of 2 ×
 * half primal rows, (θ0, x) in the first half and (θ1, x) in the second, followed by p tangent
 * blocks of half rows, those of the θ0 half (no tangents are needed at θ1).
 */
final class DifferenceForm {
  private DifferenceForm() {}

  /**
   * Writes batch row r (θ0, θ1, x; {@code inputs} = 2p + d values) as network rows r = (θ0, x) and
   * half + r = (θ1, x) of {@code input} (rows of {@code width} values).
   */
  static void inputRows(float[] x, int inputs, int p, int r, int half, float[] input, int width) {
    int o = r * inputs;
    for (int c = 0; c < p; c++) {
      input[r * width + c] = x[o + c];
      input[(half + r) * width + c] = x[o + p + c];
    }
    for (int c = 2 * p; c < inputs; c++) {
      input[r * width + c - p] = x[o + c];
      input[(half + r) * width + c - p] = x[o + c];
    }
  }

  /**
   * The loss of the difference form from g's outputs {@code out} (primal block of 2 × half rows,
   * then p tangent blocks of half rows): log r̂ = g(θ0, x) − g(θ1, x) from the two halves, t̂ from
   * the θ0 half's tangents, evaluated by {@code loss} in the layout of one network (scratch {@code
   * diffOut}, {@code diffGrad}); ∂loss/∂log r̂ goes to the θ0 half's output and, negated, to the θ1
   * half's, ∂loss/∂t̂ to the tangent rows, into {@code gradOut}.
   */
  static double loss(
      BatchLoss loss,
      float[] out,
      float[] gradOut,
      float[] diffOut,
      float[] diffGrad,
      int p,
      int half,
      int rows,
      int divisor) {
    int bp = 2 * half;
    for (int r = 0; r < half; r++) {
      diffOut[r] = out[r] - out[half + r];
    }
    for (int k = 0; k < p; k++) {
      System.arraycopy(out, bp + k * half, diffOut, (1 + k) * half, half);
    }
    double l = loss.evaluate(diffOut, half, rows, divisor, diffGrad);
    Arrays.fill(gradOut, 0, bp + p * half, 0f);
    for (int r = 0; r < half; r++) {
      gradOut[r] = diffGrad[r];
      gradOut[half + r] = -diffGrad[r];
    }
    for (int k = 0; k < p; k++) {
      System.arraycopy(diffGrad, (1 + k) * half, gradOut, bp + k * half, half);
    }
    return l;
  }
}
