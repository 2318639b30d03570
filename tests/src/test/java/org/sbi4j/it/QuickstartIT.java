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
  }
}
