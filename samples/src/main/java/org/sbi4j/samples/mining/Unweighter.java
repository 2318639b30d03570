package org.sbi4j.samples.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSource;

/**
 * Unweighting (docs/math.md §2): draws events with replacement with probability p_e(θ) =
 * dσ_e⁺(θ)/Σ_e' dσ_e'⁺(θ), where dσ⁺ = max(dσ, 0), for several θ at once.
 *
 * <p>The source is cut into chunks of consecutive events, and the work runs in two passes of
 * independent per-chunk steps, so that the same steps run as tasks on any runner ({@code
 * org.sbi4j.samples.steps.ChunkedAugment}) with identical results:
 *
 * <ol>
 *   <li>{@link #sums}: per chunk, Σ dσ⁺ per θ, σ_b and the negative-weight counts;
 *   <li>{@link UnweightingPlan#of}: the reduce, and a multinomial split of each θ's draws over the
 *       chunks (seed {@code derive(seed, 1)});
 *   <li>{@link #drawChunk}: per chunk c, its share of uniform points in [0, P_ck), sorted, located
 *       on the chunk's cumulative sums (seed {@code derive(seed, 3, c)});
 *   <li>{@link #combine}: the chunks' draws in chunk order, shuffled (seed {@code derive(seed,
 *       2)}).
 * </ol>
 *
 * Memory: one chunk's reading buffer and the drawn events. Same seed and chunking, same draws.
 */
public final class Unweighter {
  /** Events per chunk (and per task) by default. */
  public static final int EVENTS_PER_CHUNK = 1 << 20;

  private final GoldMiner miner;

  public Unweighter(GoldMiner miner) {
    this.miner = miner;
  }

  /** As {@link #draw(EventSource, double[][], int[], double, long, int)} in default chunks. */
  public Draws draw(
      EventSource source, double[][] thetas, int[] counts, double maxNegativeFraction, long seed) {
    return draw(source, thetas, counts, maxNegativeFraction, seed, EVENTS_PER_CHUNK);
  }

  /**
   * Draws in this thread, chunk after chunk.
   *
   * @param source events with effective weights (a {@link WeightedView})
   * @param thetas M parameter points (M × p)
   * @param counts draws per point (M), each ≥ 0
   * @param maxNegativeFraction fail when events with dσ_e(θ) ≤ 0 carry more than this fraction of
   *     Σ|dσ_e(θ)| at any θ
   * @param eventsPerChunk events per chunk, positive
   */
  public Draws draw(
      EventSource source,
      double[][] thetas,
      int[] counts,
      double maxNegativeFraction,
      long seed,
      int eventsPerChunk) {
    return draw(source, thetas, null, counts, maxNegativeFraction, seed, eventsPerChunk);
  }

  /**
   * As {@link #draw(EventSource, double[][], int[], double, long, int)} at the points (θ_k, ν_k) of
   * {@code shift} (null: ν = 0, no nuisance parameters): each event's dσ_e(θ_k) is multiplied by
   * its nuisance factor exp(L_e(ν_k)) (docs/math.md §7.4), and the drawn events keep their nuisance
   * weights.
   */
  public Draws draw(
      EventSource source,
      double[][] thetas,
      NuisanceShift shift,
      int[] counts,
      double maxNegativeFraction,
      long seed,
      int eventsPerChunk) {
    double[][] points = morphingWeights(source.setup(), thetas, counts);
    requireShift(shift, thetas.length);
    List<EventSource> chunks = new ArrayList<>();
    for (long from = 0; from < source.size(); from += eventsPerChunk) {
      chunks.add(new SourceRange(source, from, Math.min(eventsPerChunk, source.size() - from)));
    }
    List<ChunkSums> sums = new ArrayList<>();
    for (EventSource c : chunks) {
      sums.add(sums(c, points, shift));
    }
    UnweightingPlan plan =
        UnweightingPlan.of(thetas, counts, sums, maxNegativeFraction, Seeds.derive(seed, 1));
    List<ChunkDraws> draws = new ArrayList<>();
    for (int c = 0; c < chunks.size(); c++) {
      draws.add(
          drawChunk(
              chunks.get(c),
              c * (long) eventsPerChunk,
              points,
              plan.chunkCounts()[c],
              sums.get(c).positive(),
              Seeds.derive(seed, 3, c),
              shift));
    }
    return combine(
        source.setup(),
        source.observables(),
        shift == null ? Nuisances.NONE : nuisancesOf(source),
        draws,
        plan,
        seed);
  }

