package org.sbi4j.cli;

import java.util.HashMap;
import java.util.Map;
import org.sbi4j.common.InvalidValueException;

/**
 * One command's map from the stable value names of the library ({@link
 * InvalidValueException#value()}, e.g. {@code "luminosity"}) to the option that sets the value
 * (e.g. {@code "--luminosity"}), with optional CLI advice. {@link Main} prefixes a library failure
 * with the option, so the one error line names what to fix on the command line.
 */
final class OptionMap {
  private final Map<String, String> options = new HashMap<>();
  private final Map<String, String> fixes = new HashMap<>();

  /** A map from pairs: value name, option, value name, option, … */
  static OptionMap of(String... valueThenOption) {
    if (valueThenOption.length % 2 != 0) {
      throw new IllegalStateException("OptionMap.of takes value/option pairs");
    }
    OptionMap map = new OptionMap();
    for (int i = 0; i < valueThenOption.length; i += 2) {
      map.options.put(valueThenOption[i], valueThenOption[i + 1]);
    }
    return map;
  }

  /** Maps {@code value} to {@code option} and appends {@code fix} to its messages. */
  OptionMap with(String value, String option, String fix) {
    options.put(value, option);
    fixes.put(value, fix);
    return this;
  }

  /** The message of {@code e} as the command line sees it: the option first, then any fix. */
  String describe(InvalidValueException e) {
    String option = options.get(e.value());
    if (option == null) {
      return e.getMessage();
    }
    String fix = fixes.get(e.value());
    return option + ": " + e.getMessage() + (fix == null ? "" : "; " + fix);
  }

  /** A command whose options set values that library checks name. */
  interface Mapped {
    /** The command's map from library value names to its options. */
    OptionMap optionMap();
  }
}
