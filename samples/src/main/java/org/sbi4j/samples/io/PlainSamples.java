package org.sbi4j.samples.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.internal.H5Reader;
import org.sbi4j.samples.io.internal.H5Writer;

/**
 * Plain samples for NPLM (docs/formats.md): {@code .h5} with dataset {@code x} (n × d), optional
 * {@code weights} (n, as {@link Column#WEIGHT}) and optional {@code observables/names}; or {@code
 * .csv} with a header row of observable names and one event per line (a column named {@code
 * weights} becomes the weight column).
 */
public final class PlainSamples {
  private PlainSamples() {}

  /** Reads a plain sample from {@code .h5}/{@code .hdf5} or {@code .csv}. */
  public static EventSample read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return readCsv(file);
    }
    try (H5Reader in = H5Reader.open(file)) {
      EventSample s = TrainingFiles.readFeatures(in);
      if (in.has("weights")) {
        MadMinerFiles.requireLength(in, "weights", (int) in.rows("weights"), s.size());
        s = s.withColumn(Column.WEIGHT, in.doubles("weights"), List.of());
      }
      return s;
    }
  }

  /** Writes {@code x}, {@code observables/names} and, when present, {@code weights}. */
  public static void write(Path file, EventSample sample) {
    H5Writer.write(
        file,
        out -> {
          TrainingFiles.writeFeatures(out, sample);
          if (sample.has(Column.WEIGHT)) {
            out.doubles("weights", sample.column(Column.WEIGHT));
          }
        });
  }

  private static EventSample readCsv(Path file) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || header.isBlank()) {
        throw new IllegalArgumentException(file + " is empty; a CSV sample needs a header row");
      }
      List<String> cols = CsvParsing.columns(header);
      int wcol = cols.indexOf("weights");
      List<String> obs = new ArrayList<>(cols);
      if (wcol >= 0) {
        obs.remove(wcol);
      }
      List<double[]> rows = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      CsvParsing.forEachRow(
          file,
          r,
          cols.size(),
          v -> {
            double[] row = new double[obs.size()];
            int k = 0;
            for (int j = 0; j < v.length; j++) {
              if (j == wcol) {
                weights.add(v[j]);
              } else {
                row[k++] = v[j];
              }
            }
            rows.add(row);
          });
      if (rows.isEmpty()) {
        throw new IllegalArgumentException(file + " has a header but no events");
      }
      EventSample s = EventSample.ofFeatures(obs, rows.toArray(new double[0][]));
      if (wcol >= 0) {
        s =
            s.withColumn(
                Column.WEIGHT,
                weights.stream().mapToDouble(Double::doubleValue).toArray(),
                List.of());
      }
      return s;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
