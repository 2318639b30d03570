package org.sbi4j.inference.limits;

import java.util.Locale;

/**
 * A confidence interval [lower, upper] of one parameter. An end that reached the edge of the
 * scanned grid is flagged: the true interval extends further.
 *
 * @param lower lower end
 * @param upper upper end, ≥ lower
 * @param lowerAtEdge true when q stayed below the threshold down to the grid's lower edge
 * @param upperAtEdge true when q stayed below the threshold up to the grid's upper edge
 */
public record Interval(double lower, double upper, boolean lowerAtEdge, boolean upperAtEdge) {
  public Interval {
    if (!Double.isFinite(lower) || !Double.isFinite(upper) || upper < lower) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "interval [%s, %s] must be finite with lower <= upper", lower, upper));
    }
  }

  /** {lower, upper}. */
  public double[] bounds() {
    return new double[] {lower, upper};
  }

  public double width() {
    return upper - lower;
  }
}
