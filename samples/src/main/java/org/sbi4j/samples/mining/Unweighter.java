package org.sbi4j.samples.mining;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.Permutations;
import org.sbi4j.samples.EventSource;

/**
 * Unweighting (MATH.md §2): draws events with replacement with probability p_e(θ) =
 * dσ_e⁺(θ)/Σ_e' dσ_e'⁺(θ), where dσ⁺ = max(dσ, 0), for several θ at once.
 *
 * <p>Two streaming passes: the first sums dσ⁺ per θ (and counts non-positive events); then the
 * requested number of uniform points in [0, Σ dσ⁺) is drawn and sorted per θ, and the second pass
 * walks the cumulative sums, picking the event in whose interval each point falls. Memory: the
 * drawn events only. Same seed, same draws.
 */
public final class Unweighter {
  private final GoldMiner miner;

  public Unweighter(GoldMiner miner) {
    this.miner = miner;
  }

  /**
   * @param source events with effective weights (a {@link WeightedView})
   * @param thetas M parameter points (M × p)
   * @param counts draws per point (M), each ≥ 0
   * @param maxNegativeFraction fail when events with dσ_e(θ) ≤ 0 carry more than this fraction
   *     of Σ|dσ_e(θ)| at any θ
   */
  public Draws draw(EventSource source, double[][] thetas, int[] counts,
      double maxNegativeFraction, long seed) {
    if (thetas.length != counts.length || thetas.length == 0) {
      throw new IllegalArgumentException(thetas.length + " parameter points but "
          + counts.length + " draw counts");
    }
    int m = thetas.length;
    double[][] points = new double[m][];
    for (int k = 0; k < m; k++) {
      source.setup().checkTheta("theta", thetas[k]);
      points[k] = miner.morpher().weights(thetas[k]);
    }
    double[] positive = new double[m];
    double[] maxPositive = new double[m];
    long[] bad = new long[m];
    double[] badAbs = new double[m];
    double[] totalAbs = new double[m];
    int nb = source.setup().benchmarks().size();
    miner.forEachWeights(source, (from, count, w) -> {
      for (int i = 0; i < count; i++) {
        for (int k = 0; k < m; k++) {
          double d = dsigma(points[k], w, i * nb);
          totalAbs[k] += Math.abs(d);
          if (d > 0) {
            positive[k] += d;
            maxPositive[k] = Math.max(maxPositive[k], d);
          } else {
            bad[k]++;
            badAbs[k] -= d;
          }
        }
      }
    });
    NegativeWeights[] negatives = new NegativeWeights[m];
    double[] ess = new double[m];
    for (int k = 0; k < m; k++) {
      negatives[k] = new NegativeWeights(bad[k], totalAbs[k] > 0 ? badAbs[k] / totalAbs[k] : 0,
          "θ = " + Arrays.toString(thetas[k]));
      negatives[k].check(maxNegativeFraction);
      if (!(positive[k] > 0) && counts[k] > 0) {
        throw new IllegalArgumentException("no event has dσ_e(θ) > 0 at θ = "
            + Arrays.toString(thetas[k]) + "; nothing can be drawn there");
      }
      ess[k] = positive[k] > 0 ? positive[k] / maxPositive[k] : 0;
    }
    return secondPass(source, points, counts, positive, seed, ess, negatives);
  }

  /** dσ_e(θ) = Σ_b w_b(θ) W[row + b]. */
  static double dsigma(double[] morphing, double[] weights, int row) {
    double d = 0;
    for (int b = 0; b < morphing.length; b++) {
      d += morphing[b] * weights[row + b];
    }
    return d;
  }

  private Draws secondPass(EventSource source, double[][] points, int[] counts,
      double[] positive, long seed, double[] ess, NegativeWeights[] negatives) {
    int m = points.length;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 1));
    double[][] u = new double[m][];
    int total = 0;
    for (int k = 0; k < m; k++) {
      if (counts[k] < 0) {
        throw new IllegalArgumentException("draw count " + counts[k] + " is negative");
      }
      u[k] = new double[counts[k]];
      for (int j = 0; j < counts[k]; j++) {
        u[k][j] = rng.nextDouble() * positive[k];
      }
      Arrays.sort(u[k]);
      total = Math.addExact(total, counts[k]);
    }
    int d = source.observables().size();
    int nb = source.setup().benchmarks().size();
    Collected c = new Collected(total, d, nb);
    int[] next = new int[m];
    double[] cum = new double[m];
    miner.forEachChunk(source, (from, chunk) -> {
      double[] w = chunk.weights();
      int[] s = chunk.sampledFrom().orElse(null);
      for (int i = 0; i < chunk.size(); i++) {
        for (int k = 0; k < m; k++) {
          double dsig = dsigma(points[k], w, i * nb);
          if (dsig <= 0) {
            continue;
          }
          cum[k] += dsig;
          while (next[k] < u[k].length && u[k][next[k]] < cum[k]) {
            c.add(k, from + i, chunk, i, w, s);
            next[k]++;
          }
          if (next[k] < u[k].length) {
            c.remember(k, from + i, chunk, i, w, s);
          }
        }
      }
    });
    for (int k = 0; k < m; k++) {
      // rounding can leave points in [Σ from pass 2, Σ from pass 1): they belong to the last event
      while (next[k] < u[k].length) {
        c.addRemembered(k);
        next[k]++;
      }
    }
    return c.shuffled(source, Seeds.derive(seed, 2), ess, negatives);
  }

  /** The drawn rows, filled in stream order. */
  private static final class Collected {
    private final int d;
    private final int nb;
    private final double[] x;
    private final double[] w;
    private final int[] s;
    private final int[] theta;
    private final long[] event;
    private int size;
    private final java.util.Map<Integer, Object[]> last = new java.util.HashMap<>();

    Collected(int total, int d, int nb) {
      this.d = d;
      this.nb = nb;
      x = new double[total * d];
      w = new double[total * nb];
      s = new int[total];
      theta = new int[total];
      event = new long[total];
    }

    void add(int k, long index, EventSample chunk, int i, double[] weights, int[] sampled) {
      for (int j = 0; j < d; j++) {
        x[size * d + j] = chunk.x(i, j);
      }
      System.arraycopy(weights, i * nb, w, size * nb, nb);
      s[size] = sampled == null ? -1 : sampled[i];
      theta[size] = k;
      event[size] = index;
      size++;
    }

    void remember(int k, long index, EventSample chunk, int i, double[] weights, int[] sampled) {
      last.put(k, new Object[] {index, chunk.xRow(i), Arrays.copyOfRange(weights, i * nb,
          i * nb + nb), sampled == null ? -1 : sampled[i]});
    }

    void addRemembered(int k) {
      Object[] r = last.get(k);
      System.arraycopy((double[]) r[1], 0, x, size * d, d);
      System.arraycopy((double[]) r[2], 0, w, size * nb, nb);
      s[size] = (Integer) r[3];
      theta[size] = k;
      event[size] = (Long) r[0];
      size++;
    }

    Draws shuffled(EventSource source, long seed, double[] ess, NegativeWeights[] negatives) {
      int[] perm = Permutations.random(size, seed);
      EventSample all = EventSample.ofFeatures(source.observables(), x)
          .withWeights(source.setup(), w, s).select(perm);
      int[] th = new int[size];
      long[] ev = new long[size];
      for (int i = 0; i < size; i++) {
        th[i] = theta[perm[i]];
        ev[i] = event[perm[i]];
      }
      return new Draws(all, th, ev, ess, negatives);
    }
  }
}
