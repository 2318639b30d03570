package org.sbi4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/** CSV files of Exp(1) draws, the nplm tests' data and reference samples. */
public final class ExponentialCsv {
  private ExponentialCsv() {}

  /**
   * Writes {@code header} and {@code n} rows of {@code columns} Exp(1) values (six decimals, drawn
   * row by row from {@code new Random(seed)}) to {@code f}; returns {@code f}.
   */
  public static Path write(Path f, String header, int n, long seed, int columns)
      throws IOException {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < columns; j++) {
        sb.append(j > 0 ? "," : "")
            .append(String.format(Locale.ROOT, "%.6f", -Math.log(1 - r.nextDouble())));
      }
      sb.append('\n');
    }
    return Files.writeString(f, sb.toString());
  }
}
