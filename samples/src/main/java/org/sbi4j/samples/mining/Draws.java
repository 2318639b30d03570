package org.sbi4j.samples.mining;

import org.sbi4j.samples.EventSample;

/**
 * Events drawn with probability dσ_e(θ)/σ⁺(θ) (unweighting), in random order.
 *
 * @param events the drawn events (features, effective weights, generating benchmark); repeats
 *     possible
 * @param thetaIndex for each drawn event, the index of the θ it was drawn at
 * @param eventIndex for each drawn event, its index in the source
 * @param effectiveSampleSize per θ: 1 / max_e p_e with p_e = dσ_e⁺(θ) / Σ_e dσ_e⁺(θ)
 * @param negatives per θ: the events with dσ_e(θ) ≤ 0, which are never drawn
 * @param benchmarkSigma σ_b = Σ_e w_e(θ_b) of the whole source (pb), from the first pass
 */
public record Draws(
    EventSample events,
    int[] thetaIndex,
    long[] eventIndex,
    double[] effectiveSampleSize,
    NegativeWeights[] negatives,
    double[] benchmarkSigma) {}
