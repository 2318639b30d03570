package org.sbi4j.samples.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.internal.H5Reader;
import org.sbi4j.samples.io.internal.H5Writer;

/**
 * MadMiner's HDF5 event-file layout (docs/formats.md), read and written.
 *
 * <p>Setup part: {@code parameters/{names, lha_blocks, lha_ids, max_power, val_ranges,
 * transforms}}, {@code benchmarks/{names, values, is_nuisance, is_reference}}, {@code
 * morphing/{components, morphing_matrix}} (W = M⁻¹, components × benchmarks). Event part: {@code
 * observables/{names, definitions}}, {@code samples/{observations (n × d), weights (n × B),
 * sampling_benchmarks (n)}}, {@code sample_summary/{signal_events (B), background_events}}. Strings
 * are fixed-length 256-byte ASCII, integers int64, floats float64. Reading also accepts v0.7 names
 * ({@code parameters/ranges}, {@code sample_summary/signal_events_per_benchmark}) and any integer
 * or float width, and gzip-compressed chunked datasets.
 *
 * <p>Nuisance parameters (docs/math.md §7): nuisance benchmarks are extra rows of {@code
 * benchmarks/} flagged {@code is_nuisance} = 1 and extra columns of {@code samples/weights}; the θ
 * benchmark their weights refer to is flagged {@code is_reference}; {@code
 * nuisance_parameters/{names, systematics, benchmark_positive, benchmark_negative}} and {@code
 * systematics/{names, types, values, scales}} describe them ({@link NuisanceFiles}).
 */
public final class MadMinerFiles {
  private MadMinerFiles() {}

  /** Reads the morphing setup stored in an event file. */
  public static MorphingSetup readSetup(Path file) {
    try (H5Reader in = H5Reader.open(file)) {
      return readSetup(in);
    }
  }

  /** Writes a file holding only the setup groups. */
  public static void writeSetup(Path file, MorphingSetup setup) {
    H5Writer.write(file, out -> writeSetup(out, setup));
  }

  /**
   * Writes an event file: the sample's setup, its observables (definitions = names) and its events
   * in the sample's order.
   *
   * @param events a sample with a setup and benchmark weights
   */
  public static void writeEvents(Path file, EventSample events) {
    writeEvents(file, events, events.observables());
  }

  /**
   * As {@link #writeEvents(Path, EventSample)} with observable definitions (one per observable).
   */
  public static void writeEvents(Path file, EventSample events, List<String> definitions) {
    writeEvents(file, events, definitions, Systematics.NONE);
  }

  /**
   * As {@link #writeEvents(Path, EventSample, List)} with the systematics the sample's nuisance
   * parameters come from. A sample with nuisance parameters is written with its nuisance benchmarks
   * after the θ benchmarks (weights, names, zero {@code values} rows, {@code is_nuisance} = 1), its
   * reference flagged in {@code is_reference}, and the groups {@code nuisance_parameters} and
   * {@code systematics} (docs/formats.md).
   */
  public static void writeEvents(
      Path file, EventSample events, List<String> definitions, Systematics systematics) {
    MorphingSetup setup =
        events
            .setup()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the sample has no morphing setup; an event file needs benchmarks and weights"));
    if (definitions.size() != events.featureCount()) {
      throw new IllegalArgumentException(
          definitions.size()
              + " observable definitions for "
              + events.featureCount()
              + " observables "
              + events.observables());
    }
    int nb = setup.benchmarks().size();
    int[] from =
        events
            .sampledFrom()
            .orElseGet(
                () -> {
                  int[] bg = new int[events.size()];
                  Arrays.fill(bg, -1);
                  return bg;
                });
    long[] signal = new long[nb];
    long background = 0;
    long[] sampling = new long[from.length];
    for (int i = 0; i < from.length; i++) {
      sampling[i] = from[i];
      if (from[i] < 0) {
        background++;
      } else {
        signal[from[i]]++;
      }
    }
    long bgCount = background;
    Nuisances nuisances = events.nuisances();
    int k = nuisances.benchmarks().size();
    double[] weights = nuisances.isEmpty() ? events.weights() : joined(events, nb, k);
    int cols = nuisances.isEmpty() ? nb : nb + k;
    H5Writer.write(
        file,
        out -> {
          writeSetup(out, setup, nuisances);
          NuisanceFiles.write(out, nuisances, systematics);
          out.strings("observables/names", events.observables());
          out.strings("observables/definitions", definitions);
          out.matrix("samples/observations", events.x(), events.featureCount());
          out.matrix("samples/weights", weights, cols);
          out.longs("samples/sampling_benchmarks", sampling);
          out.longs("sample_summary/signal_events", signal);
          out.longScalar("sample_summary/background_events", bgCount);
        });
  }

