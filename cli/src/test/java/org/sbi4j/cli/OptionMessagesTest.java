package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.testing.CliArgs;

/**
 * Library failures speak of values; each command maps the value to its option, so bad input still
 * gives exit code 2 and one line naming the option.
 */
class OptionMessagesTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(500, 3);

  private static void namesOption(String option, String expected, Object... parts) {
    String[] args = CliArgs.words(parts);
    CliRun r = CliRun.of((Object[]) args);
    r.assertBadInput(expected);
    assertTrue(r.err().startsWith("sbi4j " + args[0] + ": " + option + ": "), r.err());
  }

  @Test
  void limitsNamesLuminosityAndGrid() {
    namesOption(
        "--luminosity",
        "luminosity = -1.0 must be positive",
        "limits --events",
        events,
        "--histogram x --theta-true 0 --luminosity -1 --grid -1:1:5");
    namesOption(
        "--grid",
        "grid axis '-1:1:0' needs lo < hi and n >= 2",
        "limits --events",
        events,
        "--histogram x --theta-true 0 --luminosity 10 --grid -1:1:0");
    namesOption(
        "--model DIR or --histogram OBS[,OBS]",
        "no method",
        "limits --events",
        events,
        "--theta-true 0 --luminosity 10 --grid -1:1:5");
    namesOption(
        "--model",
        "train one with 'sbi4j train --out DIR'",
        "limits --events",
        events,
        "--model",
        dir.resolve("no-such-model"),
        "--theta-true 0 --luminosity 10 --grid -1:1:5");
  }

  @Test
  void fisherAndMorphingNameTheta() {
    namesOption(
        "--theta",
        "theta has 2 values but there are 1 parameters",
        "fisher --events",
        events,
        "--theta 0,1 --luminosity 10 --kind truth");
    namesOption(
        "--luminosity",
        "luminosity = 0.0 must be positive",
        "fisher --events",
        events,
        "--theta 0 --luminosity 0 --kind truth");
    namesOption(
        "--model",
        "the SALLY Fisher information needs a SALLY model folder",
        "fisher --events",
        events,
        "--theta 0 --luminosity 10 --kind sally");
  }

  @Test
  void nplmNamesToys() throws IOException {
    Path csv = dir.resolve("x.csv");
    Files.writeString(csv, "x\n0.1\n0.2\n0.3\n");
    namesOption(
        "--toys",
        "toys = 1 is too few",
        "nplm --data",
        csv,
        "--reference",
        csv,
        "--expected 3 --toys 1");
  }

  /** A CLI flag: two dashes and a letter, not inside a longer word or a run of dashes. */
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z]");

  private static final Pattern LITERAL =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

  /**
   * Literals that hold a double dash that is not an sbi4j option: the JVM's own option, which the
   * messages about the missing Java Vector API must name.
   */
  private static final List<String> NOT_CLI_FLAGS = List.of("--add-modules jdk.incubator.vector");

  @Test
  void libraryStringLiteralsNameNoCliFlags() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<String> found = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(m -> !m.getFileName().toString().equals("cli")).toList()) {
        Path src = module.resolve("src/main/java");
        if (!Files.isDirectory(src)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(src)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            String code = withoutComments(Files.readString(f));
            Matcher m = LITERAL.matcher(code);
            while (m.find()) {
              String text = m.group(1) != null ? m.group(1) : m.group(2);
              for (String allowed : NOT_CLI_FLAGS) {
                text = text.replace(allowed, "");
              }
              if (FLAG.matcher(text).find()) {
                found.add(root.relativize(f) + ": \"" + text + "\"");
              }
            }
          }
        }
      }
    }
    assertTrue(
        found.size() == 0,
        "library messages name CLI flags (map the value in the "
            + "command's OptionMap instead):\n"
            + String.join("\n", found));
    assertTrue(Files.isDirectory(root.resolve("inference/src/main/java")), root.toString());
  }

  /** Blanks block and line comments, keeping string literals (a rough lexer, enough here). */
  private static String withoutComments(String code) {
    StringBuilder out = new StringBuilder(code.length());
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (code.startsWith("\"\"\"", i)) {
        int end = code.indexOf("\"\"\"", i + 3);
        end = end < 0 ? code.length() : end + 3;
        out.append(code, i, end);
        i = end;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != c && code.charAt(j) != '\n') {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(j + 1, code.length());
        out.append(code, i, j);
        i = j;
      } else if (code.startsWith("//", i)) {
        while (i < code.length() && code.charAt(i) != '\n') {
          i++;
        }
      } else if (code.startsWith("/*", i)) {
        int end = code.indexOf("*/", i + 2);
        end = end < 0 ? code.length() : end + 2;
        out.append(code.substring(i, end).replaceAll("[^\n]", " "));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
