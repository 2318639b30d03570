package org.sbi4j.testing;

import java.util.Locale;

/**
 * Elementwise comparison of arrays, entry by entry with the same rule as JUnit's {@code
 * assertEquals(double, double, double)}: equal bit patterns (NaN included) or |expected − actual| ≤
 * tolerance. The arrays must have the same length.
 */
public final class AllClose {
  private AllClose() {}

  /** Fails unless every |expected[i] − actual[i]| ≤ tol. */
  public static void assertAllClose(
      double[] expected, double[] actual, double tol, String message) {
    check(expected, actual, tol, false, message);
  }

  /** Fails unless every |expected[i] − actual[i]| ≤ tol · max(1, |expected[i]|). */
  public static void assertAllCloseRelative(
      double[] expected, double[] actual, double tol, String message) {
    check(expected, actual, tol, true, message);
  }

  private static void check(
      double[] expected, double[] actual, double tol, boolean relative, String message) {
    if (expected.length != actual.length) {
      throw new AssertionError(
          String.format(
              Locale.ROOT,
              "%s: expected %d entries, got %d",
              message,
              expected.length,
              actual.length));
    }
    for (int i = 0; i < expected.length; i++) {
      double t = relative ? tol * Math.max(1, Math.abs(expected[i])) : tol;
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])
          && !(Math.abs(expected[i] - actual[i]) <= t)) {
        throw new AssertionError(
            String.format(
                Locale.ROOT,
                "%s: entry %d: expected %s, got %s (tolerance %s)",
                message,
                i,
                expected[i],
                actual[i],
                t));
      }
    }
  }
}
