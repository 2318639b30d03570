package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DiagnoseCommandTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(10_000, 17);

  @Test
  void ensembleDiagnosticsWriteJsonAndPlots() {
    Path json = dir.resolve("diag.json");
    Path plot = dir.resolve("diag");
    CliRun run =
        CliRun.of(
            "diagnose --model",
            TestModels.ratioEnsemble(),
            "--events",
            events,
            "--grid -1:1:5 --exact interference-1d --json",
            json,
            "--plot",
            plot);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(json.toFile());
    for (String key :
        List.of(
            "parameters",
            "theta1",
            "grid",
            "closure",
            "auc",
            "aucError",
            "aucExact",
            "roc",
            "rocExact",
            "reliability",
            "logRatioSpread",
            "flagged",
            "models",
            "plots")) {
      assertTrue(r.has(key), key);
    }
    assertEquals(0.0, r.get("theta1").get(0).asDouble(), 0);
    assertEquals(5, r.get("closure").size());
    assertEquals(2, r.get("members").asInt());
    JsonNode c = r.get("closure").get(2);
    // θ0 = θ1 = 0: r̂(x|θ1,θ1) = 1 for every event, whatever the model
    assertEquals(1.0, c.get("meanR").asDouble(), 1e-12);
    assertEquals(0.5, r.get("auc").get(2).asDouble(), 1e-12);
    for (String key : List.of("meanRError", "meanInvR", "meanInvRError", "pull", "flagged")) {
      assertTrue(c.has(key), key);
    }
    // two members trained for 2 epochs disagree: a positive spread away from θ1
    assertTrue(r.get("logRatioSpread").get(0).asDouble() > 0);
    assertEquals(6, r.get("plots").size());
    for (String s : List.of("closure", "roc", "reliability")) {
      assertTrue(Files.exists(Path.of(plot + "-" + s + ".png")), s);
      assertTrue(Files.exists(Path.of(plot + "-" + s + ".svg")), s);
    }
  }

  @Test
  void sallyModelIsBadInput() {
    CliRun.of(
            "diagnose --model",
            TestModels.sallyEnsemble(),
            "--events",
            events,
            "--grid -1:1:3 --plot",
            dir.resolve("p1"))
        .assertBadInput("--model", "SALLY", "ratio models");
  }

  @Test
  void unknownProcessAndGridOutsideTheRangeAreBadInput() {
    CliRun.of(
            "diagnose --model",
            TestModels.ratioEnsemble(),
            "--events",
            events,
            "--grid -1:1:3 --exact nope --plot",
            dir.resolve("p2"))
        .assertBadInput("nope");
    CliRun.of(
            "diagnose --model",
            TestModels.ratioEnsemble(),
            "--events",
            events,
            "--grid -1:1:3 --exact interference-2d --plot",
            dir.resolve("p5"))
        .assertBadInput("--exact", "interference-2d", "the file was simulated with");
    CliRun.of(
            "diagnose --model",
            TestModels.ratioEnsemble(),
            "--events",
            events,
            "--grid -3:3:3 --plot",
            dir.resolve("p3"))
        .assertBadInput("--grid", "outside the parameter range");
  }

  @Test
  void theta1OutsideTheRangeIsBadInput() {
    CliRun.of(
            "diagnose --model",
            TestModels.ratioEnsemble(),
            "--events",
            events,
            "--grid -1:1:3 --theta1 5 --plot",
            dir.resolve("p4"))
        .assertBadInput("--theta1");
  }
}
