package org.sbi4j.morphing;

/**
 * A nuisance parameter ν in MadMiner's model (docs/math.md §7): the weights of the same events at ν
 * = +1 (and optionally at ν = −1) are stored as nuisance benchmarks; the constraint is N(ν; 0, 1).
 *
 * @param name unique, non-blank, different from every θ name
 * @param plusBenchmark the nuisance benchmark holding the weights at ν = +1
 * @param minusBenchmark the nuisance benchmark at ν = −1, or null for a one-sided nuisance
 */
public record NuisanceParameter(String name, String plusBenchmark, String minusBenchmark) {
  public NuisanceParameter {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a nuisance parameter has a blank name; name it");
    }
    if (plusBenchmark == null || plusBenchmark.isBlank()) {
      throw new IllegalArgumentException(
          "nuisance parameter '" + name + "' has no benchmark at ν = +1; give one");
    }
    if (plusBenchmark.equals(minusBenchmark)) {
      throw new IllegalArgumentException(
          "nuisance parameter '"
              + name
              + "' uses benchmark '"
              + plusBenchmark
              + "' for both ν = +1 and ν = −1; give two different benchmarks");
    }
  }

  /** Whether a benchmark at ν = −1 exists (then b_i ≠ 0 in general). */
  public boolean twoSided() {
    return minusBenchmark != null;
  }
}
