package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.testing.ModelFixture;

/**
 * Issue 17, output safety: no command destroys an input, renames over a device or folder, or leaves
 * anything written when it exits 2 (docs/cli.md, "Outputs"; docs/bad-inputs.md).
 */
class OutputSafetyTest {
  @TempDir Path dir;

  private Path events;
  private Path model;

  @BeforeEach
  void inputs() throws IOException {
    events = dir.resolve("events.h5");
    Files.writeString(events, "not read: outputs are checked before any input is read\n");
    model = ModelFixture.copyTo(dir);
  }

  /** Every command that writes, with {@code OUT} where its --out (or --plot prefix) goes. */
  private String[] command(String name, String out) {
    String e = events.toString();
    String m = model.toString();
    String cmd =
        switch (name) {
          case "simulate" -> "simulate --process interference-1d --events 10 --out " + out;
          case "mine" -> "mine --events " + e + " --theta0 0 --theta1 1 --out " + out;
          case "augment" ->
              "augment --events " + e + " --method sally --theta-ref 0 --samples 5 --out " + out;
          case "train" -> "train --method sally --data " + e + " --out " + out;
          case "evaluate" -> "evaluate --model " + m + " --events " + e + " --out " + out;
          case "export" -> "export --model " + m + " --out " + out;
          case "limits" ->
              "limits --histogram x --events "
                  + e
                  + " --theta-true 0 --luminosity 10 --grid -1:1:3 --plot "
                  + out;
          case "fisher" -> "fisher --events " + e + " --theta 0 --luminosity 10 --plot " + out;
          case "nplm" -> "nplm --data " + e + " --reference " + e + " --expected 5 --plot " + out;
          case "morphing" -> "morphing --setup " + e + " --plot " + out;
          default -> throw new IllegalArgumentException(name);
        };
    return cmd.split(" ");
  }

