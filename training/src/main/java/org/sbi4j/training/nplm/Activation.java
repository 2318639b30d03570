package org.sbi4j.training.nplm;

/** Hidden-unit activations of an NPLM network; the output unit is always linear. */
public enum Activation {
  /** σ(z) = 1 / (1 + e^{−z}), σ' = σ(1 − σ); the NPLM authors' choice. */
  SIGMOID,
  /** tanh(z), tanh' = 1 − tanh². */
  TANH;

  /** The activation of {@code z}. */
  public double apply(double z) {
    return this == SIGMOID ? 1.0 / (1.0 + Math.exp(-z)) : Math.tanh(z);
  }

  /** The derivative expressed through the activation's output {@code a = apply(z)}. */
  public double derivativeFromOutput(double a) {
    return this == SIGMOID ? a * (1.0 - a) : 1.0 - a * a;
  }
}
