package org.sbi4j.samples.mining;

/**
 * Everything mining needs at one parameter point: morphing weights w_b(θ) (B), their gradients
 * ∇w_b(θ) (p × B), σ(θ) and ∇σ(θ) (p).
 */
public record ThetaPoint(double[] theta, double[] weights, double[][] gradients, double sigma,
    double[] sigmaGradient) {

  /** dσ_e(θ) = Σ_b w_b(θ) W[row + b]; writes ∇dσ_e(θ) into {@code grad}. */
  public double dsigma(double[] eventWeights, int row, double[] grad) {
    double d = 0;
    int nb = weights.length;
    for (int b = 0; b < nb; b++) {
      d += weights[b] * eventWeights[row + b];
    }
    for (int k = 0; k < grad.length; k++) {
      double[] g = gradients[k];
      double s = 0;
      for (int b = 0; b < nb; b++) {
        s += g[b] * eventWeights[row + b];
      }
      grad[k] = s;
    }
    return d;
  }

  /** dσ_e(θ) only. */
  public double dsigma(double[] eventWeights, int row) {
    double d = 0;
    for (int b = 0; b < weights.length; b++) {
      d += weights[b] * eventWeights[row + b];
    }
    return d;
  }

  /** log[dσ/σ(θ)]; dσ must be positive. */
  public double logDensity(double dsigma) {
    return Math.log(dsigma) - Math.log(sigma);
  }

  /** t = ∇dσ/dσ − ∇σ/σ into {@code out} at {@code offset}. */
  public void score(double dsigma, double[] grad, double[] out, int offset) {
    for (int k = 0; k < grad.length; k++) {
      out[offset + k] = grad[k] / dsigma - sigmaGradient[k] / sigma;
    }
  }
}