  /** The nuisance parameters of {@code source}, from its first event (NONE when it is empty). */
  public static Nuisances nuisancesOf(EventSource source) {
    return source.size() == 0 ? Nuisances.NONE : source.read(0, 1).nuisances();
  }

  static void requireShift(NuisanceShift shift, int points) {
    if (shift != null && shift.points() != points) {
      throw new IllegalArgumentException(
          shift.points() + " ν rows for " + points + " parameter points");
    }
  }

  /** An {@link EventDrawer} over {@code source} in default chunks. */
  public EventDrawer drawer(EventSource source) {
    return drawer(source, EVENTS_PER_CHUNK);
  }

  /** An {@link EventDrawer} over {@code source} in chunks of {@code eventsPerChunk} events. */
  public EventDrawer drawer(EventSource source, int eventsPerChunk) {
    return EventDrawer.shifted(
        (thetas, shift, counts, maxNegativeFraction, seed) ->
            draw(source, thetas, shift, counts, maxNegativeFraction, seed, eventsPerChunk));
  }

  /** The morphing weights w_b(θ_k) of every point (M × B), after checking θ and the counts. */
  public static double[][] morphingWeights(MorphingSetup setup, double[][] thetas, int[] counts) {
    if (thetas.length != counts.length || thetas.length == 0) {
      throw new IllegalArgumentException(
          thetas.length + " parameter points but " + counts.length + " draw counts");
    }
    double[][] points = new double[thetas.length][];
    for (int k = 0; k < thetas.length; k++) {
      setup.checkTheta("theta", thetas[k]);
      points[k] = setup.morpher().weights(thetas[k]);
    }
    return points;
  }

  /** Pass 1 over one chunk: σ_b, Σ dσ⁺ and the negative weights per point. */
  public ChunkSums sums(EventSource chunk, double[][] points) {
    return sums(chunk, points, null);
  }

  /**
   * Pass 1 over one chunk at the points (θ_k, ν_k) of {@code shift} (null: no nuisance factors);
   * σ_b stays the sum of the θ-benchmark weights.
   */
  public ChunkSums sums(EventSource chunk, double[][] points, NuisanceShift shift) {
    int m = points.length;
    int nb = chunk.setup().benchmarks().size();
    ChunkSums s = ChunkSums.zero(nb, m);
    if (shift != null) {
      miner.forEachChunk(
          chunk,
          (from, part) -> {
            double[] w = part.weights();
            NuisanceMorphing nm = shift.morphing(part);
            for (int i = 0; i < part.size(); i++) {
              for (int b = 0; b < nb; b++) {
                s.benchmarkSigma()[b] += w[i * nb + b];
              }
              for (int k = 0; k < m; k++) {
                add(s, k, dsigma(points[k], w, i * nb) * shift.factor(nm, i, k));
              }
            }
          });
      return s;
    }
    miner.forEachWeights(
        chunk,
        (from, count, w) -> {
          for (int i = 0; i < count; i++) {
            for (int b = 0; b < nb; b++) {
              s.benchmarkSigma()[b] += w[i * nb + b];
            }
            for (int k = 0; k < m; k++) {
              add(s, k, dsigma(points[k], w, i * nb));
            }
          }
        });
    return s;
  }

  private static void add(ChunkSums s, int k, double d) {
    s.totalAbs()[k] += Math.abs(d);
    if (d > 0) {
      s.positive()[k] += d;
      s.maxPositive()[k] = Math.max(s.maxPositive()[k], d);
    } else {
      s.negativeCount()[k]++;
      s.negativeAbs()[k] -= d;
    }
  }

