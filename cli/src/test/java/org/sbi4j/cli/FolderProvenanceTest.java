package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.Sha256;
import org.sbi4j.testing.ExponentialCsv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provenance of the folders and files that are no HDF5, JSON result or model (docs/formats.md
 * §17.2): the NPLM toys folder (first run and resumptions), the proto-model database written by
 * {@code protomodels toy-database} and the walkers' checkpoints, each read back by {@code sbi4j
 * info}.
 */
class FolderProvenanceTest {
  @TempDir Path dir;

  static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode info(Path path) {
    CliRun r = CliRun.of("info", path, "--json -");
    assertEquals(0, r.exitCode(), r.err());
    return JSON.readTree(r.out());
  }

  static List<String> commandLine(JsonNode info) {
    return strings(info.path("recorded").path("commandLine"));
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  @Test
  void toysFolderRecordsTheRunThatMadeItAndEveryResumption() throws IOException {
    Path data = ExponentialCsv.write(dir.resolve("data.csv"), "x", 30, 1, 1);
    Path ref = ExponentialCsv.write(dir.resolve("ref.csv"), "x", 300, 2, 1);
    Path toys = dir.resolve("toys");
    String args =
        "--expected 30 --optimizer lbfgs --toys 2 --threads 1 --seed 5 --json - --toys-dir " + toys;
    CliRun first = CliRun.of("nplm --data", data, "--reference", ref, args);
    assertEquals(0, first.exitCode(), first.err());
    String made = Files.readString(toys.resolve("provenance.json"));
    JsonNode i = info(toys);
    assertEquals("NPLM toys folder", i.get("kind").asString());
    assertEquals("5", i.path("shape").path("seed").asString());
    assertEquals(2, i.path("shape").path("toys done").asInt());
    assertTrue(commandLine(i).contains("--toys-dir"), i.toString());
    assertEquals(5, i.path("recorded").path("seeds").path("seed").asLong());
    // the reference's SHA-256 as sha256sum computes it (Sha256 is checked against it in common)
    assertTrue(i.toString().contains(Sha256.file(ref)), i.toString());
    assertTrue(!Files.exists(toys.resolve("resumptions.json")), "a first run resumes nothing");

    Files.delete(toys.resolve("toy-1.t"));
    CliRun resumed = CliRun.of("nplm --data", data, "--reference", ref, args);
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertEquals(made, Files.readString(toys.resolve("provenance.json")), "the first run stays");
    JsonNode list = JSON.readTree(Files.readString(toys.resolve("resumptions.json")));
    assertEquals(1, list.size());
    assertEquals(commandLine(i), strings(list.get(0).path("commandLine")));
    String firstAt = i.path("recorded").path("createdAt").asString();
    String resumedAt = list.get(0).path("createdAt").asString();
    // ISO-8601 UTC instants of equal length order as text
    assertTrue(resumedAt.compareTo(firstAt) > 0, firstAt + " then " + resumedAt);
    JsonNode again = info(toys);
    assertEquals(1, again.path("shape").path("resumed by").size(), again.toString());
  }

  @Test
  void databaseAndCheckpointsRecordTheirRuns() {
    Path db = dir.resolve("db");
    assertEquals(0, CliRun.of("protomodels toy-database --out", db, "--seed 3").exitCode());
    JsonNode i = info(db);
    assertEquals("proto-model database", i.get("kind").asString());
    assertEquals(10, i.path("shape").path("analyses").size());
    assertEquals(3, i.path("recorded").path("seeds").path("seed").asLong());
    assertEquals(List.of("sbi4j", "protomodels", "toy-database"), commandLine(i).subList(0, 3));

    Path out = dir.resolve("run");
    CliRun build =
        CliRun.of("protomodels build --database", db, "--walkers 1 --steps 20 --seed 7 --out", out);
    assertEquals(0, build.exitCode(), build.err());
    JsonNode c = info(out.resolve("walkers/walker-0000.json"));
    assertEquals("proto-model checkpoint", c.get("kind").asString());
    assertEquals(20, c.path("shape").path("steps").asInt());
    assertEquals(List.of("sbi4j", "protomodels", "build"), commandLine(c).subList(0, 3));
    JsonNode input = c.path("recorded").path("inputs").get(0);
    assertEquals(db.toAbsolutePath().toString(), input.path("path").asString());
    assertEquals(Sha256.folder(db), input.path("sha256").asString());
    assertEquals("unchanged", c.path("inputs").get(0).path("status").asString(), c.toString());
  }
}
