package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.testing.CliArgs;

/** simulate, mine and augment: exit 0 on good input, 2 with one line on bad input. */
class SamplesCommandsTest {
  @TempDir Path dir;

  /** Runs the CLI, returning the exit code and stderr. */
  private static Object[] run(Object... parts) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(CliArgs.words(parts));
      return new Object[] {code, CliRun.stderr(err)};
    } finally {
      System.setErr(old);
    }
  }

  private static void assertBadInput(Object[] r, String fragment) {
    assertEquals(2, r[0]);
    String err = ((String) r[1]).trim();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(fragment), err);
  }

  @Test
  void simulateMineAugmentPipeline() throws Exception {
    Path events = dir.resolve("events.h5");
    assertEquals(
        0, run("simulate --process interference-2d --events 3000 --out", events, "--seed 3")[0]);
    EventSample ev = MadMinerFiles.readEvents(events);
    assertEquals(3000, ev.size());
    assertEquals(6, ev.setup().orElseThrow().benchmarks().size());

    Path mined = dir.resolve("mined.h5");
    Path json = dir.resolve("mine.json");
    assertEquals(
        0,
        run("mine --events", events, "--theta0 0.5,0.2 --theta1 0,0 --out", mined, "--json", json)[
            0]);
    String j = Files.readString(json);
    assertTrue(j.contains("\"sigma0\"") && j.contains("\"sigma1\""), j);

    Path sally = dir.resolve("sally.h5");
    assertEquals(
        0,
        run(
            "augment --events",
            events,
            "--method sally --theta-ref 0,0 --samples 500 --out",
            sally)[0]);
    assertTrue(TrainingFiles.read(sally).has(Column.T_XZ0));

    Path ratio = dir.resolve("ratio.h5");
    assertEquals(
        0,
        run(
            "augment --events",
            events,
            "--method ratio --theta0-prior uniform:-1:1,grid:-1:1:3 --theta1 0,0 --thetas 10 --samples 400 --partition validation --out",
            ratio)[0]);
    EventSample r = TrainingFiles.read(ratio);
    assertEquals(400, r.size());
    assertTrue(r.has(Column.LOG_R_XZ) && r.has(Column.T_XZ1) && r.has(Column.THETA0));
  }

  @Test
  void badInputsExitTwoWithOneLine() throws Exception {
    assertBadInput(
        run("simulate --process ttbar --events 10 --out", dir.resolve("x.h5")),
        "unknown process 'ttbar'");
    Path text = dir.resolve("text.h5");
    Files.writeString(text, "hello");
    assertBadInput(
        run("mine --events", text, "--theta0 0 --theta1 1 --out", dir.resolve("m.h5")),
        "not an HDF5 file");
    Path events = dir.resolve("events.h5");
    assertEquals(0, run("simulate --process interference-1d --events 200 --out", events)[0]);
    assertBadInput(
        run("mine --events", events, "--theta0 0,1 --theta1 1 --out", dir.resolve("m.h5")),
        "theta has 2 values");
    assertBadInput(
        run(
            "augment --events",
            events,
            "--method ratio --theta0-prior gauss:0:1 --theta1 0 --samples 10 --out",
            dir.resolve("a.h5")),
        "prior entry 'gauss:0:1'");
    assertBadInput(
        run("augment --events", events, "--method carl --samples 10 --out", dir.resolve("a.h5")),
        "unknown augment method");
    // Spark is provided by spark-submit or SPARK_HOME, so it is not on this module's classpath
    assertBadInput(
        run(
            "augment --events",
            events,
            "--method sally --theta-ref 0 --samples 10 --out",
            dir.resolve("a.h5"),
            "--master local[2]"),
        "--master local[2] needs Apache Spark on the classpath");
  }

  @Test
  void augmentOnLocalThreadsWritesTheSameFileAsInOneThread() throws Exception {
    Path events = dir.resolve("ev.h5");
    assertEquals(0, run("simulate --process interference-1d --events 3000 --out", events)[0]);
    Path one = dir.resolve("one.h5");
    Path two = dir.resolve("two.h5");
    for (Object[] o : new Object[][] {{one, "1"}, {two, "2"}}) {
      assertEquals(
          0,
          run(
              "augment --events",
              events,
              "--method ratio --theta0-prior uniform:-1:1 --theta1 0 --thetas 5 --samples 300 --out",
              o[0],
              "--threads",
              (String) o[1])[0]);
    }
    EventSample a = TrainingFiles.read(one);
    EventSample b = TrainingFiles.read(two);
    assertArrayEquals(a.x(), b.x(), 0.0);
    assertArrayEquals(a.column(Column.LOG_R_XZ), b.column(Column.LOG_R_XZ), 0.0);
  }
}
