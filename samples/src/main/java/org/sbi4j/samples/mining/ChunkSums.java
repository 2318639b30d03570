package org.sbi4j.samples.mining;

import java.io.Serializable;
import java.util.List;

/**
 * The first unweighting pass over one chunk of events (docs/math.md §2), for M parameter points:
 * what the reduce over chunks needs for σ(θ), the draw normalisation and the negative-weight
 * checks. Sums of chunks are taken in chunk order, so every runner gets the same totals.
 *
 * @param benchmarkSigma σ_b = Σ_e w_e(θ_b), one per benchmark (pb)
 * @param positive per θ: Σ_e dσ_e⁺(θ) with dσ⁺ = max(dσ, 0) (pb)
 * @param maxPositive per θ: max_e dσ_e⁺(θ) (pb)
 * @param negativeCount per θ: events with dσ_e(θ) ≤ 0
 * @param negativeAbs per θ: Σ |dσ_e(θ)| over those events (pb)
 * @param totalAbs per θ: Σ_e |dσ_e(θ)| (pb)
 */
public record ChunkSums(
    double[] benchmarkSigma,
    double[] positive,
    double[] maxPositive,
    long[] negativeCount,
    double[] negativeAbs,
    double[] totalAbs)
    implements Serializable {

  /** Zeros for B benchmarks and M points. */
  static ChunkSums zero(int benchmarks, int points) {
    return new ChunkSums(
        new double[benchmarks],
        new double[points],
        new double[points],
        new long[points],
        new double[points],
        new double[points]);
  }

  /** The sums over {@code chunks}, added in list order. */
  public static ChunkSums total(List<ChunkSums> chunks) {
    if (chunks.isEmpty()) {
      throw new IllegalArgumentException("no chunks to add up; the source has no events");
    }
    ChunkSums first = chunks.get(0);
    ChunkSums t = zero(first.benchmarkSigma.length, first.positive.length);
    for (ChunkSums c : chunks) {
      for (int b = 0; b < t.benchmarkSigma.length; b++) {
        t.benchmarkSigma[b] += c.benchmarkSigma[b];
      }
      for (int k = 0; k < t.positive.length; k++) {
        t.positive[k] += c.positive[k];
        t.maxPositive[k] = Math.max(t.maxPositive[k], c.maxPositive[k]);
        t.negativeCount[k] += c.negativeCount[k];
        t.negativeAbs[k] += c.negativeAbs[k];
        t.totalAbs[k] += c.totalAbs[k];
      }
    }
    return t;
  }
}
