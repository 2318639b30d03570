package org.sbi4j.common;

/**
 * Derives independent child seeds from a run's root seed, so that toy {@code k}, ensemble member
 * {@code k} or event chunk {@code k} gets the same seed whichever runner executes it.
 *
 * <p>Uses the SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014), a bijection on 64-bit
 * values with full avalanche, applied to the root mixed with each path element in turn.
 */
public final class Seeds {
  private Seeds() {}

  /** The child seed at {@code path} below {@code root}; deterministic and order-sensitive. */
  public static long derive(long root, long... path) {
    long z = mix(root);
    for (long p : path) {
      z = mix(z ^ mix(p + 0x9E3779B97F4A7C15L));
    }
    return z;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
