package org.sbi4j.samples.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.internal.H5Reader;
import org.sbi4j.samples.io.internal.H5Writer;

/**
 * Training-sample files (docs/formats.md): {@code x} (n × d), {@code theta0}, {@code theta1} (n ×
 * p), {@code y}, {@code log_r_xz} (n), {@code t_xz0}, {@code t_xz1} (n × p), optionally {@code
 * weights} (n), {@code parameters/names}, {@code observables/names} and the setup groups of {@link
 * MadMinerFiles}. Only the columns present are written; reading takes whichever exist.
 *
 * <p>With nuisance parameters (docs/math.md §7.4) the file also has {@code nuisance_names} (m) and
 * {@code nu0}, {@code nu1} (n × m, beside {@code theta0}, {@code theta1}); the scores {@code
 * t_xz0}, {@code t_xz1} then have p + m columns (θ, then ν). In memory the sample's parameters are
 * θ ⊕ ν: its θ columns hold θ0 ⊕ ν0 and θ1 ⊕ ν1, so that training sees one parameter vector.
 */
public final class TrainingFiles {
  private TrainingFiles() {}

  /** Writes the features and every column the sample carries, plus its setup when it has one. */
  public static void write(Path file, EventSample sample) {
    write(file, sample, List.of());
  }

  /**
   * As {@link #write(Path, EventSample)} for a sample whose last parameters are the nuisance
   * parameters {@code nuisanceNames}: θ columns are split into {@code theta*} and {@code nu*}.
   */
  public static void write(Path file, EventSample sample, List<String> nuisanceNames) {
    int m = nuisanceNames.size();
    List<String> all = sample.parameterNames();
    int p = all.size() - m;
    if (m > 0 && (p < 1 || !all.subList(p, all.size()).equals(nuisanceNames))) {
      throw new IllegalArgumentException(
          "nuisance parameters "
              + nuisanceNames
              + " must be the last of the sample's parameters "
              + all);
    }
    H5Writer.write(
        file,
        out -> {
          writeFeatures(out, sample);
          for (Column c : sample.columns()) {
            if (m > 0 && (c == Column.THETA0 || c == Column.THETA1)) {
              double[][] split = split(sample.column(c), p, m);
              out.matrix(c.datasetName(), split[0], p);
              out.matrix(nuDataset(c), split[1], m);
            } else if (c.perParameter()) {
              out.matrix(c.datasetName(), sample.column(c), sample.width(c));
            } else {
              out.doubles(c.datasetName(), sample.column(c));
            }
          }
          if (sample.setup().isPresent()) {
            MadMinerFiles.writeSetup(out, sample.setup().get());
          } else if (!sample.parameterNames().isEmpty()) {
            out.strings("parameters/names", all.subList(0, p));
          }
          if (m > 0) {
            out.strings(NUISANCE_NAMES, nuisanceNames);
          }
        });
  }

  /** The dataset of the nuisance parameters' names. */
  public static final String NUISANCE_NAMES = "nuisance_names";

  /** The nuisance parameters of a training-sample file (empty when it has none). */
  public static List<String> nuisanceNames(Path file) {
    try (H5Reader in = H5Reader.open(file)) {
      return in.has(NUISANCE_NAMES) ? List.of(in.strings(NUISANCE_NAMES)) : List.of();
    }
  }

  /** {@code nu0} for {@code theta0}, {@code nu1} for {@code theta1}. */
  static String nuDataset(Column c) {
    return c == Column.THETA0 ? "nu0" : "nu1";
  }

  /** Rows of width p + m split into their first p and last m entries. */
  private static double[][] split(double[] v, int p, int m) {
    int n = v.length / (p + m);
    double[] a = new double[n * p];
    double[] b = new double[n * m];
    for (int i = 0; i < n; i++) {
      System.arraycopy(v, i * (p + m), a, i * p, p);
      System.arraycopy(v, i * (p + m) + p, b, i * m, m);
    }
    return new double[][] {a, b};
  }