  /** dσ_e(θ) = Σ_b w_b(θ) W[row + b]. */
  static double dsigma(double[] morphing, double[] weights, int row) {
    double d = 0;
    for (int b = 0; b < morphing.length; b++) {
      d += morphing[b] * weights[row + b];
    }
    return d;
  }

  /**
   * Pass 2 over one chunk: counts[k] events drawn with probability dσ_e⁺(θ_k)/positive[k].
   *
   * @param offset index of the chunk's first event in the whole source
   * @param positive the chunk's Σ dσ⁺ per point, from {@link #sums} of the same chunk
   */
  public ChunkDraws drawChunk(
      EventSource chunk,
      long offset,
      double[][] points,
      int[] counts,
      double[] positive,
      long seed) {
    return drawChunk(chunk, offset, points, counts, positive, seed, null);
  }

  /**
   * Pass 2 at the points (θ_k, ν_k) of {@code shift} (null: no nuisance factors); {@code positive}
   * from {@link #sums(EventSource, double[][], NuisanceShift)} with the same shift.
   */
  public ChunkDraws drawChunk(
      EventSource chunk,
      long offset,
      double[][] points,
      int[] counts,
      double[] positive,
      long seed,
      NuisanceShift shift) {
    int m = points.length;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[][] u = new double[m][];
    int total = 0;
    for (int k = 0; k < m; k++) {
      u[k] = new double[counts[k]];
      for (int j = 0; j < counts[k]; j++) {
        u[k][j] = rng.nextDouble() * positive[k];
      }
      Arrays.sort(u[k]);
      total = Math.addExact(total, counts[k]);
    }
    int nk = shift == null ? 0 : nuisancesOf(chunk).benchmarks().size();
    DrawRows c =
        new DrawRows(total, chunk.observables().size(), chunk.setup().benchmarks().size(), nk);
    if (total == 0) {
      return c.result();
    }
    int nb = chunk.setup().benchmarks().size();
    int[] next = new int[m];
    double[] cum = new double[m];
    miner.forEachChunk(
        chunk,
        (from, part) -> {
          double[] w = part.weights();
          int[] s = part.sampledFrom().orElse(null);
          NuisanceMorphing nm = shift == null ? null : shift.morphing(part);
          for (int i = 0; i < part.size(); i++) {
            for (int k = 0; k < m; k++) {
              double dsig = dsigma(points[k], w, i * nb);
              if (nm != null && dsig > 0) {
                dsig *= shift.factor(nm, i, k);
              }
              if (dsig <= 0) {
                continue;
              }
              cum[k] += dsig;
              while (next[k] < u[k].length && u[k][next[k]] < cum[k]) {
                c.add(k, offset + from + i, part, i, w, s);
                next[k]++;
              }
              if (next[k] < u[k].length) {
                c.remember(k, offset + from + i, part, i, w, s);
              }
            }
          }
        });
    for (int k = 0; k < m; k++) {
      // rounding can leave points in [Σ of pass 2, Σ of pass 1): they belong to the last event
      while (next[k] < u[k].length) {
        c.addRemembered(k);
        next[k]++;
      }
    }
    return c.result();
  }

  /** The chunks' draws in chunk order, shuffled with {@code derive(seed, 2)}. */
  public static Draws combine(
      MorphingSetup setup,
      List<String> observables,
      List<ChunkDraws> chunks,
      UnweightingPlan plan,
      long seed) {
    return combine(setup, observables, Nuisances.NONE, chunks, plan, seed);
  }

  /**
   * As {@link #combine(MorphingSetup, List, List, UnweightingPlan, long)}, the drawn events
   * carrying their weights at the nuisance benchmarks of {@code nuisances} (NONE: none).
   */
  public static Draws combine(
      MorphingSetup setup,
      List<String> observables,
      Nuisances nuisances,
      List<ChunkDraws> chunks,
      UnweightingPlan plan,
      long seed) {
    return DrawRows.combine(setup, observables, nuisances, chunks, plan, seed);
  }
}
