package org.sbi4j.samples;

import java.util.List;
import org.sbi4j.morphing.MorphingSetup;

/**
 * Weighted events that can be read in chunks, in a fixed order: an event file on disk or a sample
 * in memory. Mining and sampling stream through sources so that no stage needs the whole weight
 * matrix (n × B) at once.
 */
public interface EventSource {
  /** The setup whose benchmarks the weight columns follow. */
  MorphingSetup setup();

  /** Names of the d observables. */
  List<String> observables();

  /** Number of events n. */
  long size();

  /** Events [from, from + count) with features, weights and generating benchmarks. */
  EventSample read(long from, int count);

  /**
   * The weights of events [from, from + count) into {@code out} (count × B, row-major), for mining
   * loops that need nothing else. The default copies them from {@link #read}.
   */
  default void readWeights(long from, int count, double[] out) {
    double[] w = read(from, count).weights();
    System.arraycopy(w, 0, out, 0, w.length);
  }

  /** Generating benchmark of events [from, from + count) (−1 background). */
  default int[] readSampledFrom(long from, int count) {
    int[] s = read(from, count).sampledFrom().orElse(null);
    if (s == null) {
      s = new int[count];
      java.util.Arrays.fill(s, -1);
    }
    return s;
  }

  /**
   * Events generated at each benchmark (the N_b of MadMiner's sampling factors); background events
   * are not counted. The default counts the generating benchmarks in one pass.
   */
  default long[] eventsPerBenchmark() {
    long[] n = new long[setup().benchmarks().size()];
    int chunk = 1 << 16;
    for (long from = 0; from < size(); from += chunk) {
      int count = (int) Math.min(chunk, size() - from);
      int[] s = read(from, count).sampledFrom().orElse(new int[0]);
      for (int b : s) {
        if (b >= 0) {
          n[b]++;
        }
      }
    }
    return n;
  }

  /** A source over an in-memory sample with benchmark weights. */
  static EventSource of(EventSample sample) {
    MorphingSetup setup =
        sample
            .setup()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the sample has no morphing setup and benchmark weights; it cannot be mined"));
    if (!sample.hasWeights()) {
      throw new IllegalArgumentException("the sample has no benchmark weights");
    }
    return new EventSource() {
      @Override
      public MorphingSetup setup() {
        return setup;
      }

      @Override
      public List<String> observables() {
        return sample.observables();
      }

      @Override
      public long size() {
        return sample.size();
      }

      @Override
      public EventSample read(long from, int count) {
        return sample.range((int) from, (int) from + count);
      }
    };
  }
}
