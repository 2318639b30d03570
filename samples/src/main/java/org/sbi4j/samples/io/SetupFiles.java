package org.sbi4j.samples.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.morphing.MorphingSetup;

/** Loads a morphing setup from a YAML file or from an event file in MadMiner's HDF5 layout. */
public final class SetupFiles {
  private SetupFiles() {}

  /**
   * @param file {@code .yaml}/{@code .yml} (schema {@link SetupYaml}) or {@code .h5}/{@code .hdf5}
   * @throws IllegalArgumentException when the file is missing, of an unknown kind or malformed
   */
  public static MorphingSetup load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("setup file " + file + " does not exist");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Configs.load(file, SetupYaml.class).toSetup();
    }
    if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
      return MadMinerFiles.readSetup(file);
    }
    throw new IllegalArgumentException(
        "setup file "
            + file
            + " is neither YAML (.yaml, .yml) nor an HDF5 event file (.h5, .hdf5)");
  }
}
