package org.sbi4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulators;

/** Event files the command tests read, each in its own temp folder removed when the JVM exits. */
final class TestEvents {
  private TestEvents() {}

  /** Writes {@code n} Interference1D events drawn with {@code seed}; returns the file. */
  static Path interference1d(int n, long seed) {
    try {
      Path dir = Files.createTempDirectory("sbi4j-cli-events");
      dir.toFile().deleteOnExit();
      Path events = dir.resolve("events.h5");
      MadMinerFiles.writeEvents(events, Simulators.INTERFERENCE_1D.create().events(n, seed));
      events.toFile().deleteOnExit();
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
