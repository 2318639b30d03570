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
  }
}
