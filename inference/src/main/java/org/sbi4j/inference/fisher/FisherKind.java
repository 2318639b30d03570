package org.sbi4j.inference.fisher;

import java.util.Arrays;
import java.util.Locale;

/** Which Fisher information (docs/math.md §4). */
public enum FisherKind {
  /** Truth level: joint score over the weighted events plus the rate term. */
  TRUTH,
  /** The rate term L ∂σ∂σ/σ alone. */
  RATE,
  /** Binned: Σ_k ∂ν_k ∂ν_k / ν_k of a 1D or 2D histogram. */
  HISTOGRAM,
  /** Detector level with SALLY's estimated score, plus the rate term. */
  SALLY,
  /** Detector level with a ratio model's score t̂(x|θ) at θ (ensembles: mean and covariance). */
  MODEL;

  /** Parses a lower-case name ("truth", "rate", "histogram", "sally", "model"). */
  public static FisherKind parse(String name) {
    for (FisherKind k : values()) {
      if (k.name().equalsIgnoreCase(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown Fisher kind '"
            + name
            + "'; use one of "
            + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
  }
}
