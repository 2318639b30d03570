package org.sbi4j.samples.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.io.internal.H5Reader;

/**
 * An open event file in MadMiner's layout, read in chunks of events so that no caller needs the
 * whole weight matrix in memory. Shapes are checked once, when the file is opened: observations n ×
 * d with d = the number of observables, weights n × B with B = the number of benchmarks,
 * sampling_benchmarks n (optional; absent means every event is background, factor 1).
 */
public final class EventFile implements EventSource, AutoCloseable {
  private final H5Reader in;
  private final MorphingSetup setup;
  private final List<String> observables;
  private final long size;
  private final boolean hasSampling;
  private final long[] signalEvents;
  private final long backgroundEvents;

  EventFile(H5Reader in) {
    this.in = in;
    try {
      setup = MadMinerFiles.readSetup(in);
      observables = List.of(in.strings("observables/names"));
      size = in.rows("samples/observations");
      int d = in.columns("samples/observations");
      if (d != observables.size()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: samples/observations has %d columns but observables/names lists %d %s",
                in.file(),
                d,
                observables.size(),
                observables));
      }
      int nb = setup.benchmarks().size();
      long wr = in.rows("samples/weights");
      int wc = in.columns("samples/weights");
      if (wr != size || wc != nb) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: samples/weights is %d × %d but the file has %d events and %d benchmarks %s; "
                    + "the weight columns must match the benchmarks",
                in.file(),
                wr,
                wc,
                size,
                nb,
                setup.benchmarkNames()));
      }
      hasSampling = in.has("samples/sampling_benchmarks");
      if (hasSampling && in.rows("samples/sampling_benchmarks") != size) {
        throw new IllegalArgumentException(
            in.file()
                + ": samples/sampling_benchmarks has "
                + in.rows("samples/sampling_benchmarks")
                + " entries for "
                + size
                + " events");
      }
      String summary =
          in.has("sample_summary/signal_events")
              ? "sample_summary/signal_events"
              : in.has("sample_summary/signal_events_per_benchmark")
                  ? "sample_summary/signal_events_per_benchmark"
                  : null;
      signalEvents = summary == null ? null : in.longs(summary);
      backgroundEvents =
          in.has("sample_summary/background_events")
              ? in.longs("sample_summary/background_events")[0]
              : -1;
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  @Override
  public MorphingSetup setup() {
    return setup;
  }

  @Override
  public List<String> observables() {
    return observables;
  }

  /** Number of events n. */
  @Override
  public long size() {
    return size;
  }

  /** Events generated per benchmark as the file's summary states, or empty when absent. */
  public java.util.Optional<long[]> signalEvents() {
    return java.util.Optional.ofNullable(signalEvents == null ? null : signalEvents.clone());
  }

  /** The file's summary of events per benchmark when it has one, else a counting pass. */
  @Override
  public long[] eventsPerBenchmark() {
    if (signalEvents != null && signalEvents.length == setup.benchmarks().size()) {
      return signalEvents.clone();
    }
    return EventSource.super.eventsPerBenchmark();
  }

  /** Background events as the summary states, or −1 when absent. */
  public long backgroundEvents() {
    return backgroundEvents;
  }

  /**
   * Events [from, from + count) with features, weights and generating benchmarks.
   *
   * @throws IllegalArgumentException for NaN/Inf weights (naming event and benchmark), sampling
   *     benchmarks out of range, or a truncated file
   */
  @Override
  public EventSample read(long from, int count) {
    int nb = setup.benchmarks().size();
    double[] x = in.rows("samples/observations", from, count);
    double[] w = new double[count * nb];
    readWeights(from, count, w);
    int[] sampled = readSampledFrom(from, count);
    for (int k = 0; k < x.length; k++) {
      if (!Double.isFinite(x[k])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: observable '%s' of event %d is %s; remove or fix the event",
                in.file(),
                observables.get(k % observables.size()),
                from + k / observables.size(),
                x[k]));
      }
    }
    return EventSample.ofFeatures(observables, x).withWeights(setup, w, sampled);
  }

  /** Reads the weights only, checking that each is finite (naming event and benchmark). */
  @Override
  public void readWeights(long from, int count, double[] out) {
    int nb = setup.benchmarks().size();
    in.rows("samples/weights", from, count, out);
    for (int k = 0; k < count * nb; k++) {
      if (!Double.isFinite(out[k])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: weight of event %d at benchmark '%s' is %s; remove or fix the event",
                in.file(),
                from + k / nb,
                setup.benchmarks().get(k % nb).name(),
                out[k]));
      }
    }
  }

  /** Reads the generating benchmarks only (all −1 when the file has none). */
  @Override
  public int[] readSampledFrom(long from, int count) {
    int nb = setup.benchmarks().size();
    int[] sampled = new int[count];
    if (!hasSampling) {
      Arrays.fill(sampled, -1);
      return sampled;
    }
    double[] s = in.rows("samples/sampling_benchmarks", from, count);
    for (int i = 0; i < count; i++) {
      sampled[i] = (int) s[i];
      if (sampled[i] < -1 || sampled[i] >= nb) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: event %d has sampling benchmark %d but there are %d benchmarks",
                in.file(),
                from + i,
                sampled[i],
                nb));
      }
    }
    return sampled;
  }

  @Override
  public void close() {
    in.close();
  }
}
