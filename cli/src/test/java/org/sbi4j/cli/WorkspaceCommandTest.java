package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code sbi4j workspace cls|fit|upper-limit} through {@link Main}, and its bad inputs. */
class WorkspaceCommandTest {
  @TempDir static Path dir;

  /** pyhf's 1bin_normsys validation workspace (tests/test_validation.py). */
  static final String NORMSYS =
      """
      {"channels": [{"name": "singlechannel", "samples": [
        {"name": "signal", "data": [30.0, 95.0],
         "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
        {"name": "background", "data": [100.0, 150.0],
         "modifiers": [{"name": "bkg_norm", "type": "normsys", "data": {"lo": 0.9, "hi": 1.1}}]}]}],
       "observations": [{"name": "singlechannel", "data": [120.0, 180.0]}],
       "measurements": [{"name": "validation", "config": {"poi": "mu", "parameters": []}}],
       "version": "1.0.0"}
      """;

  static Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  static JsonNode json(CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    return JsonMapper.builder().build().readTree(run.out());
  }

  @Test
  void clsGivesPyhfsValidationNumbers() throws IOException {
    Path ws = write("normsys.json", NORMSYS);
    JsonNode r =
        json(
            CliRun.of(
                "workspace cls --workspace",
                ws,
                "--poi-value 1 --test-stat q --interp normsys=code1,histosys=code0 --json -"));
    assertEquals("mu", r.get("poi").asString());
    assertEquals(1.0, r.get("poiValue").asDouble());
    assertEquals("q", r.get("testStat").asString());
    // pyhf's published observed CLs of 1bin_normsys at μ = 1.
    assertEquals(0.0006735336290569807, r.get("clsObserved").asDouble(), 1e-4 * 0.00067353);
    double[] expected = {
      7.472581399417304e-10,
      5.741738272450336e-08,
      3.690120950161796e-06,
      0.00016966882793076826,
      0.004392935288879465
    };
    for (int i = 0; i < 5; i++) {
      assertEquals(expected[i], r.get("clsExpected").get(i).asDouble(), 1e-4 * expected[i]);
    }
    double clsb = r.get("clsb").asDouble();
    double clb = r.get("clb").asDouble();
    assertEquals(r.get("clsObserved").asDouble(), clsb / clb, 1e-12);
  }

  @Test
  void clsWithToysHasTheKeysAndDoesNotDependOnThreads() throws IOException {
    Path ws = write("toys.json", NORMSYS);
    JsonNode[] runs = new JsonNode[2];
    for (int t = 1; t <= 2; t++) {
      runs[t - 1] =
          json(
              CliRun.of(
                  "workspace cls --workspace",
                  ws,
                  "--poi-value 0.3 --calculator toys --toys 60 --seed 5 --threads " + t,
                  "--json -"));
    }
    JsonNode r = runs[0];
    for (String key :
        new String[] {"poi", "poiValue", "clsObserved", "clsb", "clb", "testStat", "toys"}) {
      assertTrue(r.has(key), key);
    }
    assertEquals(5, r.get("clsExpected").size());
    assertEquals(60, r.get("toys").asInt());
    assertEquals("toys", r.get("calculator").asString());
    assertEquals(
        CliRun.withoutProvenance(r.toString()), CliRun.withoutProvenance(runs[1].toString()));
  }

  /** NORMSYS with a second measurement "fixedbkg" in which bkg_norm is fixed at α = 1. */
  static final String TWO_MEASUREMENTS =
      NORMSYS.replace(
          "\"measurements\": [{\"name\": \"validation\", \"config\": {\"poi\": \"mu\","
              + " \"parameters\": []}}]",
          "\"measurements\": [{\"name\": \"validation\", \"config\": {\"poi\": \"mu\","
              + " \"parameters\": []}}, {\"name\": \"fixedbkg\", \"config\": {\"poi\":"
              + " \"mu\", \"parameters\": [{\"name\": \"bkg_norm\", \"fixed\": true,"
              + " \"inits\": [1.0]}]}}]");

  @Test
  void measurementPicksTheParameterConfigsAndDefaultsToTheFirst() throws IOException {
    Path ws = write("two.json", TWO_MEASUREMENTS);
    JsonNode first = json(CliRun.of("workspace fit --workspace", ws, "--json -"));
    assertEquals("validation", first.get("measurement").asString());
    assertEquals(false, first.get("parameters").get(1).get("fixed").asBoolean());
    JsonNode second =
        json(CliRun.of("workspace fit --workspace", ws, "--measurement fixedbkg --json -"));
    assertEquals("fixedbkg", second.get("measurement").asString());
    JsonNode bkg = second.get("parameters").get(1);
    assertEquals(true, bkg.get("fixed").asBoolean());
    // bkg_norm fixed at α = 1: a factor hi = 1.1 on the background (100, 150) → (110, 165)
    assertEquals(1.0, bkg.get("value").asDouble(), 0);
    JsonNode cls =
        json(
            CliRun.of(
                "workspace cls --workspace", ws, "--measurement fixedbkg --poi-value 1 --json -"));
    assertEquals("fixedbkg", cls.get("measurement").asString());
    CliRun.of("workspace cls --workspace", ws, "--measurement other --poi-value 1")
        .assertBadInput("--measurement", "'validation', 'fixedbkg'");
    CliRun.of("workspace upper-limit --workspace", ws, "--measurement other")
        .assertBadInput("--measurement", "other");
  }