  private static String[] plus(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  /** Path → content of every file under the temp folder (to compare before/after). */
  private Map<String, String> snapshot() {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        m.put(
            dir.relativize(p).toString(),
            Files.isRegularFile(p) ? Arrays.toString(Files.readAllBytes(p)) : "<folder>");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** Runs {@code args}: exit 2, one line holding the fragments, and nothing on disk changed. */
  private void refused(String[] args, String... fragments) {
    Map<String, String> before = snapshot();
    CliRun r = CliRun.of((Object[]) args);
    r.assertBadInput(fragments);
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(before, snapshot(), "files changed by a refused run: " + String.join(" ", args));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mine", "augment", "evaluate"})
  void outIsTheInputEventFile(String name) {
    refused(command(name, events.toString()), "--out", "--events");
  }

  @Test
  void outIsTheInputThroughALink() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.h5"), events);
    refused(command("mine", link.toString()), "--out", "--events");
  }

  @Test
  void exportOutIsTheModelFolder() {
    refused(command("export", model.toString()), "--out", "--model");
  }

  @ParameterizedTest
  @ValueSource(strings = {"export", "evaluate"})
  void outputInsideTheModelFolder(String name) {
    refused(
        plus(
            command(name, dir.resolve("o.out").toString()),
            "--json",
            model.resolve("model.json").toString()),
        "--json",
        "inside the --model input");
  }

  @Test
  void trainOutIsTheTrainingSample() {
    refused(command("train", events.toString()), "--out", "--data");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mine", "augment", "evaluate"})
  void jsonIsAnInput(String name) {
    refused(
        plus(command(name, dir.resolve("o.out").toString()), "--json", events.toString()),
        "--json",
        "--events");
  }

  @ParameterizedTest
  @ValueSource(strings = {"limits", "fisher", "morphing"})
  void plotFileIsAnInput(String name) throws IOException {
    Files.move(events, dir.resolve("events.png"));
    events = dir.resolve("events.png");
    refused(command(name, dir.resolve("events").toString()), "--plot");
  }

  @Test
  void nplmPlotFileIsAnInput() throws IOException {
    Files.move(events, dir.resolve("p-null.svg"));
    events = dir.resolve("p-null.svg");
    refused(command("nplm", dir.resolve("p").toString()), "--plot", "input");
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "mine", "augment", "evaluate", "export"})
  void outIsADevice(String name) {
    refused(command(name, "/dev/null"), "--out /dev/null", "not a regular file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "limits", "fisher", "nplm", "morphing"})
  void jsonIsDevFull(String name) {
    refused(
        plus(command(name, dir.resolve("p").toString()), "--json", "/dev/full"),
        "--json /dev/full",
        "not a regular file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulate", "mine", "evaluate", "export"})
  void outIsAFolder(String name) throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder"));
    refused(command(name, folder.toString()), "--out", "is a folder");
  }

  @Test
  void outIsAFifo() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    refused(command("simulate", fifo.toString()), "--out", "not a regular file");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "simulate",
        "mine",
        "augment",
        "train",
        "evaluate",
        "export",
        "limits",
        "fisher",
        "nplm",
        "morphing"
      })
  void everyOutputUnderAFileIsRefusedBeforeWork(String name) {
    String under = events.resolve("sub").resolve("x").toString();
    refused(command(name, under), "is not a folder");
    refused(
        plus(command(name, dir.resolve("o").toString()), "--json", under),
        "--json",
        "not a folder");
  }

  @Test
  void unwritableFolderIsRefused() {
    refused(command("simulate", "/proc/sbi4j-out.h5"), "--out", "cannot write into /proc");
  }

  @Test
  void toysDirThatIsAFileIsRefused() throws IOException {
    Path f = Files.writeString(dir.resolve("toys"), "x");
    refused(
        plus(command("nplm", dir.resolve("p").toString()), "--toys-dir", f.toString()),
        "--toys-dir");
  }

  @Test
  void outAndJsonNamingOneFileAreRefused() {
    Path o = dir.resolve("o.h5");
    refused(plus(command("simulate", o.toString()), "--json", o.toString()), "--json", "--out");
  }

  @Test
  void trainRefusesANonEmptyFolderThatIsNotAModel() throws IOException {
    Path mine = Files.createDirectory(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep me");
    refused(command("train", mine.toString()), "--out", "--force", "empty");
  }

  @Test
  void aRunningWriterLocksItsOutputs() throws IOException {
    Path lockFile = dir.resolve(".p.png.sbi4j-lock");
    try (FileChannel ch =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      refused(command("limits", dir.resolve("p").toString()), "another sbi4j run is writing");
    }
  }

  @Test
  void atomicFilesNeverRenamesOverANonRegularFile() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("f"));
    UncheckedIOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UncheckedIOException.class, () -> AtomicFiles.writeString(folder, "x"));
    assertTrue(e.getMessage().contains("folder"), e.getMessage());
    assertTrue(Files.isDirectory(folder));
    assertEquals(0, Files.list(folder).count());
    assertEquals(
        0, Files.list(dir).filter(p -> p.getFileName().toString().startsWith(".")).count());
  }

  @Test
  void aFailedRunRestoresOldOutputsAndRemovesNewOnes() throws IOException {
    Path old = Files.writeString(dir.resolve("old.json"), "old");
    Path fresh = dir.resolve("new").resolve("deep").resolve("new.h5");
    Map<String, String> before = snapshot();
    Outputs o = new Outputs().input("--events", events).file("--out", fresh).json(old.toString());
    o.check();
    o.begin();
    AtomicFiles.writeString(fresh, "written");
    AtomicFiles.writeString(old, "replaced");
    o.finish(false);
    assertEquals(before, snapshot());
  }

  @Test
  void aSuccessfulRunKeepsItsOutputsAndLeavesNoLocks() throws IOException {
    Path old = Files.writeString(dir.resolve("old.json"), "old");
    Outputs o = new Outputs().file("--out", dir.resolve("n.h5")).json(old.toString());
    o.check();
    o.begin();
    AtomicFiles.writeString(dir.resolve("n.h5"), "n");
    AtomicFiles.writeString(old, "new");
    o.finish(true);
    assertEquals("new", Files.readString(old));
    assertEquals(
        "[events.h5, model-fixture, n.h5, old.json]",
        Arrays.toString(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toArray()));
  }

  @Test
  void trainReplacesAModelFolderWholeAndForceKeepsOtherFiles() throws IOException {
    Path ev = dir.resolve("sim.h5");
    Path sample = dir.resolve("sally.h5");
    Path config = Files.writeString(dir.resolve("small.yaml"), "hiddenLayers: [4]\nepochs: 1\n");
    assertEquals(
        0, CliRun.of("simulate --process interference-1d --events 400 --out", ev).exitCode());
    CliRun a =
        CliRun.of(
            "augment --events", ev, "--method sally --theta-ref 0 --samples 200 --out", sample);
    assertEquals(0, a.exitCode(), a.err());
    Files.writeString(model.resolve("stale.txt"), "from the old model");
    CliRun t = CliRun.of("train --method sally --data", sample, "--config", config, "--out", model);
    assertEquals(0, t.exitCode(), t.err());
    assertFalse(Files.exists(model.resolve("stale.txt")), "the old folder is replaced whole");
    assertTrue(Files.readString(model.resolve("model.json")).contains("\"SALLY\""));
    assertEquals(
        0,
        Files.list(dir).filter(p -> p.getFileName().toString().startsWith(".")).count(),
        "no staging or lock leftovers");
    Path mine = Files.createDirectory(dir.resolve("mine"));
    Files.writeString(mine.resolve("notes.txt"), "keep me");
    CliRun f =
        CliRun.of(
            "train --method sally --data", sample, "--config", config, "--out", mine, "--force");
    assertEquals(0, f.exitCode(), f.err());
    assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
    assertTrue(Files.exists(mine.resolve("model.json")));
  }
}
