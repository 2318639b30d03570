package org.sbi4j.samples.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Parsing of numeric CSV rows with errors naming the file, line and column. */
final class CsvParsing {
  private CsvParsing() {}

  /** The trimmed column names of a header line. */
  static List<String> columns(String header) {
    List<String> cols = new ArrayList<>();
    for (String c : header.split(",", -1)) {
      cols.add(c.trim());
    }
    return cols;
  }

  /**
   * Parses each non-blank line left in {@code r} (the lines after the header, numbered from 2 in
   * messages) into {@code width} numbers and hands them to {@code row}.
   */
  static void forEachRow(Path file, BufferedReader r, int width, Consumer<double[]> row)
      throws IOException {
    String line;
    int lineNo = 1;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      row.accept(parseRow(file, lineNo, line, width));
    }
  }

  /** The {@code width} finite numbers of one comma-separated line. */
  static double[] parseRow(Path file, int lineNo, String line, int width) {
    String[] parts = line.split(",", -1);
    if (parts.length != width) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s line %d has %d fields but the header has %d",
              file,
              lineNo,
              parts.length,
              width));
    }
    double[] v = new double[width];
    for (int j = 0; j < width; j++) {
      try {
        v[j] = parse(parts[j].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s line %d field %d ('%s') is not a number",
                file,
                lineNo,
                j + 1,
                parts[j].trim()));
      }
      if (!Double.isFinite(v[j])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s line %d field %d is %s; every value must be finite",
                file,
                lineNo,
                j + 1,
                v[j]));
      }
    }
    return v;
  }

  /** Java's number syntax plus numpy's spellings nan, inf, -inf (which are then rejected). */
  private static double parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "nan", "-nan", "+nan" -> Double.NaN;
      case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
      case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }
}
