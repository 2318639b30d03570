package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.testing.ModelFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: θ outside the trained (or the setup's) range warns on stderr and in the JSON; nplm
 * refuses a χ² fit to fewer than 20 toys; --verbose on a subcommand prints the stack trace.
 */
class WarningsAndVerboseTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(500, 11);

  private static JsonNode json(CliRun r) throws Exception {
    assertEquals(0, r.exitCode(), r.err());
    return JsonMapper.builder().build().readTree(r.out());
  }

  @Test
  void evaluateWarnsForThetaOutsideTheTrainedRange() throws Exception {
    // the fixture (ALICES on [x], [theta]) was trained on θ in about [−0.9996, 0.9995]
    Path model = ModelFixture.copyTo(dir.resolve("evaluate"));
    Object[] base = {"evaluate --model", model, "--events", events, "--json -"};
    CliRun inside = CliRun.of(base, "--theta 0.5 --out", dir.resolve("in.h5"));
    assertEquals(0, json(inside).get("warnings").size(), inside.err());
    assertFalse(inside.err().contains("warning"), inside.err());

    CliRun outside = CliRun.of(base, "--theta 3 --out", dir.resolve("out.h5"));
    JsonNode node = json(outside);
    assertEquals(1, node.get("warnings").size());
    assertTrue(
        node.get("warnings").get(0).asString().contains("theta of 'theta' = 3.0"), node.toString());
    assertTrue(node.has("meanLogRatio") && node.has("events"), "existing keys stay");
    assertTrue(
        outside.err().startsWith("warning: theta of 'theta' = 3.0 lies outside the range"),
        outside.err());
  }

  @Test
  void mineWarnsForThetaOutsideTheSetupRanges() throws Exception {
    CliRun r =
        CliRun.of(
            "mine --events", events, "--theta0 2 --theta1 0.5 --json - --out", dir.resolve("m.h5"));
    JsonNode node = json(r);
    assertEquals(1, node.get("warnings").size(), node.toString());
    assertTrue(node.has("sigma0") && node.has("sigma1"), "existing keys stay");
    assertTrue(
        r.err().startsWith("warning: theta0 of 'theta' = 2.0 lies outside the parameter range"),
        r.err());
    CliRun inside =
        CliRun.of(
            "mine --events", events, "--theta0 0 --theta1 0.5 --json - --out", dir.resolve("i.h5"));
    assertEquals(0, json(inside).get("warnings").size());
  }

  @Test
  void limitsWarnsForThetaTrueOutsideTheTrainedRange() throws Exception {
    Path model = ModelFixture.copyTo(dir.resolve("limits"));
    CliRun r =
        CliRun.of(
            "limits --model",
            model,
            "--events",
            events,
            "--theta-true 1 --luminosity 10 --grid -0.99:0.99:5 --json - --plot",
            dir.resolve("plot"));
    JsonNode node = json(r);
    assertTrue(
        node.get("warnings").toString().contains("theta-true of 'theta' = 1.0"), node.toString());
    assertTrue(r.err().contains("theta-true of 'theta' = 1.0 lies outside the range"), r.err());
    assertFalse(r.err().contains("the grid of"), "the grid lies inside: " + r.err());
  }

  @Test
  void nplmWithFewToysReportsOnlyTheEmpiricalP() throws Exception {
    Path sample = dir.resolve("ref.csv");
    StringBuilder csv = new StringBuilder("x\n");
    java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
    for (int i = 0; i < 400; i++) {
      csv.append(rng.nextDouble()).append('\n');
    }
    java.nio.file.Files.writeString(sample, csv);
    CliRun r =
        CliRun.of(
            "nplm --data",
            sample,
            "--reference",
            sample,
            "--expected 40 --optimizer lbfgs --toys 3 --seed 2 --json -");
    JsonNode node = json(r);
    for (String key : List.of("dof", "pValueChi2", "z", "ksPValue")) {
      assertTrue(node.has(key) && node.get(key).isNull(), key + " in " + node);
    }
    assertTrue(node.get("pValueEmpirical").isNumber() && node.get("zEmpirical").isNumber());
    assertEquals(3, node.get("nullT").size());
    assertTrue(node.get("warnings").get(0).asString().contains("a χ² fit needs at least 20"));
    assertTrue(r.err().startsWith("warning: only 3 toys: a χ² fit needs at least 20"), r.err());
  }

  @Test
  void verboseOnASubcommandPrintsTheStackTraceAfterTheLine() {
    Object[] args = {
      "limits --events", events, "--histogram x --luminosity 10 --theta-true 0 --grid -1:1:2.5"
    };
    CliRun quiet = CliRun.of(args);
    quiet.assertBadInput("n must be an integer");
    assertFalse(quiet.err().contains("\tat "), quiet.err());

    CliRun verbose = CliRun.of(args, "--verbose");
    assertEquals(Main.BAD_INPUT, verbose.exitCode());
    List<String> lines = verbose.err().lines().toList();
    assertTrue(lines.get(0).startsWith("sbi4j limits: --grid: "), verbose.err());
    assertTrue(lines.size() > 2, verbose.err());
    assertTrue(lines.get(1).contains("InvalidValueException"), verbose.err());
    assertTrue(lines.get(2).contains("\tat org.sbi4j."), verbose.err());
  }
}