  /** Rows of θ weights then nuisance weights, n × (B + K). */
  private static double[] joined(EventSample events, int nb, int k) {
    double[] w = events.weights();
    double[] nw = events.nuisanceWeights();
    int n = events.size();
    double[] out = new double[n * (nb + k)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(w, i * nb, out, i * (nb + k), nb);
      System.arraycopy(nw, i * k, out, i * (nb + k) + nb, k);
    }
    return out;
  }

  /**
   * Reads a whole event file into memory, with its nuisance parameters and nuisance weights when it
   * has any; for large files use {@link #open(Path)}.
   */
  public static EventSample readEvents(Path file) {
    try (EventFile in = open(file)) {
      return in.read(0, Math.toIntExact(in.size()));
    }
  }

  /**
   * As {@link #readEvents(Path)}, and checks that the nuisance morphing of every event is defined
   * ({@link EventFile#checkNuisances(NuisanceMorphing.Policy)}).
   *
   * @throws IllegalArgumentException under {@link NuisanceMorphing.Policy#ERROR} when a nuisance
   *     coefficient is undefined, naming the file and how many are
   */
  public static EventSample readEvents(Path file, NuisanceMorphing.Policy policy) {
    try (EventFile in = open(file)) {
      in.checkNuisances(policy);
      return in.read(0, Math.toIntExact(in.size()));
    }
  }

  /** The systematics an event file declares ({@link Systematics#NONE} when none). */
  public static Systematics readSystematics(Path file) {
    try (H5Reader in = H5Reader.open(file)) {
      return NuisanceFiles.readSystematics(in);
    }
  }

  /** The nuisance parameters an event file declares ({@link Nuisances#NONE} when none). */
  public static Nuisances readNuisances(Path file) {
    try (H5Reader in = H5Reader.open(file)) {
      return NuisanceFiles.read(in, readSetup(in), NuisanceFiles.columns(in));
    }
  }

  /** Opens an event file for reading in chunks. */
  public static EventFile open(Path file) {
    return new EventFile(H5Reader.open(file));
  }

  static void writeSetup(H5Writer out, MorphingSetup setup) {
    writeSetup(out, setup, Nuisances.NONE);
  }

  /** The setup groups; nuisance benchmarks follow the θ benchmarks (docs/formats.md). */
  static void writeSetup(H5Writer out, MorphingSetup setup, Nuisances nuisances) {
    List<Parameter> ps = setup.parameters();
    int p = ps.size();
    long[] ids = new long[p];
    long[] powers = new long[p];
    double[][] ranges = new double[p][];
    for (int i = 0; i < p; i++) {
      ids[i] = ps.get(i).lhaId();
      powers[i] = ps.get(i).maxPower();
      ranges[i] = new double[] {ps.get(i).min(), ps.get(i).max()};
    }
    out.strings("parameters/names", setup.parameterNames());
    out.strings("parameters/lha_blocks", ps.stream().map(Parameter::lhaBlock).toList());
    out.longs("parameters/lha_ids", ids);
    out.longs("parameters/max_power", powers);
    out.matrix("parameters/val_ranges", ranges);
    out.strings("parameters/transforms", ps.stream().map(x -> "None").toList());
    int nb = setup.benchmarks().size();
    if (nb == 0) {
      return;
    }
    if (nuisances.isEmpty()) {
      out.strings("benchmarks/names", setup.benchmarkNames());
      out.matrix("benchmarks/values", setup.basis());
      out.longs("benchmarks/is_nuisance", new long[nb]);
      out.longs("benchmarks/is_reference", new long[nb]);
    } else {
      int ref = nuisances.checkAgainst(setup);
      int k = nuisances.benchmarks().size();
      List<String> names = new ArrayList<>(setup.benchmarkNames());
      names.addAll(nuisances.benchmarks());
      // MadMiner stores zeros as the parameter values of a nuisance benchmark
      double[][] values = Arrays.copyOf(setup.basis(), nb + k);
      long[] isNuisance = new long[nb + k];
      for (int j = nb; j < nb + k; j++) {
        values[j] = new double[p];
        isNuisance[j] = 1;
      }
      long[] isReference = new long[nb + k];
      isReference[ref] = 1;
      out.strings("benchmarks/names", names);
      out.matrix("benchmarks/values", values);
      out.longs("benchmarks/is_nuisance", isNuisance);
      out.longs("benchmarks/is_reference", isReference);
    }
    int[][] comps = setup.components();
    long[][] lc = new long[comps.length][p];
    for (int c = 0; c < comps.length; c++) {
      for (int i = 0; i < p; i++) {
        lc[c][i] = comps[c][i];
      }
    }
    out.longMatrix("morphing/components", lc);
    out.matrix("morphing/morphing_matrix", setup.morpher().matrix());
  }

