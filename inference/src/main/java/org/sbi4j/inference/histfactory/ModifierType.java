package org.sbi4j.inference.histfactory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The HistFactory modifier types of the pyhf schema, by their JSON names. */
public enum ModifierType {
  NORMFACTOR,
  LUMI,
  NORMSYS,
  HISTOSYS,
  SHAPESYS,
  STATERROR,
  SHAPEFACTOR;

  /** The JSON name, e.g. "normsys". */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type named {@code name} in a workspace; null when unknown. */
  public static ModifierType fromJson(String name) {
    for (ModifierType t : values()) {
      if (t.jsonName().equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** The JSON names, comma-separated, for error messages. */
  public static String known() {
    return Arrays.stream(values()).map(ModifierType::jsonName).collect(Collectors.joining(", "));
  }
}
