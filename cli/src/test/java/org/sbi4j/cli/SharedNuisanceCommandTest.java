package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Observation;
import org.sbi4j.inference.histfactory.Workspace.ParameterConfig;
import org.sbi4j.inference.histfactory.Workspace.Sample;
import org.sbi4j.inference.histfactory.WorkspaceJson;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Interference1D;

/**
 * {@code limits --workspace} on an event file with profiled nuisance parameters (docs/cli.md): a
 * normsys named like a nuisance parameter is shared and the limits run; a staterror of that name is
 * bad input (exit 2, one line).
 */
class SharedNuisanceCommandTest {
  static Path dir;

  static Path events() throws IOException {
    dir = Files.createTempDirectory("sbi4j-shared");
    dir.toFile().deleteOnExit();
    Path events = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(events, Interference1D.withNuisances().events(5_000, 17));
    events.toFile().deleteOnExit();
    return events;
  }

  static Path workspace(Path folder, String name, Modifier background) {
    Workspace ws =
        new Workspace(
            "1.0.0",
            List.of(
                new Channel(
                    "sr",
                    List.of(
                        new Sample(
                            "signal",
                            new double[] {5},
                            List.of(Modifier.plain("theta", ModifierType.NORMFACTOR))),
                        new Sample("background", new double[] {40}, List.of(background))))),
            List.of(new Observation("sr", new double[] {44})),
            List.of(
                new Measurement(
                    "m",
                    "theta",
                    List.of(
                        new ParameterConfig(
                            "theta", null, new double[][] {{-1, 1}}, null, null, null, null)))));
    Path file = folder.resolve(name);
    WorkspaceJson.write(ws, file);
    file.toFile().deleteOnExit();
    return file;
  }

  private static CliRun limits(Path events, Path ws) {
    return CliRun.of(
        "limits --histogram x --events",
        events,
        "--theta-true 0 --luminosity 10 --grid -1:1:11 --json - --plot",
        dir.resolve("limits"),
        "--workspace",
        ws);
  }

  @Test
  void aNormsysNamedLikeANuisanceIsSharedAndAStaterrorIsRefused() throws IOException {
    Path events = events();
    CliRun ok = limits(events, workspace(dir, "normsys.json", Modifier.normsys("norm", 1.1, 0.9)));
    assertEquals(0, ok.exitCode(), ok.err());
    assertTrue(ok.out().contains("+ workspace"), ok.out());
    assertTrue(ok.out().contains("nuisanceParameters"), "the nuisances were profiled: " + ok.out());
    limits(
            events,
            workspace(
                dir,
                "staterror.json",
                Modifier.perBin("norm", ModifierType.STATERROR, new double[] {3})))
        .assertBadInput("--workspace", "'norm'", "per-bin staterror");
  }
}
