package org.sbi4j.samples.mining;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text file of a {@code points:FILE} prior: one point per line, its values separated by
 * whitespace or commas; blank lines and lines starting with {@code #} are skipped.
 */
final class PointsFile {
  private PointsFile() {}

  /** The rows of {@code file}, all of one width, at least one. */
  static double[][] read(String file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("points file " + file + " does not exist");
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read points file " + file + ": " + e.getMessage());
    }
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("[\\s,]+");
      double[] row = new double[f.length];
      for (int j = 0; j < f.length; j++) {
        try {
          row[j] = Double.parseDouble(f[j]);
        } catch (NumberFormatException e) {
          row[j] = Double.NaN;
        }
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "points file %s line %d: '%s' is not a finite number",
                  file,
                  i + 1,
                  f[j]));
        }
      }
      if (!rows.isEmpty() && row.length != rows.get(0).length) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "points file %s line %d has %d values but the first point has %d; give every"
                    + " point the same number of values",
                file,
                i + 1,
                row.length,
                rows.get(0).length));
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("points file " + file + " lists no points");
    }
    return rows.toArray(double[][]::new);
  }

  /** The single column of {@code rows}, the values of one parameter's {@code entry}. */
  static double[] column(String entry, double[][] rows) {
    if (rows[0].length != 1) {
      throw new IllegalArgumentException(
          "prior entry '"
              + entry
              + "' is one parameter's, so its file must hold one value per line (it holds "
              + rows[0].length
              + "); a file of whole θ points must be the only prior entry");
    }
    double[] out = new double[rows.length];
    for (int k = 0; k < rows.length; k++) {
      out[k] = rows[k][0];
    }
    return out;
  }
}
