package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.testing.ModelFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code sbi4j coverage} through {@link Main}: its JSON, determinism, and its bad inputs. */
class CoverageCommandTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(20_000, 7);

  static final List<String> KEYS =
      List.of(
          "coverage68",
          "coverage68Error",
          "coverage95",
          "coverage95Error",
          "ksPValue",
          "toys",
          "degreesOfFreedom",
          "thetaTrue",
          "source",
          "seed",
          "qQuantiles",
          "chi2Quantiles",
          "plotFiles");

  static JsonNode read(Path json) {
    return JsonMapper.builder().build().readTree(json.toFile());
  }

  static void hasKeys(JsonNode r) {
    for (String key : KEYS) {
      assertTrue(r.has(key), key);
    }
    double c68 = r.get("coverage68").asDouble();
    double n = r.get("toys").asDouble();
    assertEquals(Math.sqrt(c68 * (1 - c68) / n), r.get("coverage68Error").asDouble(), 1e-12);
  }

  @Test
  void exactLikelihoodWritesJsonAndPlotAndIsDeterministic() throws IOException {
    Path json = dir.resolve("exact.json");
    Path plot = dir.resolve("exact-plot");
    Object[] args = {
      "coverage --events",
      events,
      "--exact interference-1d --theta-true 0.5 --luminosity 20",
      "--toys 40 --seed 3"
    };
    CliRun run = CliRun.of(args, "--json", json, "--plot", plot);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = read(json);
    hasKeys(r);
    assertEquals(40, r.get("toys").asInt());
    assertEquals(1, r.get("degreesOfFreedom").asInt());
    assertEquals(0.5, r.get("thetaTrue").get(0).asDouble());
    assertEquals("exact interference-1d", r.get("source").asString());
    assertEquals(3, r.get("seed").asLong());
    assertEquals(20 * 1.25, r.get("expectedEvents").asDouble(), 1.0);
    assertTrue(Files.exists(Path.of(plot + ".png")) && Files.exists(Path.of(plot + ".svg")));
    // same seed, same JSON; another thread count gives the same toys
    Path again = dir.resolve("again.json");
    assertEquals(0, CliRun.of(args, "--json", again, "--plot", plot, "--threads 1").exitCode());
    assertEquals(
        CliRun.withoutProvenance(Files.readString(json)),
        CliRun.withoutProvenance(Files.readString(again)));
    Path other = dir.resolve("other.json");
    CliRun otherSeed =
        CliRun.of(
            "coverage --events",
            events,
            "--exact interference-1d --theta-true 0.5 --luminosity 20 --toys 40 --seed 4 --json",
            other);
    assertEquals(0, otherSeed.exitCode(), otherSeed.err());
    assertTrue(!read(other).get("qQuantiles").equals(r.get("qQuantiles")));
  }

  @Test
  void histogramLikelihoodRuns() {
    CliRun run =
        CliRun.of(
            "coverage --events",
            events,
            "--histogram x --bins 10 --theta-true 0 --luminosity 20 --toys 20 --json -");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(run.out());
    hasKeys(r);
    assertEquals(20, r.get("toys").asInt());
  }

  @Test
  void trainedModelRunsAndWarnsOutsideItsTrainedRange() {
    // the fixture: a small ALICES model on [x], [theta] trained on θ in about [−0.9996, 0.9995],
    // so the default fit box (the range [−1, 1]) leaves it
    Path model = ModelFixture.copyTo(dir.resolve("model"));
    CliRun run =
        CliRun.of(
            "coverage --events",
            events,
            "--model",
            model,
            "--theta-true 0 --luminosity 10 --toys 10 --grid -0.9:0.9:19 --json -");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(run.out());
    hasKeys(r);
    assertEquals("ALICES", r.get("source").asString());
    assertEquals(0, r.get("warnings").size(), r.toString());
    CliRun wide =
        CliRun.of(
            "coverage --events",
            events,
            "--model",
            model,
            "--theta-true 0 --luminosity 10 --toys 3");
    assertEquals(0, wide.exitCode(), wide.err());
    assertTrue(wide.err().contains("warning: the fit box of 'theta'"), wide.err());
  }

  @Test
  void workspaceToysGiveOneDegreeOfFreedom() throws IOException {
    Path ws = dir.resolve("normsys.json");
    Files.writeString(ws, WorkspaceCommandTest.NORMSYS);
    CliRun run = CliRun.of("coverage --workspace", ws, "--poi-value 1 --toys 30 --json -");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(run.out());
    hasKeys(r);
    assertEquals(1, r.get("degreesOfFreedom").asInt());
    assertEquals(1.0, r.get("thetaTrue").get(0).asDouble());
    assertEquals("normsys.json", r.get("source").asString());
    CliRun human = CliRun.of("coverage --workspace", ws, "--toys 10 --nominal-nuisances");
    assertEquals(0, human.exitCode(), human.err());
    assertTrue(human.out().contains("coverage 68%"), human.out());
  }

  @Test
  void badInputsExitTwoWithOneLine() throws IOException {
    Object[] source = {"coverage --events", events, "--exact interference-1d"};
    Object[] exact = {source, "--luminosity 20 --toys 5"};
    CliRun.of(source, "--luminosity 20 --theta-true 0.5 --toys 0").assertBadInput("--toys");
    CliRun.of(exact, "--theta-true 2").assertBadInput("--theta-true", "outside");
    CliRun.of(exact, "--theta-true 0.5,1").assertBadInput("--theta-true");
    CliRun.of(exact).assertBadInput("--theta-true");
    CliRun.of(exact, "--theta-true 0.5 --grid 0.6:1:5").assertBadInput("--grid");
    CliRun.of(exact, "--theta-true 0.5 --master local[1]").assertBadInput("--master");
    CliRun.of("coverage --events", events, "--exact nope --theta-true 0 --luminosity 1")
        .assertBadInput("--exact", "interference-1d");
    CliRun.of("coverage --events", events, "--exact interference-1d --theta-true 0")
        .assertBadInput("--luminosity");
    CliRun.of("coverage --events", events, "--theta-true 0 --luminosity 1")
        .assertBadInput("--workspace", "--model");
    CliRun.of("coverage --toys 5").assertBadInput("--workspace");
    CliRun.of(
            "coverage --events",
            events,
            "--exact interference-1d --histogram x --theta-true 0 --luminosity 1")
        .assertBadInput("one likelihood");
    CliRun.of(source, "--theta-true 0.5 --toys 5 --luminosity -1").assertBadInput("--luminosity");
    Path ws = dir.resolve("bad-cov.json");
    Files.writeString(ws, WorkspaceCommandTest.NORMSYS);
    CliRun.of("coverage --workspace", ws, "--poi-value 11 --toys 5").assertBadInput("--poi-value");
    CliRun.of("coverage --workspace", ws, "--theta-true 1 --toys 5").assertBadInput("--workspace");
    CliRun.of(exact, "--theta-true 0.5 --poi-value 1").assertBadInput("--poi-value");
  }
}
