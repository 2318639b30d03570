package org.sbi4j.samples.simulators;

import java.util.Arrays;
import java.util.Locale;

/** The built-in processes, by the name {@code sbi4j simulate --process} takes. */
public enum Simulators {
  /** {@link Interference1D}. */
  INTERFERENCE_1D("interference-1d"),
  /** {@link Interference2D}. */
  INTERFERENCE_2D("interference-2d");

  private final String processName;

  Simulators(String processName) {
    this.processName = processName;
  }

  /** The process name, e.g. {@code interference-1d}. */
  public String processName() {
    return processName;
  }

  /** A new simulator of this process. */
  public Simulator create() {
    return switch (this) {
      case INTERFERENCE_1D -> new Interference1D();
      case INTERFERENCE_2D -> new Interference2D();
    };
  }

  /** The simulator called {@code name}; an unknown name lists the known ones. */
  public static Simulator byName(String name) {
    for (Simulators s : values()) {
      if (s.processName.equals(name.toLowerCase(Locale.ROOT))) {
        return s.create();
      }
    }
    throw new IllegalArgumentException(
        "unknown process '"
            + name
            + "'; choose one of "
            + Arrays.stream(values()).map(Simulators::processName).toList());
  }
}