  @Test
  void upperLimitWithToysHasTheKeysAndDoesNotDependOnThreads() throws IOException {
    Path ws = write("ultoys.json", NORMSYS);
    JsonNode[] runs = new JsonNode[2];
    for (int t = 1; t <= 2; t++) {
      runs[t - 1] =
          json(
              CliRun.of(
                  "workspace upper-limit --workspace",
                  ws,
                  "--scan 0:1.5:4 --calculator toys --toys 40 --seed 3 --threads " + t,
                  "--json -"));
    }
    JsonNode r = runs[0];
    assertEquals("toys", r.get("calculator").asString());
    assertEquals(40, r.get("toys").asInt());
    assertEquals(3, r.get("seed").asLong());
    assertEquals(4, r.get("scan").size());
    double observed = r.get("observed").asDouble();
    assertTrue(observed > 0 && observed < 1.5, "observed " + observed);
    assertEquals(5, r.get("expected").size());
    assertEquals(
        CliRun.withoutProvenance(r.toString()), CliRun.withoutProvenance(runs[1].toString()));
    CliRun.of("workspace upper-limit --workspace", ws, "--calculator toys --toys 0")
        .assertBadInput("--toys", "at least 1");
  }

  @Test
  void fitReportsEveryParameterWithItsUncertainty() throws IOException {
    Path ws = write("fit.json", NORMSYS);
    JsonNode r = json(CliRun.of("workspace fit --workspace", ws, "--json -"));
    JsonNode ps = r.get("parameters");
    assertEquals(2, ps.size());
    assertEquals("mu", ps.get(0).get("name").asString());
    assertTrue(ps.get(0).get("uncertainty").asDouble() > 0);
    assertTrue(ps.get(1).get("uncertainty").asDouble() > 0);
  }

  @Test
  void upperLimitWritesLimitsAndThePlot() throws IOException {
    Path ws = write("ul.json", NORMSYS);
    Path plot = dir.resolve("brazil");
    JsonNode r =
        json(
            CliRun.of(
                "workspace upper-limit --workspace", ws, "--scan 0:2:21 --plot", plot, "--json -"));
    double observed = r.get("observed").asDouble();
    assertTrue(observed > 0 && observed < 2, "observed " + observed);
    assertEquals(5, r.get("expected").size());
    for (int i = 1; i < 5; i++) {
      assertTrue(r.get("expected").get(i).asDouble() > r.get("expected").get(i - 1).asDouble());
    }
    assertTrue(Files.size(dir.resolve("brazil.png")) > 0);
    assertTrue(Files.size(dir.resolve("brazil.svg")) > 0);
  }

  @Test
  void badWorkspacesAreOneLineNamingTheJsonPath() throws IOException {
    Path unknown = write("unknown.json", NORMSYS.replace("\"normsys\"", "\"normsyst\""));
    CliRun.of("workspace cls --workspace", unknown, "--poi-value 1")
        .assertBadInput("channels[0].samples[1].modifiers[0].type", "normsyst");
    Path bins = write("bins.json", NORMSYS.replace("[120.0, 180.0]", "[120.0]"));
    CliRun.of("workspace fit --workspace", bins).assertBadInput("observations[0].data");
    Path missing =
        write(
            "missing.json",
            NORMSYS.replace("{\"name\": \"singlechannel\", \"data\": [120.0, 180.0]}", ""));
    CliRun.of("workspace fit --workspace", missing)
        .assertBadInput("observations", "missing observation");
    Path poi = write("poi.json", NORMSYS.replace("\"poi\": \"mu\"", "\"poi\": \"xsec\""));
    CliRun.of("workspace cls --workspace", poi, "--poi-value 1")
        .assertBadInput("measurements[0].config.poi", "xsec");
    Path ws = write("good.json", NORMSYS);
    CliRun.of("workspace cls --workspace", ws, "--poi-value 1 --interp normsys=code9")
        .assertBadInput("--interp");
    CliRun.of("workspace cls --workspace", ws, "--poi-value 1 --calculator bayes")
        .assertBadInput("--calculator", "asymptotics");
    CliRun.of("workspace upper-limit --workspace", ws, "--scan 0:1").assertBadInput("--scan");
    CliRun.of("workspace fit --workspace", dir.resolve("absent.json"))
        .assertBadInput("absent.json", "does not exist");
  }
}
