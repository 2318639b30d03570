package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.testing.ExponentialCsv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, a long soak compressed: 1 000 NPLM toys through {@code nplm --toys-dir}, the real CLI
 * ({@code org.sbi4j.cli.Main}) in a child JVM, killed with SIGKILL ({@link
 * Process#destroyForcibly}) at 20 seeded random points and resumed each time; the final t,
 * p-values, significances and every toy's t must equal those of an uninterrupted run bit for bit,
 * and every toy file must hold its toy's t exactly. Each toy is a few milliseconds (10 data events,
 * 60 reference events, L-BFGS mode, a 1,2,1 network).
 */
class ToySoakIT {
  private static final int TOYS = 1_000;
  private static final int KILLS = 20;
  private static final List<String> KEYS =
      List.of("t", "dof", "pValueChi2", "pValueEmpirical", "z", "zEmpirical", "ksPValue", "nullT");

  @TempDir Path dir;

  private Process start(Path toysDir, Path json) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--add-modules=jdk.incubator.vector");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.sbi4j.cli.Main");
    cmd.addAll(
        List.of(
            "nplm",
            "--data",
            dir.resolve("data.csv").toString(),
            "--reference",
            dir.resolve("reference.csv").toString(),
            "--expected",
            "10",
            "--optimizer",
            "lbfgs",
            "--network",
            "1,2,1",
            "--toys",
            Integer.toString(TOYS),
            "--threads",
            "2",
            "--seed",
            "17",
            "--json",
            json.toString()));
    if (toysDir != null) {
      cmd.add("--toys-dir");
      cmd.add(toysDir.toString());
    }
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  private static long toyFiles(Path toysDir) throws IOException {
    if (!Files.isDirectory(toysDir)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(toysDir)) {
      return s.filter(p -> p.getFileName().toString().matches("toy-\\d+\\.t")).count();
    }
  }

  private JsonNode finish(Process p, Path json) throws Exception {
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the run did not finish");
    assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.log")));
    return JsonMapper.builder().build().readTree(json.toFile());
  }

  @Test
  void aThousandToysKilledTwentyTimesAndResumedGiveTheUninterruptedResult() throws Exception {
    long t0 = System.nanoTime();
    ExponentialCsv.write(dir.resolve("data.csv"), "x", 10, 1, 1);
    ExponentialCsv.write(dir.resolve("reference.csv"), "x", 60, 2, 1);
    Path plainJson = dir.resolve("uninterrupted.json");
    JsonNode plain = finish(start(null, plainJson), plainJson);

    Path toys = dir.resolve("toys");
    Path json = dir.resolve("resumed.json");
    Random random = new Random(17);
    int kills = 0;
    List<Long> killedAt = new ArrayList<>();
    while (kills < KILLS) {
      long before = toyFiles(toys);
      // a random point: after 1 to 80 more toys (or at start-up, one kill in five), plus 0-9 ms
      long more = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(80);
      long extraMs = random.nextInt(10);
      Process p = start(toys, json);
      while (p.isAlive() && toyFiles(toys) < before + more) {
        Thread.sleep(2);
      }
      Thread.sleep(extraMs);
      if (!p.isAlive()) {
        break; // finished before this kill point: nothing left to interrupt
      }
      p.destroyForcibly();
      p.waitFor();
      kills++;
      killedAt.add(toyFiles(toys));
    }
    assertEquals(KILLS, kills, "killed at " + killedAt + "; make the toys slower or more");
    assertTrue(toyFiles(toys) < TOYS, "the last kill came after the last toy: " + killedAt);
    JsonNode resumed = finish(start(toys, json), json);

    for (String key : KEYS) {
      assertEquals(plain.get(key), resumed.get(key), key + " differs after 20 kills " + killedAt);
    }
    JsonNode nullT = resumed.get("nullT");
    assertEquals(TOYS, nullT.size());
    for (int k = 0; k < TOYS; k++) {
      double file = Double.parseDouble(Files.readString(toys.resolve("toy-" + k + ".t")).strip());
      assertEquals(
          Double.doubleToRawLongBits(plain.get("nullT").get(k).asDouble()),
          Double.doubleToRawLongBits(file),
          "toy " + k);
    }
    System.out.printf(
        Locale.ROOT,
        "ToySoakIT: %d toys, %d kills at %s toys, %.1f s in all%n",
        TOYS,
        kills,
        killedAt,
        (System.nanoTime() - t0) / 1e9);
    assertTrue(new File(toys.toFile(), "run.txt").exists());
  }
}
