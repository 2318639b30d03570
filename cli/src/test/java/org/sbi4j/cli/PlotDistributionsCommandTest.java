package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code sbi4j plot distributions} and the per-benchmark σ of {@code mine --json}. */
class PlotDistributionsCommandTest {
  @TempDir Path dir;
  static final Path events = TestEvents.interference1d(3_000, 21);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void plotsTwoThetasWithErrorsAndJson() {
    Path prefix = dir.resolve("dist");
    CliRun r =
        CliRun.of(
            "plot",
            "distributions",
            "--events",
            events,
            "--theta",
            "-0.5",
            "--theta",
            "0.5",
            "--observable",
            "x",
            "--bins",
            8,
            "--range",
            "-1:4",
            "--out",
            prefix,
            "--json",
            "-");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("dist.png")) && Files.exists(dir.resolve("dist.svg")));
    JsonNode j = JSON.readTree(r.out());
    assertEquals(2, j.get("histograms").size());
    JsonNode h = j.get("histograms").get(1);
    assertEquals(0.5, h.get("theta").get(0).asDouble(), 0);
    assertEquals(9, h.get("edges").size());
    double inRange = 0;
    for (int k = 0; k < 8; k++) {
      double s = h.get("sigma").get(k).asDouble();
      double e = h.get("error").get(k).asDouble();
      assertTrue(e >= 0 && Double.isFinite(s), h.toString());
      inRange += s;
    }
    assertTrue(inRange <= h.get("total").asDouble() * (1 + 1e-12), h.toString());
  }

  @Test
  void badInputsExitTwo() {
    CliRun r =
        CliRun.of(
            "plot",
            "distributions",
            "--events",
            events,
            "--theta",
            "0",
            "--observable",
            "nope",
            "--out",
            dir.resolve("p"));
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--observable") && r.err().contains("[x"), r.err());
    r =
        CliRun.of(
            "plot",
            "distributions",
            "--events",
            events,
            "--theta",
            "0,1",
            "--observable",
            "x",
            "--out",
            dir.resolve("p"));
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--theta"), r.err());
    assertFalse(Files.exists(dir.resolve("p.png")));
  }

  @Test
  void mineJsonListsBenchmarkCrossSectionsWithErrors() {
    CliRun r =
        CliRun.of(
            "mine",
            "--events",
            events,
            "--theta0",
            0,
            "--theta1",
            1,
            "--out",
            dir.resolve("m.h5"),
            "--json",
            "-");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode b = JSON.readTree(r.out()).get("benchmarks");
    assertTrue(b.size() >= 3, b.toString());
    for (JsonNode n : b) {
      assertTrue(
          n.get("error").asDouble() > 0 && n.get("name").asText().length() > 0, b.toString());
    }
  }
}
