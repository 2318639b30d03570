package org.sbi4j.samples.mining;

import java.util.List;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;

/**
 * A partition of a source with effective weights: each event's weights multiplied by MadMiner's
 * sampling factor N_b / Σ_b' N_b' of its generating benchmark b (1 for background events) and by
 * the partition's correction n / n_partition (MATH.md §2). Sums of effective weights over the view
 * are unbiased cross sections.
 */
public final class WeightedView implements EventSource {
  private final EventSource source;
  private final long offset;
  private final long size;
  private final double[] factors;
  private final double correction;

  private WeightedView(EventSource source, long offset, long size, double[] factors,
      double correction) {
    this.source = source;
    this.offset = offset;
    this.size = size;
    this.factors = factors;
    this.correction = correction;
  }

  /** The partition {@code partition} of {@code source} with effective weights. */
  public static WeightedView of(EventSource source, Partition partition) {
    long n = source.size();
    long size = partition.size(n);
    return new WeightedView(source, partition.from(n), size,
        samplingFactors(source.eventsPerBenchmark()), partition.correction(n));
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

  @Override
  public MorphingSetup setup() {
    return source.setup();
  }

  @Override
  public List<String> observables() {
    return source.observables();
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public EventSample read(long from, int count) {
    if (from < 0 || from + count > size) {
      throw new IllegalArgumentException("events [" + from + ", " + (from + count)
          + ") outside the partition's " + size);
    }
    EventSample raw = source.read(offset + from, count);
    int nb = setup().benchmarks().size();
    double[] w = raw.weights();
    int[] s = raw.sampledFrom().orElse(null);
    for (int i = 0; i < count; i++) {
      double f = correction * (s == null || s[i] < 0 ? 1 : factors[s[i]]);
      for (int b = 0; b < nb; b++) {
        w[i * nb + b] *= f;
      }
    }
    return raw.withWeights(setup(), w, s);
  }
}
