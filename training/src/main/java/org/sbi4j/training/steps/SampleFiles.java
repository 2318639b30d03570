package org.sbi4j.training.steps;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.PlainSamples;
import org.sbi4j.samples.io.TrainingFiles;

/** Reads whichever sample file a user gives: an event file, a training sample or a plain sample. */
final class SampleFiles {
  private SampleFiles() {}

  /** Event file (has samples/observations), .csv plain sample, or training/plain .h5 sample. */
  static EventSample read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("file " + file + " does not exist");
    }
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      return PlainSamples.read(file);
    }
    boolean events;
    try (HdfFile h5 = new HdfFile(file)) {
      events = exists(h5, "samples/observations");
    } catch (HdfException e) {
      throw new IllegalArgumentException(file + " is not an HDF5 file: " + e.getMessage());
    }
    return events ? MadMinerFiles.readEvents(file) : TrainingFiles.read(file);
  }

  private static boolean exists(HdfFile h5, String path) {
    try {
      h5.getByPath(path);
      return true;
    } catch (HdfException e) {
      return false;
    }
  }
}
