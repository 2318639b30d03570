package org.sbi4j.training.nplm;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.training.model.Activation;

/**
 * A dense network f: ℝ^d → ℝ with layer sizes {@code layers = [d, h_1, …, h_m, 1]}, hidden
 * activation {@code activation} and a linear output.
 *
 * <p>Flat parameter layout, layer by layer: the weight matrix W_l (n_out × n_in, row-major, so
 * entry (o, i) is at offset + o·n_in + i), then the bias b_l (n_out). Layer l maps a ↦ W_l a + b_l.
 *
 * @param layers layer sizes, at least two entries, all ≥ 1, the last one 1
 * @param activation hidden-unit activation
 */
public record NetworkShape(int[] layers, Activation activation) implements java.io.Serializable {
  public NetworkShape {
    if (layers == null || layers.length < 2) {
      throw new IllegalArgumentException(
          "network "
              + Arrays.toString(layers)
              + " needs at least an input and an output size, e.g. 1,4,1");
    }
    for (int n : layers) {
      if (n < 1) {
        throw new IllegalArgumentException(
            "network "
                + Arrays.toString(layers)
                + " has a layer of size "
                + n
                + "; every size must be ≥ 1");
      }
    }
    if (layers[layers.length - 1] != 1) {
      throw new IllegalArgumentException(
          "network " + Arrays.toString(layers) + " must end in one output unit, e.g. 1,4,1");
    }
    if (activation == null) {
      throw new IllegalArgumentException("activation is missing");
    }
    layers = layers.clone();
  }

  /** The NPLM default: sigmoid hidden units. */
  public static NetworkShape of(int... layers) {
    return new NetworkShape(layers, Activation.SIGMOID);
  }

  /** Parses "1,4,1". */
  public static NetworkShape parse(String text) {
    try {
      return of(
          Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "network '" + text + "' is not a comma-separated list of layer sizes such as 1,4,1", e);
    }
  }

  @Override
  public int[] layers() {
    return layers.clone();
  }

  /** Input dimension d. */
  public int inputs() {
    return layers[0];
  }

  /**
   * Why this network cannot take {@code problem}'s samples ("network … takes … inputs but the
   * samples have … columns"), or {@code null} when its input width is the samples' dimension.
   */
  String inputMismatch(NplmProblem problem) {
    return inputs() == problem.dimension()
        ? null
        : "network "
            + this
            + " takes "
            + inputs()
            + " inputs but the samples have "
            + problem.dimension()
            + " columns";
  }

  /** Number of weight layers (m + 1). */
  public int depth() {
    return layers.length - 1;
  }

  /** Widest layer, for scratch buffers. */
  public int maxWidth() {
    return Arrays.stream(layers).max().orElseThrow();
  }

  /** Offset of W_l in the flat parameter vector. */
  public int weightOffset(int l) {
    int off = 0;
    for (int k = 0; k < l; k++) {
      off += layers[k + 1] * (layers[k] + 1);
    }
    return off;
  }

  /** Offset of b_l in the flat parameter vector. */
  public int biasOffset(int l) {
    return weightOffset(l) + layers[l + 1] * layers[l];
  }

  /** Total number of trainable parameters. */
  public int parameterCount() {
    return weightOffset(depth());
  }

  /** True at the flat indices that hold weight-matrix entries (false at biases). */
  public boolean[] weightMask() {
    boolean[] mask = new boolean[parameterCount()];
    for (int l = 0; l < depth(); l++) {
      Arrays.fill(mask, weightOffset(l), biasOffset(l), true);
    }
    return mask;
  }

  /**
   * Glorot-uniform weights, U(−√(6/(n_in + n_out)), +√(6/(n_in + n_out))), and zero biases, drawn
   * from a generator seeded with {@code seed}.
   */
  public double[] initialParameters(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] p = new double[parameterCount()];
    for (int l = 0; l < depth(); l++) {
      double limit = Math.sqrt(6.0 / (layers[l] + layers[l + 1]));
      for (int k = weightOffset(l); k < biasOffset(l); k++) {
        p[k] = limit * (2.0 * rng.nextDouble() - 1.0);
      }
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkShape s
        && Arrays.equals(layers, s.layers)
        && activation == s.activation;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(layers) + activation.hashCode();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s(%s)",
        Arrays.toString(layers).replace(" ", ""),
        activation.name().toLowerCase(Locale.ROOT));
  }
}
