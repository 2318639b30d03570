package org.sbi4j.inference.diagnostics;

/**
 * The ratio closure at one θ0 (docs/math.md §10.1): E_{x~θ1}[r̂(x|θ0,θ1)] and E_{x~θ0}[1/r̂], both
 * 1 for the exact ratio.
 *
 * @param theta0 θ0
 * @param meanR the weighted mean of r̂ over x ~ θ1
 * @param meanInvR the weighted mean of 1/r̂ over x ~ θ0
 * @param pull the larger in size of (meanR − 1)/s.e. and (meanInvR − 1)/s.e., signed
 * @param flagged whether |pull| exceeds {@value #THRESHOLD}
 */
public record ClosurePoint(
    double[] theta0, WeightedMean meanR, WeightedMean meanInvR, double pull, boolean flagged) {
  /** Pulls beyond this many standard errors fail the closure. */
  public static final double THRESHOLD = 3;

  public ClosurePoint {
    theta0 = theta0.clone();
  }

  /** The point at θ0 from the two means. */
  static ClosurePoint of(double[] theta0, WeightedMean r, WeightedMean inv) {
    double pr = r.pull(1);
    double pi = inv.pull(1);
    double pull = Math.abs(pr) >= Math.abs(pi) ? pr : pi;
    return new ClosurePoint(theta0, r, inv, pull, Math.abs(pull) > THRESHOLD);
  }

  @Override
  public double[] theta0() {
    return theta0.clone();
  }

  /** The largest of |meanR − 1| and |meanInvR − 1|: the closure error. */
  public double error() {
    return Math.max(Math.abs(meanR.mean() - 1), Math.abs(meanInvR.mean() - 1));
  }
}
