package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code nplm --nuisance …} (docs/cli.md, math.md §5.11): the JSON contract and bad inputs. */
class NplmNuisanceCommandTest {
  @TempDir Path dir;

  /** n exponential events with mean e^{scale} (the 1D benchmark's scale nuisance). */
  private String sample(String name, int n, double scale, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder("x\n");
    for (int i = 0; i < n; i++) {
      b.append(
          String.format(Locale.ROOT, "%.9f%n", -Math.log(1 - r.nextDouble()) * Math.exp(scale)));
    }
    Path p = dir.resolve(name);
    Files.writeString(p, b);
    return p.toString();
  }

  @Test
  void reportsTauDeltaAndTheNuisances() throws IOException {
    Path json = dir.resolve("nplm.json");
    CliRun r =
        CliRun.of(
            "nplm --data",
            sample("data.csv", 40, 0.1, 1),
            "--reference",
            sample("ref.csv", 800, 0, 2),
            "--expected 40 --epochs 300 --toys 3 --threads 2 --seed 3",
            "--nuisance norm:0.1 --nuisance scale:0.1",
            "--reference-variation scale:0.1=" + sample("up.csv", 800, 0.1, 3),
            "--reference-variation scale:-0.1=" + sample("down.csv", 800, -0.1, 4),
            "--variation-degree 1 --auxiliary norm:0.02 --json",
            json);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JsonMapper.builder().build().readTree(json.toFile());
    assertEquals(3, node.get("nullT").size());
    double t = node.get("t").asDouble();
    assertEquals(node.get("tau").asDouble() - node.get("delta").asDouble(), t, 1e-9 * (1 + t));
    JsonNode nus = node.get("nuisances");
    assertEquals(2, nus.size());
    assertEquals("norm", nus.get(0).get("name").asString());
    assertEquals(0.02, nus.get(0).get("auxiliary").asDouble(), 0);
    assertEquals("scale", nus.get(1).get("name").asString());
    assertEquals(0.1, nus.get(1).get("sigma").asDouble(), 0);
    assertTrue(nus.get(1).has("nuTau") && nus.get(1).has("nuDelta"));
  }

  @Test
  void badNuisanceOptionsExitTwoWithOneLine() throws IOException {
    String ref = sample("ref.csv", 300, 0, 2);
    String d = sample("d.csv", 10, 0, 1);
    String up = sample("up.csv", 300, 0.1, 3);
    String[] common = {"nplm", "--data", d, "--reference", ref, "--expected", "10", "--toys", "2"};
    String[][] cases = {
      {"--reference-variation", "scale:0.1=" + up},
      {"--nuisance", "norm:-1"},
      {"--nuisance", "norm"},
      {"--nuisance", "scale:0.1"},
      {"--nuisance", "norm:0.1", "--reference-variation", "scale:0.1=" + up},
      {"--nuisance", "norm:0.1", "--auxiliary", "jes:0.1"},
      {"--nuisance", "norm:0.1", "--nuisance", "norm:0.2"},
      {"--nuisance", "norm:0.1", "--model", "kernel"},
      {"--nuisance", "scale:0.1", "--reference-variation", "scale:0=" + up},
      {"--nuisance", "scale:0.1", "--reference-variation", "scale:x=" + up},
      {
        "--nuisance",
        "scale:0.1",
        "--reference-variation",
        "scale:0.1=" + up,
        "--variation-degree",
        "7"
      },
      {"--nuisance", "norm:0.1", "--auxiliary", "norm:1e300"},
    };
    for (String[] extra : cases) {
      String[] full = new String[common.length + extra.length];
      System.arraycopy(common, 0, full, 0, common.length);
      System.arraycopy(extra, 0, full, common.length, extra.length);
      CliRun r = CliRun.of(full);
      assertEquals(2, r.exitCode(), String.join(" ", extra) + ": " + r.err());
      assertTrue(r.oneErrorLine(), r.err());
    }
  }
}
