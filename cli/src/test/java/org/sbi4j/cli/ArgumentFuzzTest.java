package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.sbi4j.testing.ExponentialCsv;
import org.sbi4j.testing.ModelFixture;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Coverage-guided fuzzing (Jazzer) of the command-line parsing of {@code limits}, {@code augment}
 * and {@code nplm} (issue 17): each input starts from a valid invocation over tiny files, then
 * sets, replaces or drops options taken from the command's real option set (picocli's model), with
 * values of the option's type, valid ones or fuzzed strings, and sometimes a stray word. {@link
 * Main#execute} must return 0 or 2, on 2 with exactly one stderr line and no stack trace; an
 * exception escaping it, exit 1 or more lines are findings.
 *
 * <p>Bounds that keep one execution to milliseconds and the fuzzer inside its temp folder: every
 * path value is a file of the run's own temp folder (input files are fresh copies per execution, so
 * that an {@code --out} onto an input cannot change later executions); fuzzed strings have no digit
 * run longer than 2, no exponent or hex marker and no leading {@code @} (picocli's argument files),
 * so sizes (grid points, samples, toys, epochs) stay below 100, and {@link #CAPS} bounds toys (3),
 * epochs (5), samples and θ points further; {@code nplm} runs on 10 data and 60 reference events
 * with a 1,2,1 network and 5 Adam epochs (L-BFGS, run to convergence, only where fuzzed), {@code
 * augment} keeps a small {@code --samples} and {@code limits} a {@code --plot} in the temp folder.
 * {@code --master} values are fuzzed too: without Spark on this module's class path every one must
 * be refused with exit 2.
 *
 * <p>{@code mvn test} replays the committed inputs in {@code ArgumentFuzzTestInputs/arguments/};
 * fuzzing is {@code JAZZER_FUZZ=1 mvn -o -pl cli -am test -Dtest='ArgumentFuzzTest#arguments'
 * -Dsurefire.failIfNoSpecifiedTests=false} (see {@code .ci/fuzz}).
 */
class ArgumentFuzzTest {
  private static final List<String> COMMANDS = List.of("limits", "augment", "nplm");
  private static final Path INPUTS = inputs();

  /** Options every invocation of a command keeps (only their value may be fuzzed). */
  private static final Map<String, Set<String>> PINNED =
      Map.of(
          "limits", Set.of("--plot"),
          "augment", Set.of("--samples"),
          "nplm", Set.of("--epochs", "--toys"));

  /**
   * Upper bounds on the sizes that set the cost of one execution (toys, epochs, samples, grid
   * points come from fuzzed strings of up to 2 digits): an integer value above its cap is replaced
   * by the cap, so that every execution stays within tens of milliseconds.
   */
  private static final Map<String, Integer> CAPS =
      Map.of("--toys", 3, "--epochs", 5, "--samples", 20, "--thetas", 5);

  /** Valid values per option name, tried before fuzzed strings. */
  private static final Map<String, List<String>> GOOD =
      Map.ofEntries(
          Map.entry("--histogram", List.of("x", "x:3", "y", "x,x")),
          Map.entry("--grid", List.of("-1:1:5", "-1:1:1", "0:0:2", "1:-1:3", "-1:1:99")),
          Map.entry("--theta-true", List.of("0", "0.5", "3", "0,0")),
          Map.entry("--luminosity", List.of("10", "0", "-1", "1e308", "NaN", "Infinity")),
          Map.entry("--bins", List.of("3", "1", "0", "-1")),
          Map.entry("--fisher", List.of("0", "0.3", "x")),
          Map.entry("--method", List.of("sally", "ratio", "carl", "rascal", "alice", "nope")),
          Map.entry("--theta-ref", List.of("0", "0,0", "0.5")),
          Map.entry("--theta1", List.of("0", "0,0", "1")),
          Map.entry(
              "--theta0-prior", List.of("uniform:-1:1", "grid:-1:1:3", "uniform:-1:1,grid:-1:1:3")),
          Map.entry("--thetas", List.of("3", "0", "-1", "20")),
          Map.entry("--samples", List.of("10", "0", "-5", "50")),
          Map.entry("--partition", List.of("train", "validation", "test", "x")),
          Map.entry("--expected", List.of("10", "0", "-1", "60", "NaN", "1e308")),
          Map.entry("--network", List.of("1,2,1", "1,1", "2,2,1", "1,0,1", "x")),
          Map.entry("--clip", List.of("9", "0", "-1", "Infinity")),
          Map.entry("--optimizer", List.of("lbfgs", "adam", "LBFGS", "sgd")),
          Map.entry("--epochs", List.of("5", "0", "-1", "1")),
          Map.entry("--toys", List.of("3", "2", "1", "0", "-1")),
          Map.entry("--threads", List.of("1", "2", "0", "-1")),
          Map.entry("--seed", List.of("3", "-1", "0")),
          Map.entry("--master", List.of("local[2]", "nowhere[", "yarn")),
          Map.entry("--max-negative-fraction", List.of("0.1", "0", "1", "-1", "NaN")),
          Map.entry("--json", List.of("-")));

  private static Path inputs() {
    try {
      Path dir = Files.createTempDirectory("sbi4j-fuzz-cli-inputs");
      Files.copy(TestEvents.interference1d(300, 7), dir.resolve("events.h5"));
      Path model = ModelFixture.copyTo(dir);
      if (!model.equals(dir.resolve("model"))) {
        Files.move(model, dir.resolve("model"));
      }
      ExponentialCsv.write(dir.resolve("data.csv"), "x", 10, 1, 1);
      ExponentialCsv.write(dir.resolve("reference.csv"), "x", 60, 2, 1);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid invocation of {@code command} over the files of {@code dir}. */
  private static Map<String, String> base(String command, Path dir) {
    Map<String, String> args = new LinkedHashMap<>();
    switch (command) {
      case "limits" -> {
        args.put("--histogram", "x");
        args.put("--events", dir.resolve("events.h5").toString());
        args.put("--theta-true", "0");
        args.put("--luminosity", "10");
        args.put("--grid", "-1:1:5");
        args.put("--plot", dir.resolve("plot").toString());
      }
      case "augment" -> {
        args.put("--events", dir.resolve("events.h5").toString());
        args.put("--method", "sally");
        args.put("--theta-ref", "0");
        args.put("--samples", "10");
        args.put("--out", dir.resolve("out.h5").toString());
      }
      default -> {
        args.put("--data", dir.resolve("data.csv").toString());
        args.put("--reference", dir.resolve("reference.csv").toString());
        args.put("--expected", "10");
        args.put("--network", "1,2,1");
        args.put("--optimizer", "adam");
        args.put("--epochs", "5");
        args.put("--toys", "3");
        args.put("--threads", "1");
      }
    }
    args.put("--json", "-");
    return args;
  }

  /** {@code v}, or {@code cap} where {@code v} is an integer above it. */
  private static String capped(String v, int cap) {
    try {
      return Integer.parseInt(v.strip()) > cap ? Integer.toString(cap) : v;
    } catch (NumberFormatException e) {
      return v;
    }
  }

  /** A fuzzed string made safe: short digit runs, no exponent or hex, no argument file. */
  private static String tame(String s) {
    StringBuilder sb = new StringBuilder();
    int digits = 0;
    for (char c : s.toCharArray()) {
      if (c == 'e' || c == 'E' || c == 'x' || c == 'X' || c == 'p' || c == 'P' || c == 0) {
        continue;
      }
      digits = Character.isDigit(c) ? digits + 1 : 0;
      if (digits <= 2) {
        sb.append(c);
      }
    }
    String t = sb.toString();
    while (t.startsWith("@")) {
      t = t.substring(1);
    }
    return t;
  }

  /** A path in {@code dir}: one of the inputs, or a fuzzed plain name there. */
  private static String path(FuzzedDataProvider data, Path dir) {
    List<String> names =
        List.of("events.h5", "model", "data.csv", "reference.csv", "new", "out.h5");
    if (data.consumeBoolean()) {
      return dir.resolve(names.get(data.consumeInt(0, names.size() - 1))).toString();
    }
    String name = data.consumeString(12).replaceAll("[^A-Za-z0-9_.-]", "");
    return dir.resolve(name.isEmpty() || name.matches("\\.+") ? "f" : name).toString();
  }

  private static String value(OptionSpec option, FuzzedDataProvider data, Path dir) {
    String name = option.longestName();
    Class<?> type = option.type();
    boolean pathLike =
        type == Path.class
            || List.class.isAssignableFrom(type) && name.equals("--model")
            || name.equals("--plot")
            || name.equals("--out")
            || name.equals("--json") && data.consumeBoolean();
    if (pathLike) {
      return path(data, dir);
    }
    if (name.equals("--json")) {
      return "-"; // any other value is a file name relative to the working directory
    }
    List<String> good = GOOD.get(name);
    int pick = data.consumeInt(0, (good == null ? 0 : good.size()) + 1);
    if (good != null && pick < good.size()) {
      return good.get(pick);
    }
    if (pick == (good == null ? 0 : good.size())) {
      return Integer.toString(data.consumeInt(-3, 20));
    }
    return tame(data.consumeString(16));
  }

  @FuzzTest(maxDuration = "30s")
  void arguments(FuzzedDataProvider data) throws IOException {
    String command = COMMANDS.get(data.consumeInt(0, COMMANDS.size() - 1));
    Path dir = Files.createTempDirectory("sbi4j-fuzz-cli");
    try {
      try (Stream<Path> s = Files.list(INPUTS)) {
        for (Path f : (Iterable<Path>) s::iterator) {
          copy(f, dir.resolve(f.getFileName().toString()));
        }
      }
      CommandLine line = new CommandLine(new Main()).getSubcommands().get(command);
      // --verbose prints the stack trace after the line by design (WarningsAndVerboseTest)
      List<OptionSpec> options =
          line.getCommandSpec().options().stream()
              .filter(o -> !o.longestName().equals("--verbose"))
              .toList();
      Map<String, String> args = base(command, dir);
      List<String> flags = new ArrayList<>();
      int edits = data.consumeInt(0, 4);
      for (int k = 0; k < edits; k++) {
        OptionSpec option = options.get(data.consumeInt(0, options.size() - 1));
        String name = option.longestName();
        if (data.consumeInt(0, 3) == 0 && !PINNED.get(command).contains(name)) {
          args.remove(name);
        } else if (option.arity().max() == 0) {
          flags.add(name);
        } else {
          args.put(name, value(option, data, dir));
        }
      }
      CAPS.forEach((name, cap) -> args.computeIfPresent(name, (n, v) -> capped(v, cap)));
      List<String> argv = new ArrayList<>(List.of(command));
      args.forEach(
          (name, v) -> {
            argv.add(name);
            argv.add(v);
          });
      argv.addAll(flags);
      if (data.consumeInt(0, 7) == 7) {
        argv.add(data.consumeInt(1, argv.size() - 1), tame(data.consumeString(10)));
      }
      check(argv);
    } finally {
      delete(dir);
    }
  }

  private static void check(List<String> argv) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = Main.execute(argv.toArray(String[]::new));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String e = CliRun.stderr(err).strip(); // without Jazzer's agent lines
    assertTrue(code == 0 || code == Main.BAD_INPUT, "exit " + code + " for " + argv + ": " + e);
    if (code == Main.BAD_INPUT) {
      assertEquals(1, e.strip().lines().count(), "not one line for " + argv + ": " + e);
      // the line may echo a fuzzed value (with its control characters made spaces): judge only
      // what sbi4j wrote around it
      String own = e;
      for (String a : argv) {
        String shown =
            a.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .trim();
        if (!shown.isEmpty()) {
          own = own.replace(shown, "");
        }
      }
      assertFalse(own.contains("\tat ") || own.contains("Exception"), "stack trace: " + e);
      assertFalse(
          e.strip().chars().anyMatch(Character::isISOControl), "control character in: " + e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    if (Files.isDirectory(from)) {
      Files.createDirectories(to);
      try (Stream<Path> s = Files.list(from)) {
        for (Path f : (Iterable<Path>) s::iterator) {
          copy(f, to.resolve(f.getFileName().toString()));
        }
      }
    } else {
      Files.copy(from, to);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
