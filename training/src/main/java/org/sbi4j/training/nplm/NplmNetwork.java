package org.sbi4j.training.nplm;

import java.util.Locale;

/**
 * A trained f(x): a {@link NetworkShape} with its flat parameters (layout in NetworkShape).
 *
 * @param shape the network
 * @param parameters the parameters, {@code shape.parameterCount()} finite values
 */
public record NplmNetwork(NetworkShape shape, double[] parameters) implements java.io.Serializable {
  public NplmNetwork {
    if (parameters.length != shape.parameterCount()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s needs %d parameters, got %d",
              shape,
              shape.parameterCount(),
              parameters.length));
    }
    parameters = parameters.clone();
  }

  @Override
  public double[] parameters() {
    return parameters.clone();
  }

  /** f at one point x (d values). */
  public double f(double[] x) {
    return evaluate(x)[0];
  }

  /** f at every row of {@code x} (n × d, row-major); returns n values. */
  public double[] evaluate(double[] x) {
    int[] n = shape.layers();
    int d = n[0];
    if (x.length % d != 0) {
      throw new IllegalArgumentException(x.length + " values are not rows of " + d + " features");
    }
    int rows = x.length / d;
    double[] out = new double[rows];
    double[] cur = new double[shape.maxWidth()];
    double[] next = new double[shape.maxWidth()];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x, r * d, cur, 0, d);
      for (int l = 0; l < shape.depth(); l++) {
        int w = shape.weightOffset(l);
        int b = shape.biasOffset(l);
        for (int o = 0; o < n[l + 1]; o++) {
          double z = parameters[b + o];
          for (int i = 0; i < n[l]; i++) {
            z += parameters[w + o * n[l] + i] * cur[i];
          }
          next[o] = l < shape.depth() - 1 ? shape.activation().apply(z) : z;
        }
        double[] tmp = cur;
        cur = next;
        next = tmp;
      }
      out[r] = cur[0];
    }
    return out;
  }
}
