package org.sbi4j.training.internal;

import java.util.List;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Network;

/** Plain-Java oracle: forward pass with tangents and the losses of docs/math.md §3, row by row. */
final class NaiveNetwork {
  private NaiveNetwork() {}

  /** The graph's parameter variables of {@code net} in layer order: w0, b0, w1, b1, .... */
  static String[] parameterNames(Network net) {
    int layers = net.layers().size();
    String[] names = new String[2 * layers];
    for (int l = 0; l < layers; l++) {
      names[2 * l] = Graphs.weightName(l);
      names[2 * l + 1] = Graphs.biasName(l);
    }
    return names;
  }

  /** {log r̂, t̂_0, ..., t̂_{p-1}} of one input row (θ first), by explicit tangent loops. */
  static double[] forwardWithTangents(Network net, double[] input, int p) {
    List<Network.Dense> layers = net.layers();
    double[] a = input;
    double[][] ad = new double[p][input.length];
    for (int k = 0; k < p; k++) {
      ad[k][k] = 1;
    }
    for (int l = 0; l < layers.size(); l++) {
      Network.Dense d = layers.get(l);
      boolean last = l == layers.size() - 1;
      double[] h = new double[d.out()];
      double[][] hd = new double[p][d.out()];
      for (int j = 0; j < d.out(); j++) {
        double z = d.bias(j);
        for (int i = 0; i < d.in(); i++) {
          z += a[i] * d.weight(i, j);
        }
        h[j] = last ? z : net.activation().apply(z);
        double slope = last ? 1 : net.activation().derivativeFromOutput(h[j]);
        for (int k = 0; k < p; k++) {
          double zd = 0;
          for (int i = 0; i < d.in(); i++) {
            zd += ad[k][i] * d.weight(i, j);
          }
          hd[k][j] = slope * zd;
        }
      }
      a = h;
      ad = hd;
    }
    double[] out = new double[1 + p];
    out[0] = a[0];
    for (int k = 0; k < p; k++) {
      out[1 + k] = ad[k][0];
    }
    return out;
  }

  /** The loss of one row (docs/math.md §3), with the clipping of the graph. */
  static double rowLoss(
      RatioLoss loss,
      double logRHat,
      double[] tHat,
      double y,
      double logR,
      double[] t,
      double alpha,
      double clip) {
    double lr = Math.max(-clip, Math.min(clip, logRHat));
    double lt = Math.max(-clip, Math.min(clip, logR));
    double sHat = 1 / (1 + Math.exp(lr));
    double v =
        switch (loss) {
          case CARL, CASCAL -> -(y * Math.log(sHat) + (1 - y) * Math.log(1 - sHat));
          case ALICE, ALICES -> {
            double s = 1 / (1 + Math.exp(lt));
            yield -(s * Math.log(sHat) + (1 - s) * Math.log(1 - sHat));
          }
          case ROLR, RASCAL ->
              y * sq(Math.exp(lr) - Math.exp(lt)) + (1 - y) * sq(Math.exp(-lr) - Math.exp(-lt));
        };
    if (loss.usesScore()) {
      double s2 = 0;
      for (int k = 0; k < t.length; k++) {
        s2 += sq(tHat[k] - t[k]);
      }
      v += alpha * (1 - y) * s2;
    }
    return v;
  }

  static double sq(double v) {
    return v * v;
  }
}
