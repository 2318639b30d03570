package org.sbi4j.inference.likelihood;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.PlainSamples;

/** Reading the inputs of limits and Fisher information. */
public final class DataFiles {
  private DataFiles() {}

  /** A weighted event file in MadMiner's layout. */
  public static EventSample events(Path file) {
    requireFile(file);
    return MadMinerFiles.readEvents(file);
  }

  /**
   * Observed data: an event file ({@code samples/observations}), a plain {@code .h5} with dataset
   * {@code x}, or a {@code .csv}; only the features are used.
   */
  public static EventSample observed(Path file) {
    requireFile(file);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return PlainSamples.read(file);
    }
    try {
      return MadMinerFiles.readEvents(file);
    } catch (IllegalArgumentException asEventFile) {
      try {
        return PlainSamples.read(file);
      } catch (IllegalArgumentException asPlain) {
        throw new IllegalArgumentException(
            file
                + " is neither an event file ("
                + asEventFile.getMessage()
                + ") nor a plain sample ("
                + asPlain.getMessage()
                + ")");
      }
    }
  }

  private static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("file " + file + " does not exist; check the path");
    }
  }
}
