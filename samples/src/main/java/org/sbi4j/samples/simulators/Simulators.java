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

  /**
   * A new simulator of this process with its nuisance parameters (docs/math.md §7): {@code norm}
   * and {@code shape} for interference-1d, {@code shape} for interference-2d.
   */
  public Simulator createWithNuisances() {
    return switch (this) {
      case INTERFERENCE_1D -> Interference1D.withNuisances();
      case INTERFERENCE_2D -> Interference2D.withNuisances();
    };
  }

  /** The simulator called {@code name}; an unknown name lists the known ones. */
  public static Simulator byName(String name) {
    return byName(name, false);
  }

  /**
   * The simulator called {@code name}, with its nuisance parameters when {@code nuisances}; an
   * unknown name lists the known ones.
   */
  public static Simulator byName(String name, boolean nuisances) {
    for (Simulators s : values()) {
      if (s.processName.equals(name.toLowerCase(Locale.ROOT))) {
        return nuisances ? s.createWithNuisances() : s.create();
      }
    }
    throw new IllegalArgumentException(
        "unknown process '"
            + name
            + "'; choose one of "
            + Arrays.stream(values()).map(Simulators::processName).toList());
  }
}
