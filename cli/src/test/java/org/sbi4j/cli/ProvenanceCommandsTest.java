package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.BuildInfo;
import org.sbi4j.common.Provenance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provenance on what the commands write (docs/formats.md §17) and {@code sbi4j info} on each kind
 * of file: simulate → mine / augment → train, with the input hashes checked against sha256sum.
 */
class ProvenanceCommandsTest {
  @TempDir static Path dir;
  static Path events;
  static Path mined;
  static Path sample;
  static Path model;
  static Path mineJson;

  @BeforeAll
  static void pipeline() throws Exception {
    events = dir.resolve("events.h5");
    ok(CliRun.of("simulate --process interference-1d --events 2000 --seed 11 --out", events));
    mined = dir.resolve("mined.h5");
    mineJson = dir.resolve("mine.json");
    ok(
        CliRun.of(
            "mine --events", events, "--theta0 0.5 --theta1 0 --out", mined, "--json", mineJson));
    sample = dir.resolve("sample.h5");
    ok(
        CliRun.of(
            "augment --events",
            events,
            "--method ratio --theta0-prior uniform:-1:1 --theta1 0 --thetas 5 --samples 400"
                + " --seed 5 --out",
            sample));
    Path config = Files.writeString(dir.resolve("small.yaml"), "hiddenLayers: [4]\nepochs: 1\n");
    model = dir.resolve("model");
    ok(CliRun.of("train --method carl --data", sample, "--config", config, "--out", model));
  }

  private static void ok(CliRun r) {
    assertEquals(0, r.exitCode(), r.err());
  }

  private static JsonNode info(Object... parts) {
    Object[] all = new Object[parts.length + 2];
    all[0] = "info";
    System.arraycopy(parts, 0, all, 1, parts.length);
    all[all.length - 1] = "--json -";
    CliRun r = CliRun.of(all);
    ok(r);
    return JsonMapper.builder().build().readTree(r.out());
  }

  /** SHA-256 by coreutils, an implementation independent of sbi4j's. */
  private static String sha256sum(Path f) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sha256sum", f.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor() == 0, "sha256sum not installed");
    return out.substring(0, 64);
  }

  @Test
  void jsonResultRecordsBuildCommandLineAndInputHashes() throws Exception {
    JsonNode p =
        JsonMapper.builder().build().readTree(Files.readString(mineJson)).get("provenance");
    assertEquals("sbi4j", p.get("tool").asString());
    assertEquals(BuildInfo.current().commit(), p.get("commit").asString());
    assertEquals(BuildInfo.current().version(), p.get("version").asString());
    assertEquals("sbi4j", p.get("commandLine").get(0).asString());
    assertEquals("mine", p.get("commandLine").get(1).asString());
    assertEquals(events.toAbsolutePath().toString(), p.get("inputs").get(0).get("path").asString());
    assertEquals(sha256sum(events), p.get("inputs").get(0).get("sha256").asString());
  }

  @Test
  void infoOnAnEventFile() throws Exception {
    JsonNode i = info(events);
    assertEquals("event file", i.get("kind").asString());
    assertEquals(2000, i.get("shape").get("events").asInt());
    assertEquals(1, i.get("shape").get("observables").size());
    assertEquals(1, i.get("shape").get("parameters").size());
    JsonNode rec = i.get("recorded");
    assertEquals(11, rec.get("seeds").get("seed").asLong());
    assertTrue(rec.get("inputs").isEmpty(), "simulate reads no file");
    assertEquals(BuildInfo.current().commit(), rec.get("commit").asString());
    // the info run records its own provenance too, with the file it read
    assertEquals(
        sha256sum(events), i.get("provenance").get("inputs").get(0).get("sha256").asString());
  }

  @Test
  void infoOnMinedFileSampleAndModelFolder() throws Exception {
    JsonNode m = info(mined);
    assertEquals("mined file", m.get("kind").asString());
    assertEquals(2000, m.get("shape").get("events").asInt());
    assertEquals(
        sha256sum(events), m.get("recorded").get("inputs").get(0).get("sha256").asString());
    assertEquals("unchanged", m.get("inputs").get(0).get("status").asString());

    JsonNode s = info(sample);
    assertEquals("training sample", s.get("kind").asString());
    assertEquals(400, s.get("shape").get("samples").asInt());
    assertEquals(5, s.get("recorded").get("seeds").get("seed").asLong());

    JsonNode f = info(model);
    assertEquals("model folder", f.get("kind").asString());
    assertEquals(
        "carl", f.get("shape").get("method").asString().toLowerCase(java.util.Locale.ROOT));
    JsonNode rec = f.get("recorded");
    assertEquals(sha256sum(sample), rec.get("inputs").get(0).get("sha256").asString());
    assertTrue(rec.get("seeds").has("member1"), rec.toString());
    assertTrue(rec.get("runtime").has("nd4jBackend"), rec.toString());

    Path eval = dir.resolve("eval.h5");
    ok(CliRun.of("evaluate --model", model, "--events", events, "--theta 0.5 --out", eval));
    JsonNode e = info(eval);
    assertEquals("evaluation", e.get("kind").asString());
    assertEquals(2000, e.get("shape").get("events").asInt());
    // the model folder is hashed as docs/formats.md §17.1 says (checked against sha256sum in
    // Sha256Test), the event file as its bytes
    JsonNode in = e.get("recorded").get("inputs");
    assertEquals(2, in.size(), in.toString());
    java.util.Map<String, String> hashes = new java.util.HashMap<>();
    in.forEach(n -> hashes.put(n.get("path").asString(), n.get("sha256").asString()));
    assertEquals(
        org.sbi4j.common.Sha256.folder(model), hashes.get(model.toAbsolutePath().toString()));
    assertEquals(sha256sum(events), hashes.get(events.toAbsolutePath().toString()));
  }

  @Test
  void infoTellsAChangedInput() throws Exception {
    Path copy = dir.resolve("copy-events.h5");
    Files.copy(events, copy);
    Path m2 = dir.resolve("mined2.h5");
    ok(CliRun.of("mine --events", copy, "--theta0 0.5 --theta1 0 --out", m2));
    assertEquals("unchanged", info(m2).get("inputs").get(0).get("status").asString());
    String before = sha256sum(copy);
    ok(CliRun.of("simulate --process interference-1d --events 2000 --seed 12 --out", copy));
    assertNotEquals(before, sha256sum(copy));
    JsonNode changed = info(m2).get("inputs").get(0);
    assertEquals("changed", changed.get("status").asString());
    assertEquals(before, changed.get("recorded").asString());
    assertEquals(sha256sum(copy), changed.get("now").asString());
    Files.delete(copy);
    assertEquals("missing", info(m2).get("inputs").get(0).get("status").asString());
  }

  @Test
  void humanOutputAndBadInput() throws Exception {
    CliRun r = CliRun.of("info", mined);
    ok(r);
    assertTrue(r.out().contains("mined file"), r.out());
    assertTrue(r.out().contains("commit " + BuildInfo.current().commit()), r.out());
    assertTrue(r.out().contains("(unchanged)"), r.out());
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
    CliRun.of("info", text).assertBadInput("neither HDF5 nor JSON");
    CliRun.of("info", dir.resolve("absent.h5")).assertBadInput("does not exist");
    // the run's provenance is cleared after each command: library writes made later get none
    assertTrue(Provenance.current().commandLine().isEmpty());
  }
}
