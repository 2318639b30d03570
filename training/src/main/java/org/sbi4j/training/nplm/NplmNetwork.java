package org.sbi4j.training.nplm;

import java.util.Locale;

/**
 * A trained f(x): a {@link NetworkShape} with its flat parameters (layout in NetworkShape) acting
 * on standardised inputs; {@link #f} and {@link #evaluate} take raw x and standardise it first.
 *
 * @param shape the network
 * @param parameters the parameters, {@code shape.parameterCount()} finite values
 * @param input the standardisation applied to raw x before the first layer
 */
public record NplmNetwork(NetworkShape shape, double[] parameters, Standardization input)
    implements NplmModel {
  /** A network on raw inputs (no standardisation). */
  public NplmNetwork(NetworkShape shape, double[] parameters) {
    this(shape, parameters, Standardization.identity(shape.inputs()));
  }

  public NplmNetwork {
    if (input == null || input.dimension() != shape.inputs()) {
      throw new IllegalArgumentException(
          "the input standardisation must have one entry per network input ("
              + shape.inputs()
              + ")");
    }
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

  @Override
  public int dimension() {
    return shape.inputs();
  }

  @Override
  public double[] evaluate(double[] raw) {
    int[] n = shape.layers();
    int d = n[0];
    if (raw.length % d != 0) {
      throw new IllegalArgumentException(raw.length + " values are not rows of " + d + " features");
    }
    double[] x = input.apply(raw);
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
