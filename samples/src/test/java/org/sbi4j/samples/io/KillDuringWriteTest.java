package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.AtomicFiles;

/**
 * Issue 8, outputs: a child JVM writing a large file through {@link AtomicFiles} is killed with
 * SIGKILL ({@link Process#destroyForcibly}) mid-write; the target must be the old file (or absent),
 * never partial, and the only leftover is a hidden ".NAME.*.tmp" file that no reader takes as
 * output.
 */
class KillDuringWriteTest {
  @TempDir Path dir;

  private Process startChild(Path target) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            KillWriterChild.class.getName(),
            target.toString())
        .redirectErrorStream(true)
        .start();
  }

  private static void killMidWrite(Process child) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("writing", out.readLine(), "child did not start writing");
    child.destroyForcibly(); // SIGKILL on POSIX: no shutdown hooks, no finally blocks
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertTrue(child.exitValue() != 0, "child must have been killed, not finished");
  }

  private List<Path> leftovers() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().equals("events.csv")).toList();
    }
  }

  @Test
  void killedWriterLeavesTheOldFile() throws Exception {
    Path target = dir.resolve("events.csv");
    byte[] old = "x,w\n1,2\n".getBytes(StandardCharsets.UTF_8);
    Files.write(target, old);
    killMidWrite(startChild(target));
    assertArrayEquals(old, Files.readAllBytes(target), "the old file must be intact");
    for (Path p : leftovers()) {
      String name = p.getFileName().toString();
      assertTrue(
          name.startsWith(".events.csv.") && name.endsWith(".tmp"),
          "only a hidden temporary file may be left, found " + name);
    }
  }

  @Test
  void killedWriterLeavesNoTarget() throws Exception {
    Path target = dir.resolve("events.csv");
    killMidWrite(startChild(target));
    assertFalse(Files.exists(target), "a killed first write must leave no target");
    for (Path p : leftovers()) {
      assertTrue(p.getFileName().toString().startsWith("."), "leftover must be hidden: " + p);
    }
  }
}
