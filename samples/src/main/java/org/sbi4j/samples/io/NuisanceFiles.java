package org.sbi4j.samples.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceParameter;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.io.internal.H5Reader;
import org.sbi4j.samples.io.internal.H5Writer;

/**
 * The nuisance part of MadMiner's event-file layout (docs/formats.md): nuisance benchmarks flagged
 * in {@code benchmarks/is_nuisance} (their weights are extra columns of {@code samples/weights}),
 * the reference benchmark flagged in {@code benchmarks/is_reference}, {@code
 * nuisance_parameters/{names, systematics, benchmark_positive, benchmark_negative}} and {@code
 * systematics/{names, types, values, scales}}.
 */
final class NuisanceFiles {
  /** MadMiner's stored form of "no benchmark" and "no scale" (Python's {@code str(None)}). */
  static final String NONE = "None";

  private NuisanceFiles() {}

  /**
   * Which columns of {@code samples/weights} hold θ benchmarks and which nuisance benchmarks.
   *
   * @param names every benchmark name, in file (column) order
   * @param theta file column of each θ benchmark, in the setup's order
   * @param nuisance file column of each nuisance benchmark, in the order of {@link
   *     Nuisances#benchmarks()}
   */
  record Columns(String[] names, int[] theta, int[] nuisance) {
    int total() {
      return names.length;
    }

    /** Whether the file has θ benchmarks only (then column b is θ benchmark b). */
    boolean thetaOnly() {
      return nuisance.length == 0;
    }
  }

  /** The {@code benchmarks/is_nuisance} flags, all false when the dataset is absent. */
  static boolean[] nuisanceFlags(H5Reader in, int n) {
    return flags(in, "benchmarks/is_nuisance", n);
  }

  static Columns columns(H5Reader in) {
    String[] names = in.strings("benchmarks/names");
    boolean[] nuisance = nuisanceFlags(in, names.length);
    int k = 0;
    for (boolean f : nuisance) {
      k += f ? 1 : 0;
    }
    int[] theta = new int[names.length - k];
    int[] nu = new int[k];
    int t = 0;
    int j = 0;
    for (int b = 0; b < names.length; b++) {
      if (nuisance[b]) {
        nu[j++] = b;
      } else {
        theta[t++] = b;
      }
    }
    return new Columns(names, theta, nu);
  }

