package org.sbi4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers shared by the benchmark harnesses' reports. */
final class BenchReport {
  private BenchReport() {}

  /** The machine's /proc/loadavg line, or "unknown" where there is none. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
