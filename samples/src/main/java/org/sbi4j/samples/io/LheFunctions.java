package org.sbi4j.samples.io;

/**
 * The functions import expressions may call without a prefix (docs/math.md §11): pair kinematics of
 * particles and the usual mathematical functions. Public only because the expression language calls
 * them by reflection.
 */
public final class LheFunctions {
  private LheFunctions() {}

  /** |φ_a − φ_b| folded into [0, π]. */
  public static double deltaphi(LheParticle a, LheParticle b) {
    double d = Math.abs(a.phi() - b.phi());
    return d > Math.PI ? 2 * Math.PI - d : d;
  }

  /** |η_a − η_b|. */
  public static double deltaeta(LheParticle a, LheParticle b) {
    return Math.abs(a.eta() - b.eta());
  }

  /** ΔR = √(Δη² + Δφ²). */
  public static double deltar(LheParticle a, LheParticle b) {
    return Math.hypot(deltaeta(a, b), deltaphi(a, b));
  }

  /** Invariant mass of the particles' four-momentum sum. */
  public static double m(LheParticle... ps) {
    return sum(ps).m();
  }

  /** Transverse momentum of the particles' four-momentum sum. */
  public static double pt(LheParticle... ps) {
    return sum(ps).pt();
  }

  /** Pseudorapidity of the particles' four-momentum sum. */
  public static double eta(LheParticle... ps) {
    return sum(ps).eta();
  }

  /** Energy of the particles' four-momentum sum. */
  public static double e(LheParticle... ps) {
    return sum(ps).e();
  }

  private static LheParticle sum(LheParticle[] ps) {
    if (ps.length == 0) {
      throw new IllegalArgumentException("a function of particles needs at least one particle");
    }
    LheParticle s = ps[0];
    for (int k = 1; k < ps.length; k++) {
      s = s.plus(ps[k]);
    }
    return s;
  }

  public static double sqrt(double x) {
    return Math.sqrt(x);
  }

  public static double abs(double x) {
    return Math.abs(x);
  }

  public static double log(double x) {
    return Math.log(x);
  }

  public static double exp(double x) {
    return Math.exp(x);
  }

  public static double sin(double x) {
    return Math.sin(x);
  }

  public static double cos(double x) {
    return Math.cos(x);
  }

  public static double tan(double x) {
    return Math.tan(x);
  }

  public static double tanh(double x) {
    return Math.tanh(x);
  }

  public static double atan2(double y, double x) {
    return Math.atan2(y, x);
  }

  public static double pow(double x, double y) {
    return Math.pow(x, y);
  }

  public static double min(double a, double b) {
    return Math.min(a, b);
  }

  public static double max(double a, double b) {
    return Math.max(a, b);
  }
}
