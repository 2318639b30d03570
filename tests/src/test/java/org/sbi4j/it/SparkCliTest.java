package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.cli.Main;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.testing.CliArgs;

/**
 * {@code augment}, {@code limits}, workspace toys and {@code protomodels build} with {@code
 * --master local[2]} (Spark is on this module's test classpath, as under spark-submit): exit 0; a
 * master Spark cannot parse: exit 2, one line. Each command starts and stops its own Spark context.
 */
class SparkCliTest {
  @TempDir static Path dir;
  static Path events;

  @BeforeAll
  static void writeEvents() {
    events = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(events, new Interference1D().events(3_000, 5));
  }

  /** Exit code and stderr. */
  private static Object[] run(Object... parts) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Object[] {
        Main.execute(CliArgs.words(parts)), err.toString(StandardCharsets.UTF_8)
      };
    } finally {
      System.setErr(oldErr);
    }
  }

  @Test
  void augmentAndLimitsRunOnSparkLocal() {
    Path out = dir.resolve("sally.h5");
    Object[] r =
        run(
            "augment --events",
            events,
            "--method sally --theta-ref 0 --samples 500 --out",
            out,
            "--master local[2]");
    assertEquals(0, r[0], (String) r[1]);
    assertTrue(Files.exists(out));
    r =
        run(
            "limits --histogram x --events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:11 --plot",
            dir.resolve("lim"),
            "--master local[2]");
    assertEquals(0, r[0], (String) r[1]);
  }

  @Test
  void protomodelWalkersOnSparkGiveTheLocalNumbers() throws java.io.IOException {
    Path db = dir.resolve("protodb");
    assertEquals(0, run("protomodels toy-database --out", db, "--seed 2")[0]);
    Path spark = dir.resolve("spark.json");
    Path local = dir.resolve("local.json");
    Object[] r =
        run(
            "protomodels build --database",
            db,
            "--walkers 3 --steps 40 --seed 1 --master local[2] --out",
            dir.resolve("proto-spark"),
            "--json",
            spark);
    assertEquals(0, r[0], (String) r[1]);
    r =
        run(
            "protomodels build --database",
            db,
            "--walkers 3 --steps 40 --seed 1 --threads 1 --out",
            dir.resolve("proto-local"),
            "--json",
            local);
    assertEquals(0, r[0], (String) r[1]);
    // the walkers are pure functions of their seeds: the reports are identical but for the
    // provenance, which records each run's own command line and time
    assertEquals(withoutProvenance(local), withoutProvenance(spark));
  }

  private static tools.jackson.databind.JsonNode withoutProvenance(Path json)
      throws java.io.IOException {
    tools.jackson.databind.node.ObjectNode o =
        (tools.jackson.databind.node.ObjectNode)
            tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(Files.readString(json));
    o.remove("provenance");
    return o;
  }

  @Test
  void aMasterSparkCannotParseIsBadInputOnOneLine() {
    Object[] r =
        run(
            "augment --events",
            events,
            "--method sally --theta-ref 0 --samples 10 --out",
            dir.resolve("x.h5"),
            "--master nowhere[");
    String err = (String) r[1];
    assertEquals(2, r[0], err);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.contains("nowhere["), err);
  }

  @Test
  void workspaceToysOnSparkEqualTheLocalThreads() throws java.io.IOException {
    Path ws = dir.resolve("ws.json");
    Files.writeString(ws, SparkRunnerTest.WORKSPACE);
    Path[] out = new Path[2];
    String[] runners = {"--threads 2", "--master local[2]"};
    for (int i = 0; i < 2; i++) {
      Path json = dir.resolve("cls" + i + ".json");
      Object[] r =
          run(
              "workspace cls --workspace",
              ws,
              "--poi-value 1 --calculator toys --toys 20 --seed 4",
              runners[i],
              "--json",
              json);
      assertEquals(0, r[0], (String) r[1]);
      out[i] = json;
    }
    assertTrue(withoutProvenance(out[0]).has("clsObserved"));
    assertEquals(withoutProvenance(out[0]), withoutProvenance(out[1]));
  }
}