  /**
   * The nuisance parameters of a file with θ setup {@code setup}; {@link Nuisances#NONE} when the
   * file declares none (nuisance benchmarks without nuisance parameters are then ignored).
   */
  static Nuisances read(H5Reader in, MorphingSetup setup, Columns columns) {
    if (!in.has("nuisance_parameters/names")) {
      return Nuisances.NONE;
    }
    String[] names = in.strings("nuisance_parameters/names");
    if (names.length == 0) {
      return Nuisances.NONE;
    }
    String[] plus = in.strings("nuisance_parameters/benchmark_positive");
    String[] minus = in.strings("nuisance_parameters/benchmark_negative");
    MadMinerFiles.requireLength(
        in, "nuisance_parameters/benchmark_positive", plus.length, names.length);
    MadMinerFiles.requireLength(
        in, "nuisance_parameters/benchmark_negative", minus.length, names.length);
    List<String> benchmarks = new ArrayList<>();
    for (int b : columns.nuisance()) {
      benchmarks.add(columns.names()[b]);
    }
    boolean[] ref = flags(in, "benchmarks/is_reference", columns.total());
    String reference = null;
    for (int b = 0; b < ref.length && reference == null; b++) {
      if (ref[b]) {
        reference = columns.names()[b];
      }
    }
    if (reference == null) {
      throw new IllegalArgumentException(
          in.file()
              + ": the file declares nuisance parameters "
              + List.of(names)
              + " but no benchmark is flagged in benchmarks/is_reference; flag the θ benchmark"
              + " the nuisance weights refer to");
    }
    try {
      List<NuisanceParameter> params = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        params.add(new NuisanceParameter(names[i], benchmark(plus[i]), benchmark(minus[i])));
      }
      Nuisances nuisances = new Nuisances(params, benchmarks, reference);
      nuisances.checkAgainst(setup);
      return nuisances;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(in.file() + ": " + e.getMessage(), e);
    }
  }

  /** The systematics and the systematic of each nuisance parameter; NONE when absent. */
  static Systematics readSystematics(H5Reader in) {
    Map<String, String> of = new HashMap<>();
    if (in.has("nuisance_parameters/names") && in.has("nuisance_parameters/systematics")) {
      String[] names = in.strings("nuisance_parameters/names");
      String[] sys = in.strings("nuisance_parameters/systematics");
      MadMinerFiles.requireLength(in, "nuisance_parameters/systematics", sys.length, names.length);
      for (int i = 0; i < names.length; i++) {
        if (!sys[i].isEmpty() && !NONE.equals(sys[i])) {
          of.put(names[i], sys[i]);
        }
      }
    }
    List<Systematic> entries = new ArrayList<>();
    if (in.has("systematics/names")) {
      String[] names = in.strings("systematics/names");
      String[] types = in.strings("systematics/types");
      String[] values = values(in, "systematics/values");
      String[] scales =
          in.has("systematics/scales") ? in.strings("systematics/scales") : new String[0];
      MadMinerFiles.requireLength(in, "systematics/types", types.length, names.length);
      MadMinerFiles.requireLength(in, "systematics/values", values.length, names.length);
      if (scales.length != 0) {
        MadMinerFiles.requireLength(in, "systematics/scales", scales.length, names.length);
      }
      try {
        for (int i = 0; i < names.length; i++) {
          Systematic.Type type = Systematic.type(names[i], types[i]);
          // MadMiner writes a scale it cannot read back for norm and pdf systematics: ignore it
          Systematic.Scale scale =
              type == Systematic.Type.SCALE
                  ? Systematic.scale(names[i], scales.length == 0 ? NONE : scales[i])
                  : null;
          entries.add(new Systematic(names[i], type, values[i], scale));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(in.file() + ": " + e.getMessage(), e);
      }
    }
    return entries.isEmpty() && of.isEmpty() ? Systematics.NONE : new Systematics(entries, of);
  }

  /**
   * Writes {@code nuisance_parameters} and, when there are any, {@code systematics}. The θ
   * benchmarks and the nuisance benchmarks' rows and flags are written with the setup.
   */
  static void write(H5Writer out, Nuisances nuisances, Systematics systematics) {
    if (!nuisances.isEmpty()) {
      List<String> sys = new ArrayList<>();
      List<String> plus = new ArrayList<>();
      List<String> minus = new ArrayList<>();
      for (NuisanceParameter p : nuisances.parameters()) {
        sys.add(systematics.systematicOf(p.name()));
        plus.add(p.plusBenchmark());
        minus.add(p.twoSided() ? p.minusBenchmark() : NONE);
      }
      out.strings("nuisance_parameters/names", nuisances.names());
      out.strings("nuisance_parameters/systematics", sys);
      out.strings("nuisance_parameters/benchmark_positive", plus);
      out.strings("nuisance_parameters/benchmark_negative", minus);
    }
    List<Systematic> entries = systematics.entries();
    if (!entries.isEmpty()) {
      out.strings("systematics/names", entries.stream().map(Systematic::name).toList());
      out.strings("systematics/types", entries.stream().map(s -> s.type().fileName()).toList());
      out.strings("systematics/values", entries.stream().map(Systematic::value).toList());
      // norm and pdf: "None", which MadMiner's own writer would store for a missing scale
      out.strings(
          "systematics/scales",
          entries.stream().map(s -> s.scale() == null ? NONE : s.scale().fileName()).toList());
    }
  }

  /** A benchmark name as stored, null for MadMiner's "None" (or an empty string). */
  private static String benchmark(String stored) {
    return stored.isEmpty() || NONE.equals(stored) ? null : stored;
  }

  /** The values of systematics: strings as MadMiner writes them, or numbers written by others. */
  private static String[] values(H5Reader in, String path) {
    if (in.isStrings(path)) {
      return in.strings(path);
    }
    double[] v = in.doubles(path);
    String[] out = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Double.toString(v[i]);
    }
    return out;
  }

  private static boolean[] flags(H5Reader in, String path, int n) {
    boolean[] out = new boolean[n];
    if (!in.has(path)) {
      return out;
    }
    long[] v = in.longs(path);
    if (v.length != n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: dataset '%s' has %d flags for %d benchmarks",
              in.file(),
              path,
              v.length,
              n));
    }
    for (int i = 0; i < n; i++) {
      out[i] = v[i] != 0;
    }
    return out;
  }
}
