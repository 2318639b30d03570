package org.sbi4j.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Command-line arguments written compactly in tests: {@code words("limits --grid -1:1:5 --events",
 * events)} is {@code ["limits", "--grid", "-1:1:5", "--events", events.toString()]}.
 */
public final class CliArgs {
  private CliArgs() {}

  /**
   * The arguments: each {@link String} part is split at white space into words, any other part (a
   * {@link java.nio.file.Path}, a number) is one word as {@code toString()} writes it, so a path
   * with a space in it stays whole; an array part adds its elements' words.
   */
  public static String[] words(Object... parts) {
    List<String> words = new ArrayList<>();
    add(words, parts);
    return words.toArray(String[]::new);
  }

  private static void add(List<String> words, Object[] parts) {
    for (Object part : parts) {
      if (part instanceof Object[] array) {
        add(words, array);
      } else if (part instanceof String s) {
        for (String w : s.strip().split("\\s+")) {
          if (!w.isEmpty()) {
            words.add(w);
          }
        }
      } else {
        words.add(String.valueOf(part));
      }
    }
  }
}
