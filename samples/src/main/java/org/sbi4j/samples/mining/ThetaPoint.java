package org.sbi4j.samples.mining;

/**
 * Everything mining needs at one parameter point: morphing weights w_b(θ) (B), their gradients
 * ∇w_b(θ) (p × B), σ(θ) and ∇σ(θ) (p).
 */
public record ThetaPoint(
    double[] theta, double[] weights, double[][] gradients, double sigma, double[] sigmaGradient)
    implements java.io.Serializable {

  /** dσ_e(θ) = Σ_b w_b(θ) W[row + b]; writes ∇dσ_e(θ) into {@code grad}. */
  public double dsigma(double[] eventWeights, int row, double[] grad) {
    if (grad.length == 2) {
      return dsigma2(eventWeights, row, grad);
    }
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

  /** The two-parameter case in one sweep over the row (the common case, and the hot loop). */
  private double dsigma2(double[] w, int row, double[] grad) {
    double[] g0 = gradients[0];
    double[] g1 = gradients[1];
    double d = 0;
    double a = 0;
    double b = 0;
    for (int k = 0; k < weights.length; k++) {
      double v = w[row + k];
      d += weights[k] * v;
      a += g0[k] * v;
      b += g1[k] * v;
    }
    grad[0] = a;
    grad[1] = b;
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