  static MorphingSetup readSetup(H5Reader in) {
    String[] names = in.strings("parameters/names");
    int p = names.length;
    String[] blocks = in.has("parameters/lha_blocks") ? in.strings("parameters/lha_blocks") : null;
    long[] ids = in.has("parameters/lha_ids") ? in.longs("parameters/lha_ids") : null;
    long[] powers = maxPowers(in, p);
    String rangePath = in.first("parameters/val_ranges", "parameters/ranges");
    double[] ranges = matrix(in, rangePath, p, 2);
    requireLength(in, "parameters/lha_blocks", blocks == null ? p : blocks.length, p);
    requireLength(in, "parameters/lha_ids", ids == null ? p : ids.length, p);
    List<Parameter> params = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      params.add(
          new Parameter(
              names[i],
              blocks == null ? "" : blocks[i],
              ids == null ? 0 : (int) ids[i],
              (int) powers[i],
              ranges[2 * i],
              ranges[2 * i + 1]));
    }
    String[] allNames = in.strings("benchmarks/names");
    double[] values = matrix(in, "benchmarks/values", allNames.length, p);
    // nuisance benchmarks (is_nuisance = 1) are weight columns, not points of the θ basis
    boolean[] nuisance = NuisanceFiles.nuisanceFlags(in, allNames.length);
    List<Benchmark> benchmarks = new ArrayList<>();
    for (int b = 0; b < allNames.length; b++) {
      if (!nuisance[b]) {
        benchmarks.add(new Benchmark(allNames[b], Arrays.copyOfRange(values, b * p, b * p + p)));
      }
    }
    String[] bnames = benchmarks.stream().map(Benchmark::name).toArray(String[]::new);
    int[][] components = null;
    double[][] w = null;
    int overall = 0;
    if (in.has("morphing/components")) {
      long rows = in.rows("morphing/components");
      double[] c = matrix(in, "morphing/components", Math.toIntExact(rows), p);
      components = new int[(int) rows][p];
      for (int k = 0; k < rows; k++) {
        int s = 0;
        for (int i = 0; i < p; i++) {
          components[k][i] = (int) Math.round(c[k * p + i]);
          s += components[k][i];
        }
        overall = Math.max(overall, s);
      }
      if (in.has("morphing/morphing_matrix")) {
        double[] flat = matrix(in, "morphing/morphing_matrix", (int) rows, bnames.length);
        w = new double[(int) rows][];
        for (int k = 0; k < rows; k++) {
          w[k] = Arrays.copyOfRange(flat, k * bnames.length, (k + 1) * bnames.length);
        }
      }
    } else {
      for (long v : powers) {
        overall = (int) Math.max(overall, v);
      }
    }
    return new MorphingSetup(params, benchmarks, overall, components, w);
  }

  /** v0.9 stores one max power per parameter; v0.7 may store (p, k): the largest is used. */
  private static long[] maxPowers(H5Reader in, int p) {
    long[] flat = in.longs("parameters/max_power");
    if (flat.length % p != 0 || flat.length == 0) {
      throw new IllegalArgumentException(
          in.file()
              + ": parameters/max_power has "
              + flat.length
              + " values for "
              + p
              + " parameters");
    }
    int k = flat.length / p;
    long[] out = new long[p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < k; j++) {
        out[i] = Math.max(out[i], flat[i * k + j]);
      }
    }
    return out;
  }

  /** A rows × cols numeric dataset, flat, with its shape checked. */
  static double[] matrix(H5Reader in, String path, int rows, int cols) {
    long[] dims = in.dims(path);
    long have = dims.length == 0 ? 1 : dims[0];
    int haveCols = in.columns(path);
    if (have != rows || haveCols != cols) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: dataset '%s' has shape %s but %d × %d is expected",
              in.file(),
              path,
              Arrays.toString(dims),
              rows,
              cols));
    }
    return in.doubles(path);
  }

  static void requireLength(H5Reader in, String path, int have, int want) {
    if (have != want) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: dataset '%s' has %d entries but %d are expected",
              in.file(),
              path,
              have,
              want));
    }
  }
}
