package org.sbi4j.training.model;

import java.util.List;

/**
 * The float64 path of an {@link EvaluatorMember}: the network's dense layers as they are (weights
 * in × out row-major, biases, widths) and the activation, with the plain double forward pass that
 * carries the tangents ḣ_k = σ'(z) ⊙ ż_k along a few θ0 inputs (docs/math.md). Kept apart from the
 * member's float32 tiles, which share nothing with it but the layout of the results.
 *
 * @param w per layer, in × out weights, row-major
 * @param b per layer, out biases
 * @param in per layer, the input width
 * @param out per layer, the output width
 * @param tanh whether the hidden activation is tanh (else sigmoid)
 */
record Float64Layers(double[][] w, double[][] b, int[] in, int[] out, boolean tanh) {

  /** The layers of {@code net}, shared, not copied. */
  static Float64Layers of(Network net) {
    List<Network.Dense> layers = net.layers();
    int n = layers.size();
    double[][] w = new double[n][];
    double[][] b = new double[n][];
    int[] in = new int[n];
    int[] out = new int[n];
    for (int l = 0; l < n; l++) {
      Network.Dense dl = layers.get(l);
      w[l] = dl.w();
      b[l] = dl.b();
      in[l] = dl.in();
      out[l] = dl.out();
    }
    return new Float64Layers(w, b, in, out, net.activation() == Activation.TANH);
  }

  /** The widest layer output: the row length of the member's buffers. */
  int maxOut() {
    int width = 0;
    for (int o : out) {
      width = Math.max(width, o);
    }
    return width;
  }

  /**
   * The forward pass of one standardised input row: res[c] = output c, then res[1 + k] = the
   * tangent of log r̂ along input directions[k] (standardised θ units).
   */
  void forward(double[] input, int[] directions, double[][] dots, double[] res) {
    int tangents = directions.length;
    int last = w.length - 1;
    double[] a = input;
    double[][] nextDots = tangents > 0 ? new double[tangents][] : null;
    for (int l = 0; l <= last; l++) {
      double[] wl = w[l];
      double[] bl = b[l];
      int in = this.in[l];
      int out = this.out[l];
      double[] z = new double[out];
      for (int j = 0; j < out; j++) {
        double s = bl[j];
        for (int i = 0; i < in; i++) {
          s += a[i] * wl[i * out + j];
        }
        z[j] = s;
      }
      for (int k = 0; k < tangents; k++) {
        double[] zd = new double[out];
        if (l == 0) {
          // the input tangent e_{d_k} picks row d_k of W₁
          System.arraycopy(wl, directions[k] * out, zd, 0, out);
        } else {
          double[] dk = dots[k];
          for (int j = 0; j < out; j++) {
            double s = 0;
            for (int i = 0; i < in; i++) {
              s += dk[i] * wl[i * out + j];
            }
            zd[j] = s;
          }
        }
        nextDots[k] = zd;
      }
      if (l < last) {
        for (int j = 0; j < out; j++) {
          double h = tanh ? Math.tanh(z[j]) : 1 / (1 + Math.exp(-z[j]));
          double slope = tanh ? 1 - h * h : h * (1 - h);
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
}
