package org.sbi4j.inference.likelihood;

import java.util.List;
import org.sbi4j.inference.likelihood.ProfiledLikelihood.Fit;

/**
 * The warm start of {@link ProfiledLikelihood}'s fits: looking a θ up among the fits made before,
 * picking the three nearest of them, and moving the nearest fit's ν̂̂ along the line (or, for one θ
 * parameter, the parabola) through them to the new θ. Only the free nuisance parameters move; fixed
 * ones keep their value exactly.
 */
final class WarmStart {
  private WarmStart() {}

  /** The fit at exactly θ among {@code known}, or null. */
  static Fit find(double[] theta, List<Fit> known) {
    for (Fit f : known) {
      if (distance2(f.theta(), theta) == 0) {
        return f;
      }
    }
    return null;
  }

  /**
   * The three fits of {@code known} nearest to θ, nearest first (null where there are fewer); the
   * first fit at exactly θ, when there is one, comes first.
   */
  static Fit[] nearest(double[] theta, List<Fit> known) {
    Fit[] nearest = new Fit[3];
    double[] d2 = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (Fit f : known) {
      double d = distance2(f.theta(), theta);
      if (d == 0) {
        nearest[0] = f;
        return nearest;
      }
      for (int r = 0; r < 3; r++) {
        if (d < d2[r]) {
          for (int q = 2; q > r; q--) {
            nearest[q] = nearest[q - 1];
            d2[q] = d2[q - 1];
          }
          nearest[r] = f;
          d2[r] = d;
          break;
        }
      }
    }
    return nearest;
  }

  /**
   * The start at θ: ν̂̂ of the nearest fit, moved along the line through the two nearest fits
   * (linear inter- or extrapolation of ν̂̂(θ), at most 1.5 of their spacing beyond the nearest);
   * for one θ parameter, with a third fit at most three spacings away, along the parabola through
   * the three (quadratic inter- or extrapolation). Only the entries {@code free} move.
   */
  static double[] startFrom(double[] theta, Fit[] nearest, int[] free) {
    Fit near = nearest[0];
    Fit second = nearest[1];
    double[] nu = near.nu();
    if (second == null) {
      return nu;
    }
    double[] t0 = near.theta();
    double[] t1 = second.theta();
    double[] nu0 = near.nu();
    double[] nu1 = second.nu();
    double dd = distance2(t1, t0);
    double t = 0;
    for (int i = 0; i < theta.length; i++) {
      t += (theta[i] - t0[i]) * (t1[i] - t0[i]);
    }
    t /= dd;
    if (!(Math.abs(t) <= 1.5)) {
      return nu;
    }
    Fit third = nearest[2];
    if (theta.length == 1 && third != null && distance2(third.theta(), t0) <= 9 * dd) {
      double x = theta[0];
      double x0 = t0[0];
      double x1 = t1[0];
      double x2 = third.theta()[0];
      double l0 = (x - x1) * (x - x2) / ((x0 - x1) * (x0 - x2));
      double l1 = (x - x0) * (x - x2) / ((x1 - x0) * (x1 - x2));
      double l2 = (x - x0) * (x - x1) / ((x2 - x0) * (x2 - x1));
      if (Double.isFinite(l0 + l1 + l2)) {
        double[] nu2 = third.nu();
        for (int j : free) { // fixed ones keep their value exactly
          nu[j] = l0 * nu0[j] + l1 * nu1[j] + l2 * nu2[j];
        }
        return nu;
      }
    }
    for (int j : free) {
      nu[j] += t * (nu1[j] - nu0[j]);
    }
    return nu;
  }

  static double distance2(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      double u = a[i] - b[i];
      d += u * u;
    }
    return d;
  }
}
