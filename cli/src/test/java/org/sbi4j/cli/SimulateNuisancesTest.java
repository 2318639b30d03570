package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Interference1D;

/** {@code simulate --nuisances} and event files with nuisance benchmarks through the CLI. */
class SimulateNuisancesTest {
  @TempDir Path dir;

  @Test
  void simulateWritesTheNuisanceBenchmarksOfTheExactSimulation() throws Exception {
    Path events = dir.resolve("events.h5");
    Path json = dir.resolve("sim.json");
    CliRun r =
        CliRun.of(
            "simulate --process interference-1d --events 500 --nuisances --seed 9 --out",
            events,
            "--json",
            json);
    assertEquals(0, r.exitCode(), r.err());
    String j = Files.readString(json).replaceAll("\\s", "");
    assertTrue(j.contains("\"nuisances\":[\"norm\",\"shape\"]"), j);
    assertTrue(
        j.contains(
            "\"nuisanceBenchmarks\":[\"norm_plus\",\"norm_minus\",\"shape_plus\",\"shape_minus\"]"),
        j);
    EventSample file = MadMinerFiles.readEvents(events, NuisanceMorphing.Policy.ERROR);
    EventSample exact = Interference1D.withNuisances().events(500, 9);
    assertEquals(exact.nuisances(), file.nuisances());
    assertArrayEquals(exact.weights(), file.weights(), 0);
    assertArrayEquals(exact.nuisanceWeights(), file.nuisanceWeights(), 0);
    // norm: w(ν = +1) = 1.1 w_sm for every event, exactly as written
    assertEquals(1.1 * file.weight(7, 0), file.nuisanceWeight(7, 0), 1e-15);

    // commands that ignore ν read such files as before
    assertEquals(
        0,
        CliRun.of("mine --events", events, "--theta0 0.5 --theta1 0 --out", dir.resolve("m.h5"))
            .exitCode());

    Path two = dir.resolve("two.h5");
    CliRun r2 =
        CliRun.of(
            "simulate --process interference-2d --events 200 --nuisances --out", two, "--json -");
    assertEquals(0, r2.exitCode(), r2.err());
    assertTrue(r2.out().replaceAll("\\s", "").contains("\"nuisances\":[\"shape\"]"), r2.out());
    assertEquals(List.of("shape"), MadMinerFiles.readEvents(two).nuisances().names());

    CliRun plain =
        CliRun.of(
            "simulate --process interference-1d --events 50 --out",
            dir.resolve("p.h5"),
            "--json -");
    assertTrue(plain.out().replaceAll("\\s", "").contains("\"nuisances\":[]"), plain.out());
  }

  @Test
  void eventFilesWithBadNuisancesExitTwoWithOneLine() throws Exception {
    Path events = dir.resolve("events.h5");
    assertEquals(
        0,
        CliRun.of("simulate --process interference-1d --events 100 --nuisances --out", events)
            .exitCode());
    Path missing = dir.resolve("missing.h5");
    Files.copy(events, missing);
    python(
        "del f['nuisance_parameters/benchmark_negative']\n"
            + "f.create_dataset('nuisance_parameters/benchmark_negative',"
            + " data=[b'norm_down', b'shape_minus'], dtype='S256')",
        missing);
    CliRun.of("mine --events", missing, "--theta0 0.5 --theta1 0 --out", dir.resolve("m.h5"))
        .assertBadInput("'norm_down', which is not among the nuisance benchmarks");
    Path clash = dir.resolve("clash.h5");
    Files.copy(events, clash);
    python(
        "del f['nuisance_parameters/names']\n"
            + "f.create_dataset('nuisance_parameters/names', data=[b'theta', b'shape'],"
            + " dtype='S256')",
        clash);
    CliRun.of("mine --events", clash, "--theta0 0.5 --theta1 0 --out", dir.resolve("m.h5"))
        .assertBadInput("nuisance parameter 'theta' has the name of a physics parameter");
  }

  /** Changes the HDF5 file with h5py ({@code f} is the open file). */
  private static void python(String body, Path file) throws Exception {
    String script =
        "import sys, h5py\nwith h5py.File(sys.argv[1], 'a') as f:\n"
            + body.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }
}
