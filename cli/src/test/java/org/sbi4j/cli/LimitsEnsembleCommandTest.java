package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.inference.diagnostics.NormalizedRatio;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.store.ModelFolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code limits} with an ensemble (the members' band), with {@code --calibrate} and with {@code
 * --normalize}.
 */
class LimitsEnsembleCommandTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(10_000, 23);

  @Test
  void ensembleLimitsCarryEveryMembersIntervalsAndTheirEnvelope() {
    Path json = dir.resolve("band.json");
    Path plot = dir.resolve("band");
    CliRun run =
        CliRun.of(
            "limits --model",
            TestModels.ratioEnsemble(),
            "--events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:21 --json",
            json,
            "--plot",
            plot);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(json.toFile());
    JsonNode members = r.get("memberIntervals").get("theta");
    assertEquals(2, members.size());
    assertEquals(2, r.get("memberBestFits").size());
    for (String cl : new String[] {"68", "95"}) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (JsonNode m : members) {
        lo = Math.min(lo, m.get("cl" + cl).get(0).asDouble());
        hi = Math.max(hi, m.get("cl" + cl).get(1).asDouble());
      }
      JsonNode env = r.get("envelope" + cl).get("theta");
      // the envelope is the members' extreme ends, copied: exact
      assertEquals(lo, env.get(0).asDouble(), 0);
      assertEquals(hi, env.get(1).asDouble(), 0);
    }
    assertTrue(Files.exists(Path.of(plot + ".png")) && Files.exists(Path.of(plot + ".svg")));
    // member k's intervals are the limits of member k alone, computed directly: the same
    // arithmetic on the same numbers (1e-12 leaves room for nothing but rounding)
    ModelData data = ModelFolder.load(TestModels.ratioEnsemble()).model();
    EventSample file = DataFiles.events(events);
    for (int k = 0; k < 2; k++) {
      RatioModel one = new RatioModel(data.withMembers(List.of(data.members().get(k))));
      Intervals iv =
          Limits.expected(
                  file,
                  new LimitSource.Ratio("member", one),
                  new double[] {0},
                  10,
                  ParameterGrid.parse("-1:1:21"))
              .scan()
              .intervals()
              .get("theta");
      JsonNode m = members.get(k);
      assertEquals(iv.cl68().lower(), m.get("cl68").get(0).asDouble(), 1e-12);
      assertEquals(iv.cl68().upper(), m.get("cl68").get(1).asDouble(), 1e-12);
      assertEquals(iv.cl95().lower(), m.get("cl95").get(0).asDouble(), 1e-12);
      assertEquals(iv.cl95().upper(), m.get("cl95").get(1).asDouble(), 1e-12);
    }
  }

  @Test
  void calibratedLimitsAreLabelledAndFinite() {
    Path json = dir.resolve("cal.json");
    CliRun run =
        CliRun.of(
            "limits --model",
            TestModels.ratioEnsemble(),
            "--histogram x --events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:21 --calibrate --json",
            json,
            "--plot",
            dir.resolve("cal"));
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(json.toFile());
    assertEquals("ALICES calibrated", r.get("method").asText());
    // the calibrated ratio is no ensemble: no band; the histogram baseline is left as it is
    assertTrue(!r.has("memberIntervals"));
    assertEquals("histogram x", r.get("results").get(1).get("method").asText());
    JsonNode q = r.get("q");
    for (JsonNode v : q) {
      assertTrue(Double.isFinite(v.asDouble()) && v.asDouble() >= 0);
    }
  }

  @Test
  void normalisedLimitsAreTheLibrarysNormalisedRatio() {
    Path json = dir.resolve("norm.json");
    CliRun run =
        CliRun.of(
            "limits --model",
            TestModels.ratioEnsemble(),
            "--histogram x --events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:21 --normalize --json",
            json,
            "--plot",
            dir.resolve("norm"));
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(json.toFile());
    assertEquals("ALICES normalised", r.get("method").asText());
    assertEquals("histogram x", r.get("results").get(1).get("method").asText());
    // the normalised ratio is no ensemble: no band (as for --calibrate)
    assertTrue(!r.has("memberIntervals"));
    // the same arithmetic as the library's NormalizedRatio on the same files (1e-12: rounding)
    EventSample file = DataFiles.events(events);
    LimitSource source =
        NormalizedRatio.normalize(
            org.sbi4j.inference.limits.ModelSources.limitSource(TestModels.ratioEnsemble()), file);
    Intervals iv =
        Limits.expected(file, source, new double[] {0}, 10, ParameterGrid.parse("-1:1:21"))
            .scan()
            .intervals()
            .get("theta");
    JsonNode got = r.get("intervals").get("theta");
    assertEquals(iv.cl68().lower(), got.get("cl68").get(0).asDouble(), 1e-12);
    assertEquals(iv.cl95().upper(), got.get("cl95").get(1).asDouble(), 1e-12);
  }

  @Test
  void normaliseWithCalibrateIsRefusedInOneLine() {
    CliRun run =
        CliRun.of(
            "limits --model",
            TestModels.ratioEnsemble(),
            "--events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:21 --normalize --calibrate --plot",
            dir.resolve("both"));
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains("--normalize with --calibrate"), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }
}
