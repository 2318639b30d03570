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

/** {@code sbi4j protomodels}: toy database, build, pvalue, resumption and bad inputs. */
class ProtomodelsCommandTest {
  @TempDir Path dir;

  static JsonNode json(CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    return JsonMapper.builder().build().readTree(run.out());
  }

  @Test
  void buildFindsThePlantedModelAndWritesReportPlotsAndCheckpoints() throws IOException {
    Path db = dir.resolve("db");
    JsonNode toy = json(CliRun.of("protomodels toy-database --out", db, "--seed 3 --json -"));
    assertEquals(10, toy.get("analyses").size());
    assertEquals("X", toy.get("planted").get("particle").asString());
    Path out = dir.resolve("run");
    JsonNode r =
        json(
            CliRun.of(
                "protomodels build --database",
                db,
                "--walkers 3 --steps 300 --seed 7 --threads 2 --out",
                out,
                "--json -"));
    for (String key :
        new String[] {
          "bestK",
          "bestModel",
          "combination",
          "muHat",
          "deltaChi2",
          "freeParameters",
          "criticRatios",
          "cliques",
          "walkerResults"
        }) {
      assertTrue(r.has(key), key);
    }
    // the planted X (800 GeV, jj) is found; a downward or upward fluctuation elsewhere may add
    // a particle when it pays its penalty, so only X is checked
    JsonNode best = null;
    for (JsonNode p : r.get("bestModel")) {
      if (p.get("particle").asString().equals("X")) {
        best = p;
      }
    }
    assertTrue(best != null, r.get("bestModel").toString());
    // the regions the planted X feeds are 150-200 GeV wide
    assertEquals(800, best.get("mass").asDouble(), 100);
    assertTrue(best.get("branchingRatios").get("jj").asDouble() > 0.5, best.toString());
    String combination = r.get("combination").toString();
    assertTrue(combination.contains("A01") && combination.contains("A02"), combination);
    assertTrue(r.get("bestK").asDouble() > 10, r.get("bestK").toString());
    assertEquals(300, r.get("walkerResults").get(0).get("trajectory").size());
    for (String f : new String[] {"report.json", "k-walks.png", "k-walks.svg"}) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertTrue(Files.exists(out.resolve("walkers/walker-0002.json")));

    // a rerun on the same folder continues from the checkpoints: same numbers
    JsonNode again =
        json(
            CliRun.of(
                "protomodels build --database",
                db,
                "--walkers 3 --steps 300 --seed 7 --threads 1 --out",
                out,
                "--json -"));
    assertEquals(
        CliRun.withoutProvenance(r.toString()), CliRun.withoutProvenance(again.toString()));
  }

  @Test
  void pvalueOfThePlantedSignalIsSmall() {
    Path db = dir.resolve("db");
    json(CliRun.of("protomodels toy-database --out", db, "--seed 4 --json -"));
    Path out = dir.resolve("pv");
    JsonNode r =
        json(
            CliRun.of(
                "protomodels pvalue --database",
                db,
                "--fakes 4 --walkers 2 --steps 120 --seed 2 --out",
                out,
                "--json -"));
    assertEquals(4, r.get("fakeK").size());
    // K_obs of the planted signal is far above every SM fake
    assertEquals(0.0, r.get("pValue").asDouble());
    assertTrue(r.get("pValueRandomized").asDouble() <= 1.0 / 5);
    assertTrue(Files.exists(out.resolve("k-fakes.png")));
    assertTrue(Files.exists(out.resolve("fake-0003/walker-0001.json")));
  }

  @Test
  void badInputsGiveOneLine() throws IOException {
    Path db = dir.resolve("db");
    json(CliRun.of("protomodels toy-database --out", db, "--seed 3 --json -"));
    Path out = dir.resolve("bad");
    CliRun.of("protomodels build --database", dir.resolve("none"), "--out", out)
        .assertBadInput("not a folder");
    CliRun.of("protomodels build --database", db, "--walkers 0 --out", out)
        .assertBadInput("--walkers");
    CliRun.of("protomodels build --database", db, "--r-max -1 --out", out)
        .assertBadInput("--r-max");
    CliRun.of("protomodels pvalue --database", db, "--fakes 0 --out", out)
        .assertBadInput("--fakes");
    Files.writeString(db.resolve("analyses/A03.json"), "{\"name\": \"A03\"");
    CliRun.of("protomodels build --database", db, "--out", out)
        .assertBadInput("A03.json", "not valid JSON");
    // a checkpoint of another run is refused, not silently mixed in
    Path db2 = dir.resolve("db2");
    json(CliRun.of("protomodels toy-database --out", db2, "--seed 5 --json -"));
    Path run = dir.resolve("run2");
    json(
        CliRun.of(
            "protomodels build --database", db2, "--walkers 1 --steps 5 --out", run, "--json -"));
    CliRun.of("protomodels build --database", db2, "--walkers 1 --steps 5 --seed 9 --out", run)
        .assertBadInput("checkpoint", "another");
  }

  @Test
  void eftToyDatabaseBuildFindsThePlantedOperator() throws IOException {
    Path db = dir.resolve("eft");
    JsonNode toy = json(CliRun.of("protomodels toy-database --eft --out", db, "--seed 1 --json -"));
    assertEquals(5, toy.get("analyses").size());
    assertEquals("cG", toy.get("planted").get("operator").asString());
    assertEquals(3, toy.get("operators").size());
    Path out = dir.resolve("eft-run");
    JsonNode r =
        json(
            CliRun.of(
                "protomodels build --database",
                db,
                "--walkers 4 --steps 250 --seed 1 --out",
                out,
                "--json -"));
    // as EftBuilderTest on the same database and seed: cG alone, within 3 σ (σ ≈ 0.17) of 1
    JsonNode ops = r.get("bestOperators");
    assertEquals(1, ops.size(), ops.toString());
    assertEquals(1, ops.get("cG").asDouble(), 0.5);
    assertEquals(0, r.get("bestModel").size());
    assertEquals(1, r.get("freeParameters").asInt());
    // an unknown operator in a template is one line naming the file and the key
    Path e01 = db.resolve("analyses/E01.json");
    Files.writeString(e01, Files.readString(e01).replace("\"cG\"", "\"cX\""));
    CliRun.of("protomodels build --database", db, "--out", dir.resolve("bad"))
        .assertBadInput("E01.json", "unknown operator 'cX'");
  }
}
