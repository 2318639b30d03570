package org.sbi4j.samples.mining;

import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;

/**
 * A partition of a source with effective weights: each event's weights multiplied by MadMiner's
 * sampling factor N_b / Σ_b' N_b' of its generating benchmark b (1 for background events) and by
 * the partition's correction n / n_partition (docs/math.md §2). Sums of effective weights over the
 * view are unbiased cross sections.
 */
public final class WeightedView extends SourceRange {
  private final double[] factors;
  private final double correction;

  /** True when every event's factor is 1 (one generating benchmark, or background only). */
  private final boolean uniform;

  private WeightedView(
      EventSource source, long offset, long size, double[] factors, double correction) {
    super(source, offset, size);
    this.factors = factors;
    this.correction = correction;
    boolean allOne = true;
    for (double f : factors) {
      allOne &= f == 1.0 || f == 0.0;
    }
    this.uniform = allOne;
  }

  /** The partition {@code partition} of {@code source} with effective weights. */
  public static WeightedView of(EventSource source, Partition partition) {
    long n = source.size();
    long size = partition.size(n);
    return new WeightedView(
        source,
        partition.from(n),
        size,
        samplingFactors(source.eventsPerBenchmark()),
        partition.correction(n));
  }

  /**
   * Events [from, from + count) of {@code source} with given sampling factors and correction (a
   * task's share of a partition; the factors come from the whole file).
   */
  public static WeightedView of(
      EventSource source, long from, long count, double[] factors, double correction) {
    if (from < 0 || count <= 0 || from + count > source.size()) {
      throw new IllegalArgumentException(
          "events ["
              + from
              + ", "
              + (from + count)
              + ") outside the "
              + source.size()
              + " events of the source");
    }
    if (factors.length != source.setup().benchmarks().size()) {
      throw new IllegalArgumentException(
          factors.length
              + " sampling factors for "
              + source.setup().benchmarks().size()
              + " benchmarks");
    }
    return new WeightedView(source, from, count, factors.clone(), correction);
  }

  /** f_b = N_b / Σ_b' N_b', one per benchmark; all ones when no event names its benchmark. */
  public static double[] samplingFactors(long[] perBenchmark) {
    long total = 0;
    for (long v : perBenchmark) {
      if (v < 0) {
        throw new IllegalArgumentException("a benchmark has a negative event count " + v);
      }
      total += v;
    }
    double[] f = new double[perBenchmark.length];
    for (int b = 0; b < f.length; b++) {
      f[b] = total == 0 ? 1 : (double) perBenchmark[b] / total;
    }
    return f;
  }

  /** Index of this view's first event in the underlying source. */
  public long offset() {
    return offset;
  }

  /** Effective weights only: the source's weights times the sampling factor and correction. */
  @Override
  public void readWeights(long from, int count, double[] out) {
    check(from, count);
    super.readWeights(from, count, out);
    int nb = setup().benchmarks().size();
    if (uniform) {
      for (int k = 0; k < count * nb; k++) {
        out[k] *= correction;
      }
      return;
    }
    int[] s = super.readSampledFrom(from, count);
    for (int i = 0; i < count; i++) {
      double f = correction * (s[i] < 0 ? 1 : factors[s[i]]);
      for (int b = 0; b < nb; b++) {
        out[i * nb + b] *= f;
      }
    }
  }

  @Override
  public int[] readSampledFrom(long from, int count) {
    check(from, count);
    return super.readSampledFrom(from, count);
  }

  private void check(long from, int count) {
    if (from < 0 || count < 0 || from + count > size) {
      throw new IllegalArgumentException(
          "events [" + from + ", " + (from + count) + ") outside the partition's " + size);
    }
  }

  @Override
  public EventSample read(long from, int count) {
    check(from, count);
    EventSample raw = super.read(from, count);
    int nb = setup().benchmarks().size();
    double[] w = raw.weights();
    int[] s = raw.sampledFrom().orElse(null);
    int nk = raw.nuisances().benchmarks().size();
    double[] nw = nk == 0 ? null : raw.nuisanceWeights();
    for (int i = 0; i < count; i++) {
      double f = correction * (s == null || s[i] < 0 ? 1 : factors[s[i]]);
      for (int b = 0; b < nb; b++) {
        w[i * nb + b] *= f;
      }
      for (int k = 0; k < nk; k++) {
        nw[i * nk + k] *= f;
      }
    }
    EventSample out = raw.withWeights(setup(), w, s);
    // the nuisance weights get the same factor, so their ratios to the reference weights stay
    return nk == 0 ? out : out.withNuisances(raw.nuisances(), nw);
  }
}
