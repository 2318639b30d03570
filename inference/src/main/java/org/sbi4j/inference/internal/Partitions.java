package org.sbi4j.inference.internal;

import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.mining.Partition;

/** The test partition of an event file, as {@link Partition#TEST} defines it (docs/formats.md). */
public final class Partitions {
  private Partitions() {}

  /** The test partition of {@code events} (the last 20 % in file order). */
  public static EventSample test(EventSample events) {
    long n = events.size();
    Partition.TEST.size(n);
    return events.range((int) Partition.TEST.from(n), (int) Partition.TEST.to(n));
  }
}
