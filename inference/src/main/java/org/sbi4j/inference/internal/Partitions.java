package org.sbi4j.inference.internal;

import org.sbi4j.samples.EventSample;

/**
 * The train/validation/test split of an event file by file order, 60/20/20 (CLI.md): test is the
 * events [⌊0.8 n⌋, n).
 */
public final class Partitions {
  private Partitions() {}

  /** First event of the test partition. */
  public static int testStart(int n) {
    return (int) Math.floor(0.8 * n);
  }

  /** The test partition of {@code events}. */
  public static EventSample test(EventSample events) {
    int from = testStart(events.size());
    if (from >= events.size()) {
      throw new IllegalArgumentException("the event file has " + events.size()
          + " events, too few for a test partition (the last 20 %); simulate more events");
    }
    return events.range(from, events.size());
  }
}
