package org.sbi4j.common;

import java.util.Locale;

/**
 * Boundary checks that fail with an {@link InvalidValueException} naming the argument, the bad
 * value and, where there is one, the fix. Never returns a silently corrected value.
 */
public final class Check {
  private Check() {}

  /** Throws unless every entry of {@code values} is finite. */
  public static void finite(String name, double[] values) {
    if (values == null) {
      throw new InvalidValueException(name, name + " is missing");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new InvalidValueException(
            name, String.format(Locale.ROOT, "%s[%d] = %s is not finite", name, i, values[i]));
      }
    }
  }

  /** Throws unless every entry of the rectangular matrix {@code values} is finite. */
  public static void finite(String name, double[][] values) {
    if (values == null) {
      throw new InvalidValueException(name, name + " is missing");
    }
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < values[i].length; j++) {
        if (!Double.isFinite(values[i][j])) {
          throw new InvalidValueException(
              name,
              String.format(
                  Locale.ROOT, "%s[%d][%d] = %s is not finite", name, i, j, values[i][j]));
        }
      }
    }
  }

  /** Throws unless {@code value} is finite. */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidValueException(name, name + " = " + value + " is not finite");
    }
    return value;
  }

  /** Throws unless {@code value > 0} and finite. */
  public static double positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new InvalidValueException(name, name + " = " + value + " must be positive and finite");
    }
    return value;
  }

  /**
   * The largest integrated luminosity accepted, in pb⁻¹ (10¹² pb⁻¹ = 10⁹ fb⁻¹, some 10⁵ times the
   * High-Luminosity LHC's 3·10⁶ pb⁻¹): far above any real data set, far below where the expected
   * event counts (weights × L) overflow.
   */
  public static final double MAX_LUMINOSITY = 1e12;

  /** Throws unless {@code luminosity} (pb⁻¹) is positive, finite and at most MAX_LUMINOSITY. */
  public static double luminosity(double luminosity) {
    positive("luminosity", luminosity);
    if (luminosity > MAX_LUMINOSITY) {
      throw new InvalidValueException(
          "luminosity",
          String.format(
              Locale.ROOT,
              "luminosity = %s pb⁻¹ is beyond the limit of %s pb⁻¹ (the HL-LHC collects 3e6"
                  + " pb⁻¹); give the integrated luminosity in pb⁻¹",
              luminosity,
              MAX_LUMINOSITY));
    }
    return luminosity;
  }

  /** Throws unless {@code value > 0}. */
  public static int positive(String name, int value) {
    if (value <= 0) {
      throw new InvalidValueException(name, name + " = " + value + " must be positive");
    }
    return value;
  }

  /** Throws unless {@code value >= 0}. */
  public static int nonNegative(String name, int value) {
    if (value < 0) {
      throw new InvalidValueException(name, name + " = " + value + " must not be negative");
    }
    return value;
  }

  /** Throws unless {@code values.length == expected}. */
  public static void length(String name, double[] values, int expected) {
    if (values == null) {
      throw new InvalidValueException(name, name + " is missing");
    }
    if (values.length != expected) {
      throw new InvalidValueException(
          name,
          String.format(
              Locale.ROOT,
              "%s has %d entries but %d are needed (one per parameter)",
              name,
              values.length,
              expected));
    }
  }

  /** Throws unless {@code values} is rectangular with {@code columns} columns; returns its rows. */
  public static int rectangular(String name, double[][] values, int columns) {
    if (values == null) {
      throw new InvalidValueException(name, name + " is missing");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null || values[i].length != columns) {
        throw new InvalidValueException(
            name,
            String.format(
                Locale.ROOT,
                "%s row %d has %s columns but %d are expected",
                name,
                i,
                values[i] == null ? "no" : String.valueOf(values[i].length),
                columns));
      }
    }
    return values.length;
  }

  /** Deep copy of a rectangular matrix. */
  public static double[][] copy(double[][] values) {
    double[][] out = new double[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].clone();
    }
    return out;
  }

  /** Deep copy of an integer matrix. */
  public static int[][] copy(int[][] values) {
    int[][] out = new int[values.length][];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].clone();
    }
    return out;
  }
}
