package org.sbi4j.samples.mining;

import org.sbi4j.samples.EventSample;

/**
 * A training sample and how it was drawn.
 *
 * @param sample rows with x and the method's columns
 * @param thetas the parameter points drawn at (the last one is θ1 for ratio samples)
 * @param effectiveSampleSize per point: 1 / max_e p_e
 * @param negatives per point: events with dσ_e(θ) ≤ 0 (never drawn)
 */
public record AugmentResult(
    EventSample sample,
    double[][] thetas,
    double[] effectiveSampleSize,
    NegativeWeights[] negatives) {}
