package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nuisance pipeline through the command line (docs/cli.md): {@code simulate --nuisances} →
 * {@code augment} (a SALLY sample at θ_ref = 0, ν_ref = 0) → {@code train} (SALLY over θ ⊕ ν, a
 * tiny network: this checks the wiring, the accuracy is TrainedProfiledLimitsIT's) → {@code limits}
 * with the SALLY model and a histogram baseline, which profiles the file's norm and shape nuisances
 * by default and reports {@code nuisanceParameters}, {@code nuisanceBestFit} and {@code
 * nuisanceProfile} for every result.
 */
class NuisancePipelineCommandTest {
  private static final int GRID_POINTS = 11;
  @TempDir static Path dir;
  static Path events;
  static Path sally;

  private static void ok(CliRun r) {
    assertEquals(0, r.exitCode(), r.err());
  }

  @BeforeAll
  static void pipeline() throws Exception {
    events = dir.resolve("events.h5");
    ok(
        CliRun.of(
            "simulate --process interference-1d --events 20000 --nuisances --seed 5 --out",
            events));
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "hiddenLayers: [16]\nepochs: 2\n");
    Path sallyData = dir.resolve("sally.h5");
    ok(
        CliRun.of(
            "augment --events",
            events,
            "--method sally --theta-ref 0 --nu-ref 0,0 --samples 2000 --seed 6 --out",
            sallyData));
    sally = dir.resolve("sally");
    ok(CliRun.of("train --method sally --data", sallyData, "--config", config, "--out", sally));
  }

  private static CliRun limits(String... extra) {
    return CliRun.of(
        "limits --model",
        sally,
        "--histogram x --events",
        events,
        "--theta-true 0 --luminosity 10 --grid -1:1:" + GRID_POINTS + " --plot",
        dir.resolve("plot"),
        "--json -",
        extra);
  }

  private static JsonNode json(CliRun r) {
    ok(r);
    return JsonMapper.builder().build().readTree(r.out());
  }

  @Test
  void limitsProfilesTheFilesNuisancesForModelsAndHistograms() {
    CliRun r = limits();
    JsonNode j = json(r);
    JsonNode results = j.get("results");
    assertEquals(2, results.size(), j.toString());
    for (JsonNode res : results) {
      String what = res.get("method").asString();
      assertEquals("[\"norm\",\"shape\"]", res.get("nuisanceParameters").toString(), what);
      JsonNode best = res.get("nuisanceBestFit");
      assertTrue(best.has("norm") && best.has("shape"), what + ": " + best);
      assertTrue(Double.isFinite(best.get("shape").asDouble()), what + ": " + best);
      JsonNode profile = res.get("nuisanceProfile");
      assertEquals(GRID_POINTS, profile.size(), what);
      for (JsonNode row : profile) {
        assertEquals(2, row.size(), what);
        assertTrue(Double.isFinite(row.get(0).asDouble()), what + ": " + row);
        assertTrue(Double.isFinite(row.get(1).asDouble()), what + ": " + row);
      }
      assertEquals(0, res.get("fixedNuisances").size(), what);
    }
    // the first result's keys also at the top level
    assertEquals(results.get(0).get("nuisanceProfile"), j.get("nuisanceProfile"));
  }

  @Test
  void anAlicesModelOverThetaAndNuIsProfiled() throws Exception {
    Path ratioData = dir.resolve("ratio.h5");
    ok(
        CliRun.of(
            "augment --events",
            events,
            "--method ratio --theta0-prior uniform:-1:1 --thetas 20 --theta1 0"
                + " --nu0-prior constraint --samples 2000 --seed 7 --out",
            ratioData));
    Path alices = dir.resolve("alices");
    ok(
        CliRun.of(
            "train --method alices --data",
            ratioData,
            "--config",
            dir.resolve("config.yaml"),
            "--out",
            alices));
    CliRun r =
        CliRun.of(
            "limits --model",
            alices,
            "--events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:" + GRID_POINTS + " --plot",
            dir.resolve("alices-plot"));
    ok(r);
    assertTrue(r.out().contains("expected: nuisance parameters at the best fit {norm="), r.out());
  }

  @Test
  void fixingOneNuisanceKeepsItThereInEveryResult() {
    JsonNode j = json(limits("--fix-nuisance", "norm=0.5"));
    for (JsonNode res : j.get("results")) {
      assertEquals(0.5, res.get("fixedNuisances").get("norm").asDouble(), 0);
      assertEquals(0.5, res.get("nuisanceBestFit").get("norm").asDouble(), 0);
      for (JsonNode row : res.get("nuisanceProfile")) {
        assertEquals(0.5, row.get(0).asDouble(), 0);
      }
    }
  }

  @Test
  void noNuisancesDropsTheNuisanceKeys() {
    JsonNode j = json(limits("--no-nuisances"));
    for (JsonNode res : j.get("results")) {
      assertFalse(res.has("nuisanceParameters") || res.has("nuisanceBestFit"), res.toString());
      assertFalse(res.has("nuisanceProfile"), res.toString());
    }
  }

  @Test
  void anUnknownNuisanceNameIsBadInput() {
    limits("--fix-nuisance", "jes=0.5")
        .assertBadInput("--fix-nuisance", "unknown nuisance parameter 'jes'");
  }
}
