package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.inference.cwola.CwolaToy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CwolaCommandTest {
  @TempDir Path dir;

  private Path toy(int background, int signal, long seed) throws IOException {
    double[] e = CwolaToy.events(background, signal, seed);
    StringBuilder csv = new StringBuilder("m,a,b\n");
    for (int i = 0; i < background + signal; i++) {
      csv.append(
          String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", e[3 * i], e[3 * i + 1], e[3 * i + 2]));
    }
    Path f = dir.resolve("events.csv");
    Files.writeString(f, csv);
    return f;
  }

  @Test
  void writesTheBumpHuntsOfTheWindowAndTheSelection() throws IOException {
    Path data = toy(3000, 0, 4);
    CliRun r =
        CliRun.of(
            "cwola --data",
            data,
            "--signal-region 1.9:2.1 --sidebands 1:3 --features a,b --folds 2 --epochs 3",
            "--efficiency 0.2 --seed 5 --json -");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JsonMapper.builder().build().readTree(r.out());
    for (String key :
        List.of(
            "events",
            "signalRegionEvents",
            "selectedEvents",
            "folds",
            "efficiency",
            "inclusive",
            "selected",
            "z",
            "pValue")) {
      assertTrue(node.has(key), "missing " + key + " in " + node);
    }
    assertEquals(3000, node.get("events").asInt());
    // each of the 2 folds keeps ⌈0.2·n_k⌉ of its ~1500 events
    assertEquals(600, node.get("selectedEvents").asInt(), 1);
    for (String hunt : List.of("inclusive", "selected")) {
      for (String key : List.of("observed", "background", "q0", "z", "pValue")) {
        assertTrue(node.get(hunt).has(key), hunt + " lacks " + key);
      }
    }
    assertEquals(node.get("selected").get("z").asDouble(), node.get("z").asDouble(), 0.0);
  }

  @Test
  void badInputsExitTwoWithOneLine() throws IOException {
    String data = toy(400, 0, 1).toString();
    String base = "--sidebands 1:3 --folds 2 --epochs 1 --data " + data;
    CliRun.of("cwola --signal-region 1.9:2.1 --features a,m", base)
        .assertBadInput("--features", "resonant variable");
    CliRun.of("cwola --signal-region 1.9:2.1 --features a,c", base)
        .assertBadInput("--features", "'c'");
    CliRun.of("cwola --signal-region 2.1:1.9 --features a,b", base)
        .assertBadInput("--signal-region", "LO:HI");
    CliRun.of("cwola --signal-region 0.5:2.1 --features a,b", base)
        .assertBadInput("--signal-region", "inside");
    CliRun.of("cwola --signal-region 1.9:2.1 --features a,b --efficiency 0", base)
        .assertBadInput("--efficiency");
    CliRun.of("cwola --signal-region 1.9:2.1 --features a,b --mass mjj", base)
        .assertBadInput("--mass", "'mjj'");
  }
}
