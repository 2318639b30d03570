package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code limits --workspace} and {@code workspace export} through {@link Main}, and bad inputs. */
class CombineCommandsTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(5_000, 13);

  /**
   * One bin whose signal scales with the normfactor "theta" in [−1, 1] and whose background has a
   * normsys: the POI is named like the event file's parameter.
   */
  static final String THETA_WS =
      """
      {"channels": [{"name": "cr", "samples": [
        {"name": "signal", "data": [6.0],
         "modifiers": [{"name": "theta", "type": "normfactor", "data": null}]},
        {"name": "background", "data": [25.0],
         "modifiers": [{"name": "bkg_norm", "type": "normsys", "data": {"lo": 0.9, "hi": 1.1}}]}]}],
       "observations": [{"name": "cr", "data": [27.0]}],
       "measurements": [{"name": "m", "config": {"poi": "theta",
         "parameters": [{"name": "theta", "bounds": [[-1.0, 1.0]]}]}}],
       "version": "1.0.0"}
      """;

  /** Interference-1d events with every fifth marked as background (sampled_from = −1). */
  static Path withBackground() throws IOException {
    EventSample e = Simulators.INTERFERENCE_1D.create().events(5_000, 17);
    int[] from = new int[e.size()];
    for (int i = 0; i < from.length; i++) {
      from[i] = i % 5 == 0 ? -1 : 0;
    }
    Path file = dir.resolve("with-background.h5");
    MadMinerFiles.writeEvents(file, e.withWeights(e.setup().get(), e.weights(), from));
    return file;
  }

  static Path write(String name, String json) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  static JsonNode json(CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    return JsonMapper.builder().build().readTree(run.out());
  }

  private static CliRun limits(Object... extra) {
    return CliRun.of(
        "limits --histogram x --bins 10 --events",
        events,
        "--theta-true 0.2 --luminosity 10 --grid -1:1:21 --plot",
        dir.resolve("plot"),
        extra);
  }

  @Test
  void limitsWithAWorkspaceReportTheCombinationAndItsParameters() throws IOException {
    Path ws = write("theta.json", THETA_WS);
    JsonNode alone = json(limits("--json -"));
    JsonNode r = json(limits("--workspace", ws, "--json -"));
    assertEquals("histogram x + workspace", r.get("method").asString());
    assertEquals("theta", r.get("workspaces").get("mapped").get("theta").asString());
    assertEquals("bkg_norm", r.get("workspaces").get("profiled").get(0).asString());
    double[] a = cl95(alone);
    double[] c = cl95(r);
    assertTrue(c[1] - c[0] < a[1] - a[0], "combined " + c[0] + ".." + c[1]);
    // observed limits: the workspace's observed counts join the data events
    Path data = write("data.csv", "x\n0.3\n1.2\n0.8\n2.5\n0.1\n1.7\n0.6\n0.9\n3.1\n0.2\n");
    JsonNode o =
        json(
            CliRun.of(
                "limits --histogram x --bins 10 --events",
                events,
                "--observed",
                data,
                "--luminosity 10 --grid -1:1:21 --workspace",
                ws,
                "--plot",
                dir.resolve("plot-o"),
                "--json -"));
    assertEquals("observed", o.get("mode").asString());
    assertEquals("histogram x + workspace", o.get("method").asString());
  }

  private static double[] cl95(JsonNode r) {
    JsonNode i = r.get("intervals").get("theta").get("cl95");
    return new double[] {i.get(0).asDouble(), i.get(1).asDouble()};
  }

  @Test
  void exportWritesAWorkspaceThatFitsAndClsRunOnAndLimitsCombine() throws IOException {
    Path out = dir.resolve("export.json");
    JsonNode r =
        json(
            CliRun.of(
                "workspace export --events",
                withBackground(),
                "--theta 0.5 --luminosity 20 --observable x --bins 5 --out",
                out,
                "--json -"));
    assertEquals("mu", r.get("poi").asString());
    assertEquals(5, r.get("bins").asInt());
    assertEquals("asimov", r.get("observationSource").asString());
    assertEquals(5, r.get("background").size());
    assertTrue(Files.isRegularFile(out));
    JsonNode fit = json(CliRun.of("workspace fit --workspace", out, "--json -"));
    assertEquals("mu", fit.get("parameters").get(0).get("name").asString());
    // the Asimov counts are the nominal prediction: μ̂ = 1 (the fit's tolerance ≪ 1e-5)
    assertEquals(1, fit.get("parameters").get(0).get("value").asDouble(), 1e-5);
    JsonNode cls = json(CliRun.of("workspace cls --workspace", out, "--poi-value 1 --json -"));
    double clsObserved = cls.get("clsObserved").asDouble();
    assertTrue(clsObserved > 0 && clsObserved < 1, "CLs " + clsObserved);
    // the exported POI stands for θ with --workspace-map, inside its bounds [0, 10]
    JsonNode combined =
        json(
            CliRun.of(
                "limits --histogram x --bins 10 --events",
                events,
                "--theta-true 0.5 --luminosity 10 --grid 0:1:11 --plot",
                dir.resolve("plot-m"),
                "--workspace",
                out,
                "--workspace-map mu=theta --json -"));
    assertEquals("theta", combined.get("workspaces").get("mapped").get("mu").asString());
  }

  @Test
  void badInputsAreOneLineWithExitTwo() throws IOException {
    Path ws = write("theta2.json", THETA_WS);
    Path other = write("other.json", THETA_WS.replace("\"theta\"", "\"nu\""));
    limits("--workspace-map mu=theta").assertBadInput("--workspace-map", "there is no workspace");
    limits("--workspace", ws, "--workspace-map mu").assertBadInput("--workspace-map", "PAR=THETA");
    limits("--workspace", other).assertBadInput("--workspace-map", "shares no parameter");
    limits("--workspace", other, "--workspace-map nu=phi")
        .assertBadInput("--workspace-map", "'phi' is not a parameter");
    limits("--workspace", dir.resolve("missing.json")).assertBadInput("missing.json");
    CliRun.of(
            "limits --histogram x --events",
            events,
            "--theta-true 0.2 --luminosity 10 --grid -1:1:21 --plot",
            dir.resolve("p2"),
            "--workspace",
            write("narrow.json", THETA_WS.replace("[[-1.0, 1.0]]", "[[0.0, 1.0]]")))
        .assertBadInput("--grid", "leaves the bounds [0.0, 1.0]");
    Path out = dir.resolve("bad.json");
    CliRun.of("workspace export --events", events, "--theta 0.1,0.2 --luminosity 10 --out", out)
        .assertBadInput("--theta", "2 values");
    CliRun.of(
            "workspace export --events",
            events,
            "--theta 0.1 --luminosity 10 --observable nope --out",
            out)
        .assertBadInput("nope");
    CliRun.of("workspace export --events", events, "--theta 0.1 --luminosity -1 --out", out)
        .assertBadInput("--luminosity");
    CliRun.of(
            "workspace export --events",
            events,
            "--theta 0.1 --luminosity 10 --channel",
            Path.of(" "),
            "--out",
            out)
        .assertBadInput("--channel");
    assertTrue(Files.notExists(out), "no half-written workspace");
  }
}