  /** Rows of widths p and m joined. */
  private static double[] join(double[] a, int p, double[] b, int m) {
    int n = a.length / p;
    double[] v = new double[n * (p + m)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a, i * p, v, i * (p + m), p);
      System.arraycopy(b, i * m, v, i * (p + m) + p, m);
    }
    return v;
  }

  /**
   * Reads a training-sample file. Column names come from {@code observables/names} and {@code
   * parameters/names} when present, else {@code x0, x1, …} and {@code theta_0, …}.
   */
  public static EventSample read(Path file) {
    try (H5Reader in = H5Reader.open(file)) {
      long n = in.rows("x");
      EventSample s = readFeatures(in);
      List<String> params =
          in.has("parameters/names") ? List.of(in.strings("parameters/names")) : null;
      List<String> nuisances =
          in.has(NUISANCE_NAMES) ? List.of(in.strings(NUISANCE_NAMES)) : List.of();
      int m = nuisances.size();
      if (m == 0 && (in.has("nu0") || in.has("nu1"))) {
        throw new IllegalArgumentException(
            file + ": has nu0/nu1 but no dataset '" + NUISANCE_NAMES + "'; name the ν columns");
      }
      List<String> all = null;
      for (Column c : Column.values()) {
        if (!in.has(c.datasetName())) {
          continue;
        }
        if (in.rows(c.datasetName()) != n) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s: dataset '%s' has %d rows but x has %d",
                  file,
                  c.datasetName(),
                  in.rows(c.datasetName()),
                  n));
        }
        int width = in.columns(c.datasetName());
        boolean theta = c == Column.THETA0 || c == Column.THETA1;
        if (c.perParameter() && params == null) {
          params = numbered("theta_", theta ? width : width - m);
        }
        if (c.perParameter() && all == null) {
          all = withNuisances(file, params, nuisances);
        }
        int want = c.perParameter() ? (theta ? params.size() : all.size()) : 1;
        MadMinerFiles.requireLength(in, c.datasetName() + " (columns)", width, want);
        double[] values = in.doubles(c.datasetName());
        if (m > 0 && theta) {
          String nu = nuDataset(c);
          if (!in.has(nu)) {
            throw new IllegalArgumentException(
                file
                    + ": has nuisance parameters "
                    + nuisances
                    + " and '"
                    + c.datasetName()
                    + "' but no '"
                    + nu
                    + "'; write the ν values beside θ");
          }
          if (in.rows(nu) != n) {
            throw new IllegalArgumentException(
                String.format(
                    Locale.ROOT,
                    "%s: dataset '%s' has %d rows but x has %d",
                    file,
                    nu,
                    in.rows(nu),
                    n));
          }
          MadMinerFiles.requireLength(in, nu + " (columns)", in.columns(nu), m);
          values = join(values, params.size(), in.doubles(nu), m);
        }
        s = s.withColumn(c, values, all == null ? List.of() : all);
      }
      return s;
    }
  }

  /** θ names then ν names, refusing a ν name that is also a θ name. */
  private static List<String> withNuisances(
      Path file, List<String> params, List<String> nuisances) {
    List<String> all = new ArrayList<>(params);
    for (String nu : nuisances) {
      if (all.contains(nu)) {
        throw new IllegalArgumentException(
            file + ": nuisance parameter '" + nu + "' has the name of a parameter θ or another ν");
      }
      all.add(nu);
    }
    return all;
  }

  /** Writes {@code x} and {@code observables/names}. */
  static void writeFeatures(H5Writer out, EventSample sample) {
    out.matrix("x", sample.x(), sample.featureCount());
    out.strings("observables/names", sample.observables());
  }

  /** The features {@code x}, named by {@code observables/names} or else {@code x0, x1, …}. */
  static EventSample readFeatures(H5Reader in) {
    int d = in.columns("x");
    List<String> obs =
        in.has("observables/names") ? List.of(in.strings("observables/names")) : numbered("x", d);
    MadMinerFiles.requireLength(in, "observables/names", obs.size(), d);
    return EventSample.ofFeatures(obs, in.doubles("x"));
  }

  static List<String> numbered(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }
}
