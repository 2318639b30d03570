package org.sbi4j.morphing;

import java.util.Locale;

/**
 * One theory parameter (an EFT Wilson coefficient).
 *
 * @param name unique, non-blank name
 * @param lhaBlock LHA block of the coupling in the param card ("" when unknown)
 * @param lhaId LHA id inside the block (0 when unknown)
 * @param maxPower highest power of this parameter in dσ (2 for production, 4 for production ×
 *     decay)
 * @param min lower end of the physically interesting range
 * @param max upper end of the range, {@code > min}
 */
public record Parameter(
    String name, String lhaBlock, int lhaId, int maxPower, double min, double max) {
  public Parameter {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("parameter name is blank; give every parameter a name");
    }
    lhaBlock = lhaBlock == null ? "" : lhaBlock;
    if (maxPower < 0) {
      throw new IllegalArgumentException(
          "parameter '" + name + "': maxPower = " + maxPower + " must be >= 0");
    }
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "parameter '%s': range [%s, %s] must be finite with min < max",
              name,
              min,
              max));
    }
  }

  /** A parameter without LHA information. */
  public static Parameter of(String name, int maxPower, double min, double max) {
    return new Parameter(name, "", 0, maxPower, min, max);
  }

  /** True when {@code value} lies in [min, max]. */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }
}
