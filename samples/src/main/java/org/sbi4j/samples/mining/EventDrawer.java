package org.sbi4j.samples.mining;

/**
 * Draws events with probability ∝ dσ_e⁺(θ) at several parameter points: an {@link Unweighter} over
 * an in-memory source, or the same chunked passes run as tasks over an event file ({@code
 * org.sbi4j.samples.steps.ChunkedAugment}).
 */
@FunctionalInterface
public interface EventDrawer {
  /**
   * @param thetas M parameter points (M × p)
   * @param counts draws per point (M), each ≥ 0
   * @param maxNegativeFraction fail when events with dσ_e(θ) ≤ 0 carry more than this fraction of
   *     Σ|dσ_e(θ)| at any θ
   * @param seed the seed
   */
  Draws draw(double[][] thetas, int[] counts, double maxNegativeFraction, long seed);

  /**
   * As {@link #draw(double[][], int[], double, long)} at the points (θ_k, ν_k), ν from {@code
   * shift} (null: ν = 0); the drawn events keep their nuisance weights. The default supports only a
   * null shift.
   */
  default Draws draw(
      double[][] thetas, NuisanceShift shift, int[] counts, double maxNegativeFraction, long seed) {
    if (shift != null) {
      throw new IllegalArgumentException("this event drawer cannot draw at nuisance values ν");
    }
    return draw(thetas, counts, maxNegativeFraction, seed);
  }

  /**
   * A drawer whose two draws are one function of the shift: the θ-only draw passes a null shift.
   */
  static EventDrawer shifted(Shifted body) {
    return new EventDrawer() {
      @Override
      public Draws draw(double[][] thetas, int[] counts, double maxNegativeFraction, long seed) {
        return body.draw(thetas, null, counts, maxNegativeFraction, seed);
      }

      @Override
      public Draws draw(
          double[][] thetas,
          NuisanceShift shift,
          int[] counts,
          double maxNegativeFraction,
          long seed) {
        return body.draw(thetas, shift, counts, maxNegativeFraction, seed);
      }
    };
  }

  /** The draw at the points (θ_k, ν_k) of a shift, or at θ_k alone when the shift is null. */
  @FunctionalInterface
  interface Shifted {
    Draws draw(
        double[][] thetas,
        NuisanceShift shift,
        int[] counts,
        double maxNegativeFraction,
        long seed);
  }
}
