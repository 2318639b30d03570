package org.sbi4j.training.nplm;

import org.sbi4j.training.model.Activation;

/** An independent, deliberately simple oracle for the NPLM network and loss (tests only). */
final class NaiveNplm {
  private NaiveNplm() {}

  /** f(x) by explicit matrix-vector products, unpacking the flat layout from first principles. */
  static double f(int[] layers, Activation act, double[] p, double[] x) {
    double[] a = x.clone();
    int off = 0;
    for (int l = 0; l + 1 < layers.length; l++) {
      int nin = layers[l];
      int nout = layers[l + 1];
      double[][] w = new double[nout][nin];
      for (int o = 0; o < nout; o++) {
        for (int i = 0; i < nin; i++) {
          w[o][i] = p[off++];
        }
      }
      double[] z = new double[nout];
      for (int o = 0; o < nout; o++) {
        z[o] = p[off++];
        for (int i = 0; i < nin; i++) {
          z[o] += w[o][i] * a[i];
        }
        if (l + 2 < layers.length) {
          z[o] = act == Activation.SIGMOID ? 1 / (1 + Math.exp(-z[o])) : Math.tanh(z[o]);
        }
      }
      a = z;
    }
    return a[0];
  }

  /** L = Σ_R w_R (e^f − 1) − Σ_D w_D f. */
  static double loss(
      int[] layers, Activation act, double[] p, double[][] ref, double wr, double[][] data) {
    double sum = 0;
    for (double[] x : ref) {
      sum += wr * (Math.exp(f(layers, act, p, x)) - 1);
    }
    for (double[] x : data) {
      sum -= f(layers, act, p, x);
    }
    return sum;
  }
}
