package org.sbi4j.samples.mining;

import java.util.Arrays;
import java.util.Locale;

/**
 * The train / validation / test split of an event file: 60 / 20 / 20 % of the events by file order
 * (the writer shuffles). Weights of a partition are multiplied by n / n_partition so that their
 * sums remain unbiased cross sections.
 */
public enum Partition {
  /** Events [0, 0.6 n). */
  TRAIN(0, 0.6),
  /** Events [0.6 n, 0.8 n). */
  VALIDATION(0.6, 0.8),
  /** Events [0.8 n, n). */
  TEST(0.8, 1.0),
  /** Every event (no correction). */
  ALL(0, 1.0);

  private final double start;
  private final double end;

  Partition(double start, double end) {
    this.start = start;
    this.end = end;
  }

  /** First event of this partition among n. */
  public long from(long n) {
    return Math.round(start * n);
  }

  /** One past the last event of this partition among n. */
  public long to(long n) {
    return Math.round(end * n);
  }

  /** Events in this partition; throws when it is empty. */
  public long size(long n) {
    long size = to(n) - from(n);
    if (size <= 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the %s partition of %d events is empty; use a file with more events",
              name().toLowerCase(Locale.ROOT),
              n));
    }
    return size;
  }

  /** Weight correction n / n_partition. */
  public double correction(long n) {
    return (double) n / size(n);
  }

  /** The partition called {@code name} (train, validation, test, all). */
  public static Partition parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown partition '"
              + name
              + "'; choose one of "
              + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
    }
  }
}
