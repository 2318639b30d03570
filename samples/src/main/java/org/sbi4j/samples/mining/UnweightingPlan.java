package org.sbi4j.samples.mining;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The reduce between the two unweighting passes: the chunk sums added up, the checks, and how many
 * of each θ's draws fall into each chunk.
 *
 * <p>The draws of point k are split over the chunks by a multinomial draw with probabilities P_ck /
 * P_k, where P_ck = Σ_{e ∈ c} dσ_e⁺(θ_k) and P_k = Σ_c P_ck: each of the n_k draws picks chunk c
 * for a uniform u ∈ [0, P_k) falling into c's interval of the cumulative sums. Within a chunk,
 * events are then drawn with probability dσ_e⁺/P_ck, so every event has probability
 * (P_ck/P_k)(dσ_e⁺/P_ck) = dσ_e⁺/P_k per draw, and draws are independent: exactly the single
 * distribution over the whole source.
 *
 * @param total the sums over all chunks
 * @param chunkCounts draws per chunk and θ (chunks × M)
 * @param effectiveSampleSize per θ: P_k / max_e dσ_e⁺(θ_k)
 * @param negatives per θ: events with dσ_e ≤ 0
 */
public record UnweightingPlan(
    ChunkSums total,
    int[][] chunkCounts,
    double[] effectiveSampleSize,
    NegativeWeights[] negatives) {

  /**
   * Adds up {@code chunks} in order, checks the negative weights, and splits {@code counts} over
   * the chunks with a random stream seeded by {@code seed}.
   */
  public static UnweightingPlan of(
      double[][] thetas,
      int[] counts,
      List<ChunkSums> chunks,
      double maxNegativeFraction,
      long seed) {
    ChunkSums t = ChunkSums.total(chunks);
    int m = thetas.length;
    NegativeWeights[] negatives = new NegativeWeights[m];
    double[] ess = new double[m];
    for (int k = 0; k < m; k++) {
      if (counts[k] < 0) {
        throw new IllegalArgumentException("draw count " + counts[k] + " is negative");
      }
      negatives[k] =
          new NegativeWeights(
              t.negativeCount()[k],
              t.totalAbs()[k] > 0 ? t.negativeAbs()[k] / t.totalAbs()[k] : 0,
              "θ = " + Arrays.toString(thetas[k]));
      negatives[k].check(maxNegativeFraction);
      if (!(t.positive()[k] > 0) && counts[k] > 0) {
        throw new IllegalArgumentException(
            "no event has dσ_e(θ) > 0 at θ = "
                + Arrays.toString(thetas[k])
                + "; nothing can be drawn there");
      }
      ess[k] = t.positive()[k] > 0 ? t.positive()[k] / t.maxPositive()[k] : 0;
    }
    return new UnweightingPlan(t, split(counts, chunks, seed), ess, negatives);
  }

  /** Multinomial split of every θ's draws over the chunks. */
  private static int[][] split(int[] counts, List<ChunkSums> chunks, long seed) {
    int c = chunks.size();
    int m = counts.length;
    int[][] out = new int[c][m];
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] cum = new double[c];
    for (int k = 0; k < m; k++) {
      double s = 0;
      int lastPositive = -1;
      for (int j = 0; j < c; j++) {
        double p = chunks.get(j).positive()[k];
        s += p;
        cum[j] = s;
        lastPositive = p > 0 ? j : lastPositive;
      }
      for (int draw = 0; draw < counts[k]; draw++) {
        int j = firstAbove(cum, rng.nextDouble() * s);
        out[j < 0 ? lastPositive : j][k]++;
      }
    }
    return out;
  }

  /** The first index with cum[j] > u, or −1 (u rounded up to the total). */
  private static int firstAbove(double[] cum, double u) {
    int lo = 0;
    int hi = cum.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo < cum.length ? lo : -1;
  }
}
