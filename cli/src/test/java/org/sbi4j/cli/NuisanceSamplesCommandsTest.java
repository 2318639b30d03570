package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.io.internal.H5Writer;

/**
 * mine and augment with ν options on an event file without nuisance parameters: the ν options are
 * refused with one line (exit 2), and without them the commands write what they always wrote.
 */
class NuisanceSamplesCommandsTest {
  @TempDir Path dir;

  private static void assertBadInput(CliRun r, String fragment) {
    assertEquals(2, r.exitCode(), r.err());
    String err = r.err().trim();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(fragment), err);
  }

  @Test
  void nuOptionsOnAFileWithoutNuisancesExitTwoWithOneLine() throws Exception {
    Path events = TestEvents.interference1d(300, 4);
    Path out = dir.resolve("m.h5");
    assertBadInput(
        CliRun.of("mine --events", events, "--theta0 0.5 --theta1 0 --nu0 1,0 --out", out),
        "--nu0");
    assertBadInput(
        CliRun.of("mine --events", events, "--theta0 0.5 --theta1 0 --nu1 0.2 --out", out),
        "declares no nuisance parameters");
    assertFalse(Files.exists(out), "no output after bad input");
    assertBadInput(
        CliRun.of(
            "augment --events",
            events,
            "--method ratio --theta0-prior uniform:-1:1 --theta1 0 --nu0-prior constraint"
                + " --samples 20 --out",
            dir.resolve("a.h5")),
        "--nu0-prior");
    assertBadInput(
        CliRun.of(
            "augment --events",
            events,
            "--method sally --theta-ref 0 --nu-ref 0,0 --samples 20 --out",
            dir.resolve("a.h5")),
        "--nu-ref");
  }

  @Test
  void trainingOnASampleWithNuisanceNamesButNoNuValuesExitsTwoWithOneLine() {
    Path data = dir.resolve("train.h5");
    H5Writer.write(
        data,
        out -> {
          out.matrix("x", new double[] {0.1, 0.2, 0.3, 0.4}, 1);
          out.matrix("theta0", new double[] {0.5, -0.5, 0.1, 0.2}, 1);
          out.matrix("t_xz0", new double[8], 2);
          out.doubles("y", new double[] {0, 1, 0, 1});
          out.strings("parameters/names", List.of("theta"));
          out.strings("nuisance_names", List.of("norm"));
        });
    assertBadInput(
        CliRun.of("train --method cascal --data", data, "--out", dir.resolve("model")), "'nu0'");
  }

  @Test
  void withoutNuOptionsTheJsonNamesNoNuisances() throws Exception {
    Path events = TestEvents.interference1d(300, 4);
    Path json = dir.resolve("mine.json");
    CliRun r =
        CliRun.of(
            "mine --events",
            events,
            "--theta0 0.5 --theta1 0 --out",
            dir.resolve("m.h5"),
            "--json",
            json);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.readString(json).contains("\"nuisances\" : [ ]"), Files.readString(json));
  }
}
