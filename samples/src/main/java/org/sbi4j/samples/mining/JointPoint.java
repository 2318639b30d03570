package org.sbi4j.samples.mining;

import org.sbi4j.morphing.NuisanceMorphing;

/**
 * Everything mining needs at one point (θ, ν) of the physics and nuisance parameters (docs/math.md
 * §7.3): the morphing weights w_b(θ) (B) and their gradients ∇w_b(θ) (p × B), ν (m), σ(θ,ν) = Σ_e
 * dσ_e(θ,ν) and its gradient over θ ⊕ ν (p + m).
 */
public record JointPoint(
    double[] theta,
    double[] nu,
    double[] weights,
    double[][] gradients,
    double sigma,
    double[] sigmaGradient)
    implements java.io.Serializable {

  /**
   * dσ_e(θ,ν) = dσ_e(θ) exp(Σ_j a_j ν_j + b_j ν_j²) of event {@code event} of {@code nm}, whose θ
   * benchmark weights start at {@code w[row]}; writes its gradient over θ ⊕ ν into {@code grad} (p
   * + m): ∇_θ dσ_e(θ) · factor, then dσ_e(θ,ν) (a_j + 2 b_j ν_j).
   */
  public double dsigma(double[] w, int row, NuisanceMorphing nm, int event, double[] grad) {
    int nb = weights.length;
    int p = theta.length;
    double d = 0;
    for (int b = 0; b < nb; b++) {
      d += weights[b] * w[row + b];
    }
    double f = Math.exp(nm.logFactor(event, nu));
    for (int k = 0; k < p; k++) {
      double[] g = gradients[k];
      double s = 0;
      for (int b = 0; b < nb; b++) {
        s += g[b] * w[row + b];
      }
      grad[k] = s * f;
    }
    double dn = d * f;
    for (int j = 0; j < nu.length; j++) {
      grad[p + j] = dn * (nm.a(event, j) + 2 * nm.b(event, j) * nu[j]);
    }
    return dn;
  }

  /** log[dσ/σ(θ,ν)]; dσ must be positive. */
  public double logDensity(double dsigma) {
    return Math.log(dsigma) - Math.log(sigma);
  }

  /** t = ∇dσ/dσ − ∇σ/σ over θ ⊕ ν into {@code out} at {@code offset}. */
  public void score(double dsigma, double[] grad, double[] out, int offset) {
    for (int k = 0; k < grad.length; k++) {
      out[offset + k] = grad[k] / dsigma - sigmaGradient[k] / sigma;
    }
  }

  /** θ ⊕ ν. */
  public double[] parameters() {
    double[] out = java.util.Arrays.copyOf(theta, theta.length + nu.length);
    System.arraycopy(nu, 0, out, theta.length, nu.length);
    return out;
  }
}
