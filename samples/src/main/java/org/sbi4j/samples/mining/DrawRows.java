package org.sbi4j.samples.mining;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.Permutations;

/**
 * The row storage of {@link Unweighter}'s draws: an instance holds the drawn rows of one chunk
 * (features, benchmark weights, nuisance weights, source benchmark, θ index and event index),
 * filled in stream order during pass 2, and remembers per θ the last event with positive weight so
 * that draws left over by rounding go to it; {@link #combine} concatenates the chunks' rows in
 * chunk order and shuffles them into the final {@link Draws}.
 */
final class DrawRows {
  private final int d;
  private final int nb;
  private final int nk;
  private final double[] x;
  private final double[] w;
  private final double[] nw;
  private final int[] s;
  private final int[] theta;
  private final long[] event;
  private int size;
  private final Map<Integer, Object[]> last = new HashMap<>();

  DrawRows(int total, int d, int nb, int nk) {
    this.d = d;
    this.nb = nb;
    this.nk = nk;
    x = new double[total * d];
    w = new double[total * nb];
    nw = new double[total * nk];
    s = new int[total];
    theta = new int[total];
    event = new long[total];
  }

  void add(int k, long index, EventSample chunk, int i, double[] weights, int[] sampled) {
    for (int j = 0; j < d; j++) {
      x[size * d + j] = chunk.x(i, j);
    }
    System.arraycopy(weights, i * nb, w, size * nb, nb);
    for (int j = 0; j < nk; j++) {
      nw[size * nk + j] = chunk.nuisanceWeight(i, j);
    }
    s[size] = sampled == null ? -1 : sampled[i];
    theta[size] = k;
    event[size] = index;
    size++;
  }

  void remember(int k, long index, EventSample chunk, int i, double[] weights, int[] sampled) {
    last.put(
        k,
        new Object[] {
          index,
          chunk.xRow(i),
          Arrays.copyOfRange(weights, i * nb, i * nb + nb),
          sampled == null ? -1 : sampled[i],
          nuisanceRow(chunk, i)
        });
  }

  private double[] nuisanceRow(EventSample chunk, int i) {
    double[] row = new double[nk];
    for (int j = 0; j < nk; j++) {
      row[j] = chunk.nuisanceWeight(i, j);
    }
    return row;
  }

  void addRemembered(int k) {
    Object[] r = last.get(k);
    System.arraycopy((double[]) r[1], 0, x, size * d, d);
    System.arraycopy((double[]) r[2], 0, w, size * nb, nb);
    s[size] = (Integer) r[3];
    System.arraycopy((double[]) r[4], 0, nw, size * nk, nk);
    theta[size] = k;
    event[size] = (Long) r[0];
    size++;
  }

  ChunkDraws result() {
    return new ChunkDraws(x, w, s, theta, event, nw);
  }

  /** The chunks' draws in chunk order, shuffled with {@code derive(seed, 2)}. */
  static Draws combine(
      MorphingSetup setup,
      List<String> observables,
      Nuisances nuisances,
      List<ChunkDraws> chunks,
      UnweightingPlan plan,
      long seed) {
    int nk = nuisances.benchmarks().size();
    int n = 0;
    for (ChunkDraws c : chunks) {
      n = Math.addExact(n, c.size());
    }
    int d = observables.size();
    int nb = setup.benchmarks().size();
    double[] x = new double[n * d];
    double[] w = new double[n * nb];
    double[] nw = new double[n * nk];
    int[] s = new int[n];
    int[] theta = new int[n];
    long[] event = new long[n];
    int at = 0;
    for (ChunkDraws c : chunks) {
      System.arraycopy(c.x(), 0, x, at * d, c.size() * d);
      System.arraycopy(c.weights(), 0, w, at * nb, c.size() * nb);
      if (nk > 0) {
        System.arraycopy(c.nuisanceWeights(), 0, nw, at * nk, c.size() * nk);
      }
      System.arraycopy(c.sampledFrom(), 0, s, at, c.size());
      System.arraycopy(c.thetaIndex(), 0, theta, at, c.size());
      System.arraycopy(c.eventIndex(), 0, event, at, c.size());
      at += c.size();
    }
    int[] perm = Permutations.random(n, Seeds.derive(seed, 2));
    EventSample all = EventSample.ofFeatures(observables, x).withWeights(setup, w, s);
    if (nk > 0) {
      all = all.withNuisances(nuisances, nw);
    }
    all = all.select(perm);
    int[] th = new int[n];
    long[] ev = new long[n];
    for (int i = 0; i < n; i++) {
      th[i] = theta[perm[i]];
      ev[i] = event[perm[i]];
    }
    return new Draws(
        all, th, ev, plan.effectiveSampleSize(), plan.negatives(), plan.total().benchmarkSigma());
  }
}
