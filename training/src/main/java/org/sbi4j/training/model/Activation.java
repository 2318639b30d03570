package org.sbi4j.training.model;

/**
 * Hidden-layer activations h = σ(z) with their derivatives expressed through h, as the forward-mode
 * tangents need them: ḣ = σ'(z) ⊙ ż.
 */
public enum Activation {
  /** σ(z) = tanh z, σ' = 1 − h². */
  TANH,
  /** σ(z) = 1/(1 + e^−z), σ' = h (1 − h). */
  SIGMOID;

  /** σ(z) for one value (the reference the graph is tested against). */
  public double apply(double z) {
    return this == TANH ? Math.tanh(z) : 1 / (1 + Math.exp(-z));
  }

  /** σ'(z) written through h = σ(z). */
  public double derivativeFromOutput(double h) {
    return this == TANH ? 1 - h * h : h * (1 - h);
  }
}
