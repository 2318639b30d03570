package org.sbi4j.inference.likelihood;

import org.apache.commons.math3.special.Gamma;

/** The continuous Poisson log-probability log Pois(n|ν) = n log ν − ν − log Γ(n+1), n ≥ 0 real. */
final class PoissonTerm {
  private PoissonTerm() {}

  /** log Pois(n|ν); ν must be > 0 unless n = 0 (then log Pois = −ν). */
  static double logPoisson(double n, double nu) {
    if (n == 0) {
      return -nu;
    }
    return n * Math.log(nu) - nu - Gamma.logGamma(n + 1);
  }
}
