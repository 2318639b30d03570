package org.sbi4j.training.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Check;

/**
 * The weights of a fully connected network: hidden layers h = σ(a W + b) and a linear output layer.
 * Row-vector convention: an input row a (1 × in) maps to a W + b (1 × out).
 *
 * @param activation σ of the hidden layers
 * @param layers the dense layers, input first, output last (at least one hidden layer)
 */
public record Network(Activation activation, List<Dense> layers) implements java.io.Serializable {
  public Network {
    if (activation == null) {
      throw new IllegalArgumentException("network activation is missing");
    }
    layers = List.copyOf(layers);
    if (layers.size() < 2) {
      throw new IllegalArgumentException(
          "a network needs at least one hidden layer, got "
              + (layers.size() - 1)
              + "; set hiddenLayers to e.g. [100, 100, 100]");
    }
    for (int l = 1; l < layers.size(); l++) {
      if (layers.get(l).in() != layers.get(l - 1).out()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "layer %d has %d inputs but layer %d has %d outputs",
                l,
                layers.get(l).in(),
                l - 1,
                layers.get(l - 1).out()));
      }
    }
  }

  /**
   * One dense layer.
   *
   * @param in inputs
   * @param out outputs
   * @param w weights, in × out row-major
   * @param b biases, out
   */
  public record Dense(int in, int out, double[] w, double[] b) implements java.io.Serializable {
    public Dense {
      Check.positive("layer inputs", in);
      Check.positive("layer outputs", out);
      Check.length("weights", w, in * out);
      Check.length("biases", b, out);
      Check.finite("weights", w);
      Check.finite("biases", b);
      w = w.clone();
      b = b.clone();
    }

    @Override
    public double[] w() {
      return w.clone();
    }

    @Override
    public double[] b() {
      return b.clone();
    }

    /** w[i][j] without copying. */
    public double weight(int i, int j) {
      return w[i * out + j];
    }

    /** b[j] without copying. */
    public double bias(int j) {
      return b[j];
    }
  }

  /**
   * A freshly initialised network: Glorot-uniform weights U(−a, a), a = √(6/(in + out)), zero
   * biases, drawn from {@code seed}.
   *
   * @param inputs network inputs
   * @param hidden widths of the hidden layers (each ≥ 1)
   * @param outputs network outputs
   */
  public static Network initial(
      int inputs, List<Integer> hidden, int outputs, Activation activation, long seed) {
    if (hidden == null || hidden.isEmpty()) {
      throw new IllegalArgumentException(
          "hiddenLayers is empty; give at least one width, " + "e.g. [100, 100, 100]");
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    List<Dense> layers = new ArrayList<>();
    int in = inputs;
    List<Integer> widths = new ArrayList<>(hidden);
    widths.add(outputs);
    for (int width : widths) {
      Check.positive("hidden layer width", width);
      double a = Math.sqrt(6.0 / (in + width));
      double[] w = new double[in * width];
      for (int k = 0; k < w.length; k++) {
        w[k] = a * (2 * rng.nextDouble() - 1);
      }
      layers.add(new Dense(in, width, w, new double[width]));
      in = width;
    }
    return new Network(activation, layers);
  }

  /** Number of inputs. */
  public int inputs() {
    return layers.get(0).in();
  }

  /** Number of outputs. */
  public int outputs() {
    return layers.get(layers.size() - 1).out();
  }

  /** Widths of the hidden layers. */
  public List<Integer> hiddenWidths() {
    List<Integer> w = new ArrayList<>();
    for (int l = 0; l < layers.size() - 1; l++) {
      w.add(layers.get(l).out());
    }
    return w;
  }

  /** Number of weights and biases. */
  public long parameterCount() {
    long n = 0;
    for (Dense d : layers) {
      n += (long) d.in() * d.out() + d.out();
    }
    return n;
  }

  /**
   * Plain-Java forward pass of one input row (the oracle the ND4J training graph and {@link
   * NetworkEvaluator} are tested against).
   *
   * @return the outputs
   */
  public double[] forward(double[] input) {
    double[] a = input;
    for (int l = 0; l < layers.size(); l++) {
      Dense d = layers.get(l);
      double[] z = new double[d.out()];
      for (int j = 0; j < d.out(); j++) {
        double s = d.bias(j);
        for (int i = 0; i < d.in(); i++) {
          s += a[i] * d.weight(i, j);
        }
        z[j] = l < layers.size() - 1 ? activation.apply(s) : s;
      }
      a = z;
    }
    return a;
  }
}
