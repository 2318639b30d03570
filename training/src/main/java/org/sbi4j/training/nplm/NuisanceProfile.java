package org.sbi4j.training.nplm;

import java.util.Arrays;

/**
 * The nuisance part of the extended NPLM loss for fixed f (docs/math.md §5.11): with ℓ(x; ν) = ν_N
 * + Σ_s (ν_s δ_{s,1}(x) + ν_s² δ_{s,2}(x)),
 *
 * <p>L(ν) = Σ_R w_R (e^{f + ℓ} − 1) − Σ_D w_D (f + ℓ) + ½ Σ_a [(ν_a − ν⁰_a)² − (ν⁰_a)²]/σ_a²,
 *
 * <p>minimised over ν by damped Newton steps (a few nuisances, closed-form gradient and Hessian).
 */
final class NuisanceProfile {
  /** Newton steps at most. */
  static final int MAX_NEWTON = 100;

  private final boolean norm;
  private final double[] sigma;
  private final int shapes;
  private final double[] wR;
  private final double[] wD;
  private final double[][][] dR;
  private final double[][][] dD;

  /** The profile of {@code problem} (raw x) under {@code model}. */
  NuisanceProfile(NplmProblem problem, NuisanceModel model) {
    norm = model.hasNorm();
    sigma = model.sigmas();
    shapes = model.shapeSigmas().length;
    wR = problem.referenceWeights();
    wD = problem.dataWeights();
    ReferenceVariation v = model.variation();
    dR = v == null ? new double[0][][] : v.deltas(problem.reference());
    dD = v == null ? new double[0][][] : v.deltas(problem.data());
  }

  int count() {
    return sigma.length;
  }

  /** ℓ(x_i; ν) of every reference row. */
  double[] referenceLogRatio(double[] nu) {
    double[] out = new double[wR.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = logRatio(dR, i, nu);
    }
    return out;
  }

  /** w_R e^{ℓ(x; ν)} of every reference row. */
  double[] referenceWeights(double[] nu) {
    double[] out = referenceLogRatio(nu);
    for (int i = 0; i < out.length; i++) {
      out[i] = wR[i] * Math.exp(out[i]);
    }
    return out;
  }

  private double logRatio(double[][][] d, int i, double[] nu) {
    int a = 0;
    double l = norm ? nu[a++] : 0;
    for (int s = 0; s < shapes; s++, a++) {
      l += nu[a] * (d[s][0][i] + nu[a] * d[s][1][i]);
    }
    return l;
  }

  /**
   * min over ν of L(ν) for f given at every reference row (fR) and data row (fD), or f ≡ 0 when
   * they are null. {@code nu} is the start and receives ν̂; returns L(ν̂).
   */
  double minimize(double[] fR, double[] fD, double[] nu, double[] aux) {
    int p = sigma.length;
    double[] g = new double[p];
    double[] h = new double[p * p];
    double value = evaluate(fR, fD, nu, aux, g, h);
    double[] g2 = new double[p];
    double[] h2 = new double[p * p];
    double[] trial = new double[p];
    for (int it = 0; it < MAX_NEWTON; it++) {
      double[] step = newtonStep(g, h);
      double decrement = 0;
      for (int a = 0; a < p; a++) {
        decrement -= g[a] * step[a];
      }
      if (!(decrement > 1e-15 * (1 + Math.abs(value)))) {
        break;
      }
      double s = 1;
      double next = Double.NaN;
      for (int back = 0; back < 60; back++) {
        for (int a = 0; a < p; a++) {
          trial[a] = nu[a] + s * step[a];
        }
        next = evaluate(fR, fD, trial, aux, g2, h2);
        if (next <= value - 1e-4 * s * decrement) {
          break;
        }
        s /= 2;
      }
      if (!(next < value)) {
        break;
      }
      System.arraycopy(trial, 0, nu, 0, p);
      value = next;
      double[] tg = g;
      g = g2;
      g2 = tg;
      double[] th = h;
      h = h2;
      h2 = th;
    }
    return value;
  }

  /** −H⁻¹ g, with H shifted by a multiple of the identity until it is positive definite. */
  private static double[] newtonStep(double[] g, double[] h) {
    int p = g.length;
    double shift = 0;
    double scale = 0;
    for (int a = 0; a < p; a++) {
      scale = Math.max(scale, Math.abs(h[a * p + a]));
    }
    for (int attempt = 0; attempt < 60; attempt++) {
      double[] m = h.clone();
      for (int a = 0; a < p; a++) {
        m[a * p + a] += shift;
      }
      try {
        DenseCholesky chol = new DenseCholesky(m, p);
        double[] step = g.clone();
        chol.solve(step);
        for (int a = 0; a < p; a++) {
          step[a] = -step[a];
        }
        return step;
      } catch (IllegalArgumentException e) {
        shift = shift == 0 ? 1e-8 * Math.max(scale, 1) : shift * 10;
      }
    }
    double[] step = g.clone();
    for (int a = 0; a < p; a++) {
      step[a] = -step[a] / Math.max(scale, 1);
    }
    return step;
  }

  /** L(ν) with its gradient g and Hessian h (p × p). */
  double evaluate(double[] fR, double[] fD, double[] nu, double[] aux, double[] g, double[] h) {
    int p = sigma.length;
    Arrays.fill(g, 0);
    Arrays.fill(h, 0);
    double[] dl = new double[p];
    double[] d2 = new double[p];
    double value = 0;
    for (int i = 0; i < wR.length; i++) {
      double l = derivatives(dR, i, nu, dl, d2);
      double e = wR[i] * Math.exp((fR == null ? 0 : fR[i]) + l);
      value += e - wR[i];
      for (int a = 0; a < p; a++) {
        g[a] += e * dl[a];
        h[a * p + a] += e * d2[a];
        for (int b = 0; b <= a; b++) {
          h[a * p + b] += e * dl[a] * dl[b];
        }
      }
    }
    for (int i = 0; i < wD.length; i++) {
      double l = derivatives(dD, i, nu, dl, d2);
      value -= wD[i] * ((fD == null ? 0 : fD[i]) + l);
      for (int a = 0; a < p; a++) {
        g[a] -= wD[i] * dl[a];
        h[a * p + a] -= wD[i] * d2[a];
      }
    }
    for (int a = 0; a < p; a++) {
      double s2 = sigma[a] * sigma[a];
      value += 0.5 * ((nu[a] - aux[a]) * (nu[a] - aux[a]) - aux[a] * aux[a]) / s2;
      g[a] += (nu[a] - aux[a]) / s2;
      h[a * p + a] += 1 / s2;
      for (int b = 0; b < a; b++) {
        h[b * p + a] = h[a * p + b];
      }
    }
    return value;
  }

  /** ℓ at row i, its first derivatives dl and (diagonal) second derivatives d2 in ν. */
  private double derivatives(double[][][] d, int i, double[] nu, double[] dl, double[] d2) {
    int a = 0;
    double l = 0;
    if (norm) {
      l = nu[0];
      dl[0] = 1;
      d2[0] = 0;
      a = 1;
    }
    for (int s = 0; s < shapes; s++, a++) {
      double d1 = d[s][0][i];
      double q = d[s][1][i];
      l += nu[a] * (d1 + nu[a] * q);
      dl[a] = d1 + 2 * nu[a] * q;
      d2[a] = 2 * q;
    }
    return l;
  }
}
