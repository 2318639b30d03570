package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.cli.Main;
import org.sbi4j.testing.CliArgs;
import org.sbi4j.training.store.ModelFolder;

/**
 * Issue 17, faults: disk full (a file-size limit) during mine, augment and train, and two runs of
 * limits or train writing the same outputs at once, each through the real CLI in child JVMs.
 */
class OutputFaultsIT {
  @TempDir Path dir;

  private record Child(int code, String err) {}

  /** Starts the CLI in a child JVM under {@code ulimit -f kib} (0: none), SIGXFSZ ignored. */
  private Process start(int kib, Object... parts) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add("exec");
    cmd.add(java);
    cmd.add("-XX:-UsePerfData");
    cmd.add("--add-modules=jdk.incubator.vector");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(CliArgs.words(parts)));
    StringBuilder line = new StringBuilder("trap '' XFSZ; ");
    if (kib > 0) {
      line.append("ulimit -f ").append(kib).append("; ");
    }
    for (String w : cmd) {
      line.append('\'').append(w.replace("'", "'\\''")).append("' ");
    }
    line.setLength(line.length() - 1);
    String script =
        line.toString().replaceFirst("^(trap '' XFSZ; (ulimit -f \\d+; )?)'exec'", "$1exec");
    return new ProcessBuilder("bash", "-c", script)
        .directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static Child finish(Process p) throws Exception {
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child did not finish");
    String ours =
        String.join(
            "\n",
            err.lines()
                .filter(l -> !l.startsWith("WARNING: Using incubator modules"))
                // the tests module's classpath (Spark) carries two SLF4J bindings; the jar does not
                .filter(l -> !l.startsWith("SLF4J:"))
                .toList());
    return new Child(p.exitValue(), ours);
  }

  private Set<String> listing() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return new TreeSet<>(s.map(p -> dir.relativize(p).toString()).toList());
    }
  }

  private static void oneLineExit2(Child c, String fragment) {
    assertEquals(2, c.code(), c.err());
    assertEquals(1, c.err().strip().lines().count(), c.err());
    assertFalse(c.err().contains("\tat "), c.err());
    assertTrue(c.err().contains(fragment), c.err());
  }

  /**
   * Waits for two runs on one output: at least one succeeds, and one that does not exits 2 with the
   * one-line "another sbi4j run is writing".
   */
  private static void oneWinsTheOtherIsRefused(Process a, Process b) throws Exception {
    Child ca = finish(a);
    Child cb = finish(b);
    assertTrue(ca.code() == 0 || cb.code() == 0, ca.err() + cb.err());
    for (Child c : List.of(ca, cb)) {
      if (c.code() != 0) {
        oneLineExit2(c, "another sbi4j run is writing");
      }
    }
  }

  private Path events() {
    Path ev = dir.resolve("events.h5");
    assertEquals(
        0,
        Main.execute(
            CliArgs.words("simulate --process interference-1d --events 4000 --seed 1 --out", ev)));
    return ev;
  }

  private Path sample(Path ev) {
    Path s = dir.resolve("sample.h5");
    assertEquals(
        0,
        Main.execute(
            CliArgs.words(
                "augment --events", ev, "--method sally --theta-ref 0 --samples 2000 --out", s)));
    return s;
  }

  /** Disk full during {@code parts}: exit 2, one line, nothing new, input bytes unchanged. */
  private void diskFull(Path input, Object... parts) throws Exception {
    byte[] before = Files.readAllBytes(input);
    Set<String> files = listing();
    oneLineExit2(finish(start(8, parts)), "cannot write");
    assertEquals(files, listing(), "no output, no temporary file left");
    assertArrayEquals(before, Files.readAllBytes(input));
  }

  @Test
  void diskFullDuringMine() throws Exception {
    Path ev = events();
    diskFull(ev, "mine --events", ev, "--theta0 0 --theta1 1 --out mined.h5");
  }

  @Test
  void diskFullDuringAugment() throws Exception {
    Path ev = events();
    diskFull(ev, "augment --events", ev, "--method sally --theta-ref 0 --samples 2000 --out a.h5");
  }

  @Test
  void diskFullDuringTrain() throws Exception {
    Path s = sample(events());
    Files.writeString(dir.resolve("big.yaml"), "hiddenLayers: [64, 64]\nepochs: 1\n");
    diskFull(s, "train --method sally --data", s, "--config big.yaml --out model");
  }

  @Test
  void twoLimitsRunsOnOneOutputNeverMix() throws Exception {
    Path ev = events();
    Process a =
        start(
            0,
            "limits --histogram x --events",
            ev,
            "--theta-true 0.2 --luminosity 10 --grid -1:1:41 --plot same --json same.json");
    Process b =
        start(
            0,
            "limits --histogram x --events",
            ev,
            "--theta-true -0.2 --luminosity 10 --grid -1:1:41 --plot same --json same.json");
    oneWinsTheOtherIsRefused(a, b);
    String json = Files.readString(dir.resolve("same.json"));
    assertTrue(json.contains("0.2"), json);
    assertTrue(Files.exists(dir.resolve("same.png")) && Files.exists(dir.resolve("same.svg")));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count());
    }
  }

  @Test
  void twoTrainRunsOnOneFolderNeverMix() throws Exception {
    Path s = sample(events());
    Files.writeString(dir.resolve("a.yaml"), "hiddenLayers: [4]\nepochs: 2\n");
    Files.writeString(dir.resolve("b.yaml"), "hiddenLayers: [6, 6]\nepochs: 2\n");
    Process a = start(0, "train --method sally --data", s, "--config a.yaml --out model");
    Process b = start(0, "train --method sally --data", s, "--config b.yaml --out model");
    oneWinsTheOtherIsRefused(a, b);
    // the folder's recorded hashes only match when all its files come from one run
    ModelFolder.load(dir.resolve("model"));
    try (Stream<Path> st = Files.list(dir)) {
      assertEquals(0, st.filter(p -> p.getFileName().toString().startsWith(".")).count());
    }
  }
}
