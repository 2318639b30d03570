package org.sbi4j.inference.limits;

/**
 * The 68 % and 95 % intervals of one parameter (from q = 1.00 and 3.84, k = 1).
 *
 * @param cl68 the 68.27 % interval
 * @param cl95 the 95 % interval
 */
public record Intervals(Interval cl68, Interval cl95) {
  public Intervals {
    if (cl68 == null || cl95 == null) {
      throw new IllegalArgumentException("both the 68 % and the 95 % interval are needed");
    }
  }
}
