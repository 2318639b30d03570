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
 */
public final class TrainingFiles {
  private TrainingFiles() {}

  /** Writes the features and every column the sample carries, plus its setup when it has one. */
  public static void write(Path file, EventSample sample) {
    H5Writer.write(
        file,
        out -> {
          writeFeatures(out, sample);
          for (Column c : sample.columns()) {
            if (c.perParameter()) {
              out.matrix(c.datasetName(), sample.column(c), sample.width(c));
            } else {
              out.doubles(c.datasetName(), sample.column(c));
            }
          }
          if (sample.setup().isPresent()) {
            MadMinerFiles.writeSetup(out, sample.setup().get());
          } else if (!sample.parameterNames().isEmpty()) {
            out.strings("parameters/names", sample.parameterNames());
          }
        });
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
        if (c.perParameter() && params == null) {
          params = numbered("theta_", width);
        }
        int want = c.perParameter() ? params.size() : 1;
        MadMinerFiles.requireLength(in, c.datasetName() + " (columns)", width, want);
        s = s.withColumn(c, in.doubles(c.datasetName()), params == null ? List.of() : params);
      }
      return s;
    }
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
