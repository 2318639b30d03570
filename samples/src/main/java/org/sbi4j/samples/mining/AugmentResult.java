package org.sbi4j.samples.mining;

import java.util.List;
import org.sbi4j.samples.EventSample;

/**
 * A training sample and how it was drawn.
 *
 * @param sample rows with x and the method's columns
 * @param thetas the parameter points drawn at (the last one is θ1 for ratio samples)
 * @param effectiveSampleSize per point: 1 / max_e p_e
 * @param negatives per point: events with dσ_e(θ) ≤ 0 (never drawn)
 * @param nuisanceNames the nuisance parameters: the last entries of the sample's parameter names
 *     (its θ columns hold θ ⊕ ν, docs/math.md §7.4); empty without nuisances
 */
public record AugmentResult(
    EventSample sample,
    double[][] thetas,
    double[] effectiveSampleSize,
    NegativeWeights[] negatives,
    List<String> nuisanceNames) {
  public AugmentResult {
    nuisanceNames = List.copyOf(nuisanceNames);
  }

  /** A sample without nuisance parameters. */
  public AugmentResult(
      EventSample sample,
      double[][] thetas,
      double[] effectiveSampleSize,
      NegativeWeights[] negatives) {
    this(sample, thetas, effectiveSampleSize, negatives, List.of());
  }
}
