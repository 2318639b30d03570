package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.sbi4j.testing.CliArgs;

/** Runs the command line in-process and captures exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
  /** Runs the arguments {@link CliArgs#words} makes of {@code parts}. */
  static synchronized CliRun of(Object... parts) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.execute(CliArgs.words(parts));
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), stderr(err));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /**
   * What a command wrote to stderr, without the lines Jazzer's agent logs when ArgumentFuzzTest has
   * loaded it into the same test JVM ("INFO: Instrumented …" for every class loaded later, "INFO:
   * New number of coverage counters: …" when its coverage map grows): they are the test harness's,
   * never sbi4j's.
   */
  static String stderr(ByteArrayOutputStream err) {
    return err.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> !l.startsWith("INFO: Instrumented "))
        .filter(l -> !l.startsWith("INFO: New number of coverage counters: "))
        .map(l -> l + "\n")
        .collect(java.util.stream.Collectors.joining());
  }

  /**
   * A JSON result without its {@code provenance} object, which records each run's own command line
   * and time: what two runs with the same seed must agree on.
   */
  static tools.jackson.databind.JsonNode withoutProvenance(String json) {
    tools.jackson.databind.node.ObjectNode o =
        (tools.jackson.databind.node.ObjectNode)
            tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
    o.remove("provenance");
    return o;
  }

  /** True when stderr is exactly one line (bad input: one line naming problem and fix). */
  boolean oneErrorLine() {
    return !err.isBlank() && err.strip().lines().count() == 1;
  }

  /** Asserts bad input: exit code 2 and one stderr line that contains every fragment. */
  void assertBadInput(String... fragments) {
    assertEquals(Main.BAD_INPUT, exitCode, err);
    assertTrue(oneErrorLine(), "not one line: " + err);
    for (String fragment : fragments) {
      assertTrue(err.contains(fragment), err);
    }
  }
}
