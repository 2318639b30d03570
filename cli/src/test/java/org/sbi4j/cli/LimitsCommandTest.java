package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.ModelFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LimitsCommandTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(20_000, 7);
  static Path fixture;

  @BeforeAll
  static void copyFixture() {
    fixture = ModelFixture.copyTo(dir);
  }

  /** Runs expected histogram limits at theta-true 0 and luminosity 10, plotting to dir/plot. */
  private static CliRun expected(
      String histogram, Path events, String grid, String plot, String... extra) {
    return CliRun.of(
        "limits --histogram",
        histogram,
        "--events",
        events,
        "--theta-true 0 --luminosity 10 --grid",
        grid,
        "--plot",
        dir.resolve(plot),
        extra);
  }

  /** Runs observed histogram limits on x from data at luminosity 10, plotting to dir/plot. */
  private static CliRun observed(Path data, String grid, String plot, String... extra) {
    return CliRun.of(
        "limits --histogram x --events",
        events,
        "--observed",
        data,
        "--luminosity 10 --grid",
        grid,
        "--plot",
        dir.resolve(plot),
        extra);
  }

  @Test
  void expectedHistogramLimitsWriteJsonAndPlots() {
    Path json = dir.resolve("limits.json");
    Path plot = dir.resolve("limits-plot");
    CliRun run =
        CliRun.of(
            "limits --histogram x --events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:21 --fisher truth --json",
            json,
            "--plot",
            plot);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(json.toFile());
    for (String key : List.of("parameters", "grid", "q", "pValues", "bestFit", "intervals")) {
      assertTrue(r.has(key), key);
    }
    assertEquals(21, r.get("q").size());
    assertEquals(2, r.get("intervals").get("theta").get("cl68").size());
    double lo = r.get("intervals").get("theta").get("cl68").get(0).asDouble();
    double hi = r.get("intervals").get("theta").get("cl68").get(1).asDouble();
    assertTrue(lo < 0 && hi > 0 && hi - lo < 1, lo + " " + hi);
    assertTrue(Files.exists(Path.of(plot + ".png")) && Files.exists(Path.of(plot + ".svg")));
  }

  @Test
  void observedLimitsFromCsv() throws Exception {
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "x\n0.3\n1.2\n0.8\n2.5\n0.1\n1.7\n0.9\n3.1\n0.4\n1.1\n");
    CliRun run = observed(data, "-1:1:11", "obs", "--bins 5 --json -");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(run.out());
    assertEquals("observed", r.get("mode").asString());
    assertEquals(10, r.get("events").asDouble(), 0);
  }

  @Test
  void observablesMismatchNamesBothLists() {
    expected("pt", events, "-1:1:5", "p1").assertBadInput("[pt]", "[x]");
  }

  @Test
  void masterWithoutSparkOnTheClasspathIsBadInput() {
    expected("x", events, "-1:1:5", "p3", "--master", "local[2]")
        .assertBadInput("needs Apache Spark");
  }

  @Test
  void gridOutsideTheRangesIsBadInput() {
    expected("x", events, "-3:3:5", "p2").assertBadInput("outside the parameter range");
  }

  @Test
  void zeroExpectedEventsIsBadInput() {
    Path zero = dir.resolve("zero.h5");
    EventSample ev = Simulators.INTERFERENCE_1D.create().events(100, 3);
    MadMinerFiles.writeEvents(
        zero, ev.withWeights(ev.setup().get(), new double[ev.size() * 3], null));
    expected("x", zero, "-1:1:5", "p3").assertBadInput("zero expected events");
  }

  @Test
  void emptyDataFileIsBadInput() throws Exception {
    Path data = dir.resolve("empty.csv");
    Files.writeString(data, "x\n");
    CliRun run = observed(data, "-1:1:5", "p4");
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
  }

  static Path fixture() {
    return fixture;
  }

  @Test
  void ratioModelAndHistogramTogetherWarnOutsideTheTrainedRange() throws Exception {
    // The fixture is a small ALICES model on observables [x] and parameter [theta] trained on
    // θ in about [−0.9996, 0.9995]: a grid to ±1 leaves that range and must be reported.
    Path json = dir.resolve("model.json");
    CliRun run =
        CliRun.of(
            "limits --model",
            fixture(),
            "--histogram x --events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:11 --json",
            json,
            "--plot",
            dir.resolve("model"));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("warning: ALICES: the grid of 'theta'"), run.err());
    JsonNode r = JsonMapper.builder().build().readTree(json.toFile());
    assertEquals("ALICES", r.get("method").asString());
    assertEquals(2, r.get("results").size());
    assertTrue(r.get("warnings").size() >= 1);
  }

  @Test
  void modelObservablesMismatchNamesBothLists() throws Exception {
    Path twoD = dir.resolve("events2d.h5");
    MadMinerFiles.writeEvents(twoD, Simulators.INTERFERENCE_2D.create().events(1_000, 5));
    CliRun run =
        CliRun.of(
            "limits --model",
            fixture(),
            "--events",
            twoD,
            "--theta-true 0,0 --luminosity 10 --grid -1:1:5,-1:1:5 --plot",
            dir.resolve("p5"));
    assertEquals(2, run.exitCode());
    assertTrue(run.oneErrorLine(), run.err());
    assertTrue(run.err().contains("[x]") && run.err().contains("[x_E, x_cos, x_sin]"), run.err());
  }
}
