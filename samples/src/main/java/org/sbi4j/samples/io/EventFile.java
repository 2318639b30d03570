package org.sbi4j.samples.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.io.internal.H5Reader;

/**
 * An open event file in MadMiner's layout, read in chunks of events so that no caller needs the
 * whole weight matrix in memory. Shapes are checked once, when the file is opened: observations n ×
 * d with d = the number of observables, weights n × B with B = the number of benchmarks,
 * sampling_benchmarks n (optional; absent means every event is background, factor 1).
 *
 * <p>A file with nuisance benchmarks (docs/formats.md) has K more weight columns; {@link
 * #read(long, int)} returns them as the sample's nuisance weights and {@link #readWeights(long,
 * int, double[])} the θ columns only.
 */
public final class EventFile implements EventSource, AutoCloseable {
  private final H5Reader in;
  private final MorphingSetup setup;
  private final NuisanceFiles.Columns columns;
  private final Nuisances nuisances;
  private final Systematics systematics;
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
      columns = NuisanceFiles.columns(in);
      nuisances = NuisanceFiles.read(in, setup, columns);
      systematics = NuisanceFiles.readSystematics(in);
      int nb = columns.total();
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
                List.of(columns.names())));
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

  /** The nuisance parameters the file declares ({@link Nuisances#NONE} when none). */
  public Nuisances nuisances() {
    return nuisances;
  }

  /** The systematics the file declares ({@link Systematics#NONE} when none). */
  public Systematics systematics() {
    return systematics;
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
    double[] nw = null;
    if (nuisances.isEmpty()) {
      readWeights(from, count, w);
    } else {
      double[] all = readAllWeights(from, count);
      nw = new double[count * nuisances.benchmarks().size()];
      split(all, count, columns.theta(), w);
      split(all, count, columns.nuisance(), nw);
    }
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
    EventSample sample = EventSample.ofFeatures(observables, x).withWeights(setup, w, sampled);
    return nw == null ? sample : sample.withNuisances(nuisances, nw);
  }

  /**
   * Reads the θ benchmark weights only (count × B), checking that every weight read is finite
   * (naming event and benchmark).
   */
  @Override
  public void readWeights(long from, int count, double[] out) {
    if (columns.thetaOnly()) {
      in.rows("samples/weights", from, count, out);
      requireFinite(from, count, out);
    } else {
      split(readAllWeights(from, count), count, columns.theta(), out);
    }
  }

  /**
   * Reads the nuisance benchmark weights of events [from, from + count) into {@code out} (count ×
   * K, in the order of {@link Nuisances#benchmarks()}).
   */
  public void readNuisanceWeights(long from, int count, double[] out) {
    split(readAllWeights(from, count), count, columns.nuisance(), out);
  }

  /**
   * Counts the events' undefined nuisance-morphing coefficients (docs/math.md §7: a weight ratio
   * that is not positive and finite, e.g. a zero or negative reference weight where a nuisance
   * weight is positive), reading the file in chunks. 0 for a file without nuisance parameters.
   *
   * @return the number of undefined coefficients (clamped under {@link
   *     NuisanceMorphing.Policy#CLAMP})
   * @throws InvalidValueException ({@link NuisanceMorphing#POLICY_VALUE}) under {@link
   *     NuisanceMorphing.Policy#ERROR} when there are any, naming the file, the count and the first
   *     event; a front end maps the value name to its clamping switch
   */
  public long checkNuisances(NuisanceMorphing.Policy policy) {
    if (nuisances.isEmpty()) {
      return 0;
    }
    int ref = nuisances.checkAgainst(setup);
    int nb = setup.benchmarks().size();
    int k = nuisances.benchmarks().size();
    int chunk = Math.max(1, (1 << 20) / (nb + k));
    long bad = 0;
    long first = -1;
    String firstName = null;
    for (long from = 0; from < size; from += chunk) {
      int count = (int) Math.min(chunk, size - from);
      double[] all = readAllWeights(from, count);
      double[] w = new double[count * nb];
      double[] nw = new double[count * k];
      split(all, count, columns.theta(), w);
      split(all, count, columns.nuisance(), nw);
      double[] w0 = new double[count];
      for (int i = 0; i < count; i++) {
        w0[i] = w[i * nb + ref];
      }
      int here = NuisanceMorphing.of(nuisances, w0, nw, NuisanceMorphing.Policy.CLAMP).undefined();
      if (here > 0 && first < 0) {
        for (int i = 0; i < count && first < 0; i++) {
          for (int j = 0; j < nuisances.size() && first < 0; j++) {
            int minus = nuisances.minusColumn(j);
            boolean ok =
                w0[i] > 0
                    && nw[i * k + nuisances.plusColumn(j)] > 0
                    && (minus < 0 || nw[i * k + minus] > 0);
            if (!ok) {
              first = from + i;
              firstName = nuisances.parameters().get(j).name();
            }
          }
        }
      }
      bad += here;
    }
    if (bad > 0 && policy == NuisanceMorphing.Policy.ERROR) {
      throw new InvalidValueException(
          NuisanceMorphing.POLICY_VALUE,
          String.format(
              Locale.ROOT,
              "%s: %d nuisance coefficients are undefined (a weight ratio that is not positive and"
                  + " finite, e.g. a zero or negative weight at the reference benchmark '%s' where"
                  + " a nuisance weight is positive; first: event %d, nuisance '%s'); fix the"
                  + " weights or clamp the coefficients as MadMiner does",
              in.file(),
              bad,
              nuisances.reference(),
              first,
              firstName));
    }
    return bad;
  }

  /** Every weight column of events [from, from + count), checked finite. */
  private double[] readAllWeights(long from, int count) {
    double[] all = in.rows("samples/weights", from, count);
    requireFinite(from, count, all);
    return all;
  }

  /** Copies the file columns {@code cols} of {@code count} rows of {@code all} into {@code out}. */
  private void split(double[] all, int count, int[] cols, double[] out) {
    int total = columns.total();
    int m = cols.length;
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < m; j++) {
        out[i * m + j] = all[i * total + cols[j]];
      }
    }
  }

  private void requireFinite(long from, int count, double[] w) {
    int nb = columns.total();
    for (int k = 0; k < count * nb; k++) {
      if (!Double.isFinite(w[k])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: weight of event %d at benchmark '%s' is %s; remove or fix the event",
                in.file(),
                from + k / nb,
                columns.names()[k % nb],
                w[k]));
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

  /** The observables' definitions as stored, or their names when the file has none. */
  List<String> definitions() {
    return in.has("observables/definitions")
        ? List.of(in.strings("observables/definitions"))
        : observables;
  }

  /**
   * True when the events look unshuffled: their sampling benchmarks take at least two values and
   * never decrease (or never increase) in file order, as when files of several benchmarks are
   * concatenated. Partitions by file order are then biased (docs/math.md §12); {@code sbi4j
   * combine} shuffles. Reads the sampling benchmarks in chunks.
   */
  public boolean looksUnshuffled() {
    if (!hasSampling || size < 2) {
      return false;
    }
    int chunk = 1 << 16;
    boolean up = true;
    boolean down = true;
    int first = Integer.MIN_VALUE;
    int last = Integer.MIN_VALUE;
    boolean varies = false;
    for (long from = 0; from < size && (up || down); from += chunk) {
      int count = (int) Math.min(chunk, size - from);
      for (int v : readSampledFrom(from, count)) {
        if (first == Integer.MIN_VALUE) {
          first = v;
        } else {
          up &= v >= last;
          down &= v <= last;
          varies |= v != first;
        }
        last = v;
      }
    }
    return varies && (up || down);
  }

  @Override
  public void close() {
    in.close();
  }
}
