package org.sbi4j.samples.mining;

import java.util.Locale;
import org.sbi4j.common.InvalidValueException;

/**
 * Events whose morphed weight dσ_e(θ) is not positive: they cannot be drawn and their joint ratio
 * is undefined.
 *
 * @param count number of such events
 * @param fraction Σ |dσ_e| of those events / Σ_e |dσ_e|
 * @param where the parameter point(s) checked, for messages
 */
public record NegativeWeights(long count, double fraction, String where)
    implements java.io.Serializable {
  /** Throws when {@code fraction} exceeds {@code maxFraction}. */
  public void check(double maxFraction) {
    if (fraction > maxFraction) {
      throw new InvalidValueException(
          "maxNegativeFraction",
          String.format(
              Locale.ROOT,
              "%d events with dσ_e(θ) ≤ 0 carry %.4g of Σ|dσ_e| at %s, more than the allowed %.4g; "
                  + "use θ inside the parameter ranges, a better basis, or raise "
                  + "the maximum negative fraction",
              count,
              fraction,
              where,
              maxFraction));
    }
  }
}
