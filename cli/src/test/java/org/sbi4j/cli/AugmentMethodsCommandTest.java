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

  /** {@code augment --events EVENTS --method METHOD OPTIONS --samples N --out OUT --json -}. */
  private static CliRun augment(String method, int samples, Path out, Object... options) {
    return CliRun.of(
        "augment --events",
        events,
        "--method",
        method,
        options,
        "--samples",
        samples,
        "--out",
        out,
        "--json -");
  }

  /** The number of θ points the successful run {@code r} reports. */
  private static int thetaPoints(CliRun r) {
    assertEquals(0, r.exitCode(), r.err());
    return JSON.readTree(r.out()).get("thetaPoints").asInt();
  }

  @Test
  void repeatedOptionsSplitTheRows() {
    Path local = dir.resolve("local.h5");
    assertEquals(2, thetaPoints(augment("local", 100, local, "--theta-ref -0.5 --theta-ref 0.5")));
    double[] th = TrainingFiles.read(local).column(Column.THETA0);
    assertEquals(50, Arrays.stream(th).filter(v -> v == 0.5).count());

    Path ratio = dir.resolve("ratio.h5");
    assertEquals(
        3,
        thetaPoints(
            augment("ratio", 200, ratio, "--theta0-prior grid:-1:1:3 --theta1 0.2 --theta1 -0.2")));
    double[] t1 = TrainingFiles.read(ratio).column(Column.THETA1);
    assertEquals(100, Arrays.stream(t1).filter(v -> v == -0.2).count());
  }

  @Test
  void plainAndTestSamples() {
    Path plain = dir.resolve("plain.h5");
    assertEquals(
        5, thetaPoints(augment("plain", 100, plain, "--theta0-prior normal:0:0.3 --thetas 5")));
    EventSample p = TrainingFiles.read(plain);
    assertEquals(100, p.size());
    assertTrue(p.has(Column.THETA0) && !p.has(Column.WEIGHT));
    Path test = dir.resolve("test.h5");
    assertEquals(1, thetaPoints(augment("test", 80, test, "--theta0-prior grid:0.5:0.5:1")));
    EventSample t = TrainingFiles.read(test);
    // every row carries σ(θ)/80
    double[] w = t.column(Column.WEIGHT);
    assertEquals(w[0], w[79], 0);
    assertTrue(w[0] > 0);
  }

  @Test
  void badValuesExitTwoNamingTheOption() {
    Path bad = dir.resolve("bad.h5");
    CliRun r = augment("ratio", 10, bad, "--theta0-prior grid:-1:1:3 --theta1 abc");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("--theta1") || r.err().contains("--theta1 'abc'"), r.err());
    r = augment("plain", 10, bad);
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--theta0-prior"), r.err());
  }
}
