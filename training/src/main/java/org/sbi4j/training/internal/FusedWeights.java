package org.sbi4j.training.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.simd.DenseKernel;

/**
 * The parameters of a {@link FusedRatioNet} in its padded float32 layout, shared by the net and its
 * replicas: W₀, b₀, W₁, b₁, …, the output weights and bias (W_j row-major, in × out), every hidden
 * width padded to {@link DenseKernel#PAD} with weights that stay zero and the first layer's inputs
 * to a multiple of 4; and the transposes of the hidden weights after the first layer, which serve
 * δa_{j−1} = δz_j Wᵀ.
 */
final class FusedWeights {
  final int layers;

  /** Padded input width of each layer. */
  final int[] inW;

  /** Padded output width of each layer (the last layer's is the number of outputs, unpadded). */
  final int[] outW;

  /** True output width of each layer. */
  final int[] width;

  final float[][] params;
  final float[][] transposed;

  /**
   * @param net the architecture and initial weights
   * @param outputs the width of the output layer
   */
  FusedWeights(Network net, int outputs) {
    List<Network.Dense> dense = net.layers();
    layers = dense.size();
    inW = new int[layers];
    outW = new int[layers];
    width = new int[layers];
    for (int j = 0; j < layers; j++) {
      inW[j] = j == 0 ? (dense.get(0).in() + 3) / 4 * 4 : outW[j - 1];
      outW[j] = j == layers - 1 ? outputs : DenseKernel.padded(dense.get(j).out());
      width[j] = dense.get(j).out();
    }
    params = new float[2 * layers][];
    transposed = new float[layers][];
    for (int j = 0; j < layers; j++) {
      params[2 * j] = new float[inW[j] * outW[j]];
      params[2 * j + 1] = new float[outW[j]];
      if (j < layers - 1) {
        // Wᵀ serves δa_{j−1} = δz_j Wᵀ, which the first layer does not need.
        transposed[j] = j == 0 ? null : new float[inW[j] * outW[j]];
      }
    }
    load(net);
  }

  /** Overwrites the parameters with {@code net}'s weights. */
  void load(Network net) {
    for (int j = 0; j < layers; j++) {
      Network.Dense d = net.layers().get(j);
      float[] w = params[2 * j];
      float[] b = params[2 * j + 1];
      Arrays.fill(w, 0f);
      Arrays.fill(b, 0f);
      for (int i = 0; i < d.in(); i++) {
        for (int o = 0; o < d.out(); o++) {
          w[i * outW[j] + o] = (float) d.weight(i, o);
        }
      }
      for (int o = 0; o < d.out(); o++) {
        b[o] = (float) d.bias(o);
      }
    }
    parametersChanged();
  }

  /** The current weights as a {@link Network} (a copy). */
  Network toNetwork(Network shape) {
    List<Network.Dense> out = new ArrayList<>();
    for (int j = 0; j < layers; j++) {
      Network.Dense d = shape.layers().get(j);
      double[] w = new double[d.in() * d.out()];
      double[] b = new double[d.out()];
      for (int i = 0; i < d.in(); i++) {
        for (int o = 0; o < d.out(); o++) {
          w[i * d.out() + o] = params[2 * j][i * outW[j] + o];
        }
      }
      for (int o = 0; o < d.out(); o++) {
        b[o] = params[2 * j + 1][o];
      }
      out.add(new Network.Dense(d.in(), d.out(), w, b));
    }
    return new Network(shape.activation(), out);
  }

  /** Refreshes the transposed weights after the parameters changed. */
  void parametersChanged() {
    for (int j = 1; j < layers - 1; j++) {
      parametersChanged(2 * j, 0, inW[j]);
    }
  }

  /**
   * The length of one row of parameter array {@code array} ({@link #params} order): a weight
   * matrix's padded output width, a bias's length (one row).
   */
  int rowLength(int array) {
    return array % 2 == 0 ? outW[array / 2] : params[array].length;
  }

  /**
   * Refreshes what depends on rows {@code fromRow … toRow} of parameter array {@code array} after
   * they changed (their transposed copy, for the hidden weights after the first layer); arrays and
   * rows apart can be refreshed in parallel.
   */
  void parametersChanged(int array, int fromRow, int toRow) {
    int j = array / 2;
    if (array % 2 != 0 || j == 0 || j == layers - 1) {
      return;
    }
    float[] w = params[array];
    float[] t = transposed[j];
    for (int i = fromRow; i < toRow; i++) {
      for (int o = 0; o < outW[j]; o++) {
        t[o * inW[j] + i] = w[i * outW[j] + o];
      }
    }
  }
}
