package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.cli.Main;

/** The newcomer's first command runs end to end and writes its report. */
class QuickstartIT {
  @TempDir Path dir;

  @Test
  void quickstartRunsEveryStageAndWritesAReport() throws Exception {
    Path out = dir.resolve("qs");
    Path json = dir.resolve("qs.json");
    int code = Main.execute("quickstart", "--out", out.toString(), "--json", json.toString());
    assertEquals(0, code);
    String report = Files.readString(out.resolve("report.md"));
    assertTrue(report.contains("## Morphing"), report);
    assertTrue(Files.readString(json).contains("\"morphing\""));
    assertTrue(report.contains("## Simulation") && report.contains("## Training samples"), report);
    for (String f : new String[] {"events.h5", "train_sally.h5", "train_ratio.h5"}) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertTrue(report.contains("## Expected limits") && report.contains("| exact |"), report);
    assertTrue(Files.exists(out.resolve("limits.png")) && Files.exists(out.resolve("limits.svg")));
    for (String section :
        new String[] {"## Simulation", "## Training samples", "## Training", "## NPLM"}) {
      assertTrue(report.contains(section), "missing " + section + " in\n" + report);
    }
    assertTrue(Files.exists(out.resolve("models/alices/model.onnx")));
    assertTrue(Files.size(out.resolve("nplm-null.png")) > 1000);
    // diagnostics: the ALICES closure plot is in the report
    assertTrue(
        report.contains("## Diagnostics") && report.contains("diagnose-closure.png"), report);
    assertTrue(Files.size(out.resolve("diagnose-closure.png")) > 1000);
    assertTrue(Files.size(out.resolve("nplm-f.png")) > 1000);
    var summary = tools.jackson.databind.json.JsonMapper.builder().build().readTree(json.toFile());
    // the quickstart injects a strong tail signal: NPLM must see it (Z > 3 from the χ²_k fit)
    assertTrue(summary.get("nplm").get("z").asDouble() > 3, summary.get("nplm").toString());
    // systematics: profiling two constrained nuisances can only widen the exact 95 % interval
    var exact = summary.get("systematics").get("exact");
    double fixedWidth =
        exact.get("fixed").get("cl95").get(1).asDouble()
            - exact.get("fixed").get("cl95").get(0).asDouble();
    double profiledWidth =
        exact.get("profiled").get("cl95").get(1).asDouble()
            - exact.get("profiled").get("cl95").get(0).asDouble();
    assertTrue(report.contains("## Systematic uncertainties"), report);
    assertTrue(profiledWidth > fixedWidth, exact.toString());
    assertIntervalsCloseToExact(summary.get("limits"));
  }

  /**
   * The newcomer's first impression (issue 21): ALICES, SALLY and the histogram of x land within
   * 0.03 of the exact likelihood's 68 % bounds and 0.05 of its 95 % bounds, all on the same Asimov
   * data. The bounds are the issue's, not tuned to this run: the grid step is 0.05 and intervals
   * are interpolated between grid points. ALICES is scanned normalised per θ (LimitsStage#alices);
   * with the default seed its largest deviations measured are 0.008 (68 %) and 0.042 (95 %), both
   * at the lower end; SALLY and the histogram are within 0.016. Before issue 21 ALICES's lower 95 %
   * bound was 0.21 off. On all 12 root/training seed combinations measured the normalised ALICES
   * stayed within 0.023/0.043 (TrainStage.ALICES_CONFIG); QuickstartSeedIT checks root seed 2.
   */
  private static void assertIntervalsCloseToExact(tools.jackson.databind.JsonNode limits) {
    var exact = limits.get("exact");
    for (String method : new String[] {"ALICES", "SALLY", "histogram x"}) {
      var got = limits.get(method);
      assertTrue(got != null, "no limits for " + method + " in " + limits);
      for (String cl : new String[] {"cl68", "cl95"}) {
        double tolerance = cl.equals("cl68") ? 0.03 : 0.05;
        for (int side = 0; side < 2; side++) {
          double want = exact.get(cl).get(side).asDouble();
          double have = got.get(cl).get(side).asDouble();
          assertTrue(
              Math.abs(have - want) <= tolerance,
              method
                  + " "
                  + cl
                  + " bound "
                  + side
                  + ": "
                  + have
                  + " vs exact "
                  + want
                  + " (> "
                  + tolerance
                  + ") in "
                  + limits);
        }
      }
    }
  }
}
