package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.TrainingFiles;
import tools.jackson.databind.json.JsonMapper;

/** augment --method local, plain and test, and repeated --theta1, through {@link Main}. */
class AugmentMethodsCommandTest {
  @TempDir Path dir;
  static final Path events = TestEvents.interference1d(4_000, 17);
  static final JsonMapper JSON = JsonMapper.builder().build();

  private int thetaPoints(CliRun r) {
    assertEquals(0, r.exitCode(), r.err());
    return JSON.readTree(r.out()).get("thetaPoints").asInt();
  }

  @Test
  void repeatedOptionsSplitTheRows() {
    Path local = dir.resolve("local.h5");
    assertEquals(
        2,
        thetaPoints(
            CliRun.of(
                "augment",
                "--events",
                events,
                "--method",
                "local",
                "--theta-ref",
                "-0.5",
                "--theta-ref",
                "0.5",
                "--samples",
                100,
                "--out",
                local,
                "--json",
                "-")));
    double[] th = TrainingFiles.read(local).column(Column.THETA0);
    assertEquals(50, Arrays.stream(th).filter(v -> v == 0.5).count());

    Path ratio = dir.resolve("ratio.h5");
    assertEquals(
        3,
        thetaPoints(
            CliRun.of(
                "augment",
                "--events",
                events,
                "--method",
                "ratio",
                "--theta0-prior",
                "grid:-1:1:3",
                "--theta1",
                "0.2",
                "--theta1",
                "-0.2",
                "--samples",
                200,
                "--out",
                ratio,
                "--json",
                "-")));
    double[] t1 = TrainingFiles.read(ratio).column(Column.THETA1);
    assertEquals(100, Arrays.stream(t1).filter(v -> v == -0.2).count());
  }

  @Test
  void plainAndTestSamples() {
    Path plain = dir.resolve("plain.h5");
    assertEquals(
        5,
        thetaPoints(
            CliRun.of(
                "augment",
                "--events",
                events,
                "--method",
                "plain",
                "--theta0-prior",
                "normal:0:0.3",
                "--thetas",
                5,
                "--samples",
                100,
                "--out",
                plain,
                "--json",
                "-")));
    EventSample p = TrainingFiles.read(plain);
    assertEquals(100, p.size());
    assertTrue(p.has(Column.THETA0) && !p.has(Column.WEIGHT));
    Path test = dir.resolve("test.h5");
    assertEquals(
        1,
        thetaPoints(
            CliRun.of(
                "augment",
                "--events",
                events,
                "--method",
                "test",
                "--theta0-prior",
                "grid:0.5:0.5:1",
                "--samples",
                80,
                "--out",
                test,
                "--json",
                "-")));
    EventSample t = TrainingFiles.read(test);
    // every row carries σ(θ)/80
    double[] w = t.column(Column.WEIGHT);
    assertEquals(w[0], w[79], 0);
    assertTrue(w[0] > 0);
  }

  @Test
  void badValuesExitTwoNamingTheOption() {
    CliRun r =
        CliRun.of(
            "augment",
            "--events",
            events,
            "--method",
            "ratio",
            "--theta0-prior",
            "grid:-1:1:3",
            "--theta1",
            "abc",
            "--samples",
            10,
            "--out",
            dir.resolve("bad.h5"));
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("--theta1") || r.err().contains("--theta1 'abc'"), r.err());
    r =
        CliRun.of(
            "augment",
            "--events",
            events,
            "--method",
            "plain",
            "--samples",
            10,
            "--out",
            dir.resolve("bad.h5"));
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--theta0-prior"), r.err());
  }
}
