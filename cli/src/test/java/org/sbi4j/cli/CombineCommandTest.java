package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code sbi4j combine} through {@link Main}, and the unshuffled-events warning of augment. */
class CombineCommandTest {
  @TempDir Path dir;

  /** Events whose sampling benchmarks are sorted: the first half 0, the rest 1. */
  private Path sortedEvents(String name, int n, long seed) {
    EventSample ev = Simulators.INTERFERENCE_1D.create().events(n, seed);
    int[] from = new int[n];
    Arrays.fill(from, n / 2, n, 1);
    Path f = dir.resolve(name);
    MadMinerFiles.writeEvents(f, ev.withWeights(ev.setup().orElseThrow(), ev.weights(), from));
    return f;
  }

  @Test
  void combinesShufflesAndReportsJson() {
    Path a = sortedEvents("a.h5", 400, 1);
    Path b = sortedEvents("b.h5", 300, 2);
    Path out = dir.resolve("c.h5");
    CliRun r =
        CliRun.of(
            "combine",
            "--events",
            a,
            "--events",
            b,
            "--out",
            out,
            "--chunk-size",
            100,
            "--json",
            "-");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    assertEquals(700, j.get("events").asLong());
    assertEquals(7, j.get("buckets").asInt());
    assertEquals(2, j.get("inputs").size());
    assertEquals(700, MadMinerFiles.readEvents(out).size());

    // augment warns on the sorted input, not on the combined file
    CliRun warned =
        CliRun.of(
            "augment",
            "--events",
            a,
            "--method",
            "sally",
            "--theta-ref",
            0,
            "--samples",
            10,
            "--out",
            dir.resolve("s1.h5"));
    assertEquals(0, warned.exitCode(), warned.err());
    assertTrue(warned.err().contains("look unshuffled"), warned.err());
    assertTrue(warned.err().contains("sbi4j combine"), warned.err());
    CliRun quiet =
        CliRun.of(
            "augment",
            "--events",
            out,
            "--method",
            "sally",
            "--theta-ref",
            0,
            "--samples",
            10,
            "--out",
            dir.resolve("s2.h5"));
    assertEquals(0, quiet.exitCode(), quiet.err());
    assertFalse(quiet.err().contains("unshuffled"), quiet.err());
  }

  @Test
  void differentSetupsExitTwoWithOneLine() throws Exception {
    Path a = sortedEvents("a.h5", 50, 1);
    Path b = dir.resolve("b.h5");
    MadMinerFiles.writeEvents(b, Simulators.INTERFERENCE_2D.create().events(50, 1));
    Path out = dir.resolve("c.h5");
    CliRun r = CliRun.of("combine", "--events", a, "--events", b, "--out", out);
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("--events") && r.err().contains("parameters"), r.err());
    assertFalse(Files.exists(out));
    CliRun chunk = CliRun.of("combine", "--events", a, "--out", out, "--chunk-size", 0);
    assertEquals(2, chunk.exitCode(), chunk.err());
    assertTrue(chunk.err().contains("--chunk-size"), chunk.err());
  }
}
