package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MorphingCommandTest {
  @TempDir Path dir;

  private Path yaml(String body) throws IOException {
    Path f = dir.resolve("setup.yaml");
    Files.writeString(f, body);
    return f;
  }

  /** One parameter (power 2: 3 components) but only two benchmarks. */
  private static final String TWO_BENCHMARKS =
      """
      parameters:
        - {name: c, range: [-1, 1]}
      benchmarks:
        - {name: sm, theta: [0]}
        - {name: plus, theta: [1]}
      """;

  private static final String ONE_PARAMETER =
      """
      parameters:
        - {name: c, range: [-1, 1], maxPower: 2}
      benchmarks:
        - {name: sm, theta: [0]}
        - {name: plus, theta: [1]}
        - {name: minus, theta: [-1]}
      """;

  @Test
  void jsonHasExactlyTheKeysOfTheContract() throws IOException {
    Path json = dir.resolve("out.json");
    CliRun r =
        CliRun.of(
            "morphing --setup",
            yaml(ONE_PARAMETER),
            "--theta 0.5 --json",
            json,
            "--plot",
            dir.resolve("plot"));
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JsonMapper.builder().build().readTree(json.toFile());
    for (String key :
        List.of(
            "components",
            "basis",
            "conditionNumber",
            "meanSquaredWeight",
            "weights",
            "weightGradients")) {
      assertTrue(node.has(key), "missing key " + key + " in " + node);
    }
    double[] w = new double[3];
    for (int b = 0; b < 3; b++) {
      w[b] = node.get("weights").get(b).asDouble();
    }
    assertArrayEquals(new double[] {0.75, 0.375, -0.125}, w, 1e-14);
    assertEquals(1, node.get("weightGradients").size());
    assertTrue(Files.size(dir.resolve("plot.png")) > 1000);
    assertTrue(Files.readString(dir.resolve("plot.svg")).contains("<svg"));
  }

  @Test
  void jsonToStdoutIsParseable() throws IOException {
    CliRun r = CliRun.of("morphing", "--setup", yaml(ONE_PARAMETER).toString(), "--json", "-");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(3, JsonMapper.builder().build().readTree(r.out()).get("weights").size());
  }

  @Test
  void optimisedBasisOfTheExampleConfig() {
    CliRun r =
        CliRun.of(
            "morphing --setup ../configs/setup.yaml --optimize-basis --trials 50 --seed 3 --json -");
    assertEquals(0, r.exitCode(), r.err());
    CliRun again =
        CliRun.of(
            "morphing --setup ../configs/setup.yaml --optimize-basis --trials 50 --seed 3 --json -");
    assertEquals(
        CliRun.withoutProvenance(r.out()),
        CliRun.withoutProvenance(again.out()),
        "same seed, same basis");
  }

  private void badInput(String yamlBody, String expected, String... extra) throws IOException {
    String[] args = new String[3 + extra.length];
    args[0] = "morphing";
    args[1] = "--setup";
    args[2] = yaml(yamlBody).toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    CliRun.of(args).assertBadInput(expected);
  }

  @Test
  void badInputsExitTwoWithOneLine() throws IOException {
    badInput(TWO_BENCHMARKS, "2 benchmarks cannot morph 3 components");
    badInput(
        """
        parameters:
          - {name: a, range: [-1, 1], maxPower: 1}
          - {name: b, range: [-1, 1], maxPower: 1}
        maxOverallPower: 1
        benchmarks:
          - {name: x, theta: [0, 0]}
          - {name: y, theta: [1, 1]}
          - {name: z, theta: [2, 2]}
        """,
        "morphing basis is singular: cond(M) =");
    badInput(TWO_BENCHMARKS + "  - {name: again, theta: [1]}\n", "both at θ = [1.0]");
    badInput(ONE_PARAMETER, "theta has 2 values but there are 1 parameters [c]", "--theta", "1,2");
    badInput(ONE_PARAMETER + "colour: red\n", "unknown key 'colour'");
    badInput(
        """
        parameters:
          - {name: c, range: [-1, 1], maxPowr: 2}
        """,
        "unknown key 'parameters[0].maxPowr'");
  }

  @Test
  void eventFileSetupAndAMissingDataset() {
    Path good = dir.resolve("setup.h5");
    org.sbi4j.samples.io.MadMinerFiles.writeSetup(
        good,
        org.sbi4j.samples.io.Configs.parse(ONE_PARAMETER, org.sbi4j.samples.io.SetupYaml.class)
            .toSetup());
    CliRun ok = CliRun.of("morphing", "--setup", good.toString(), "--theta", "0.5");
    assertEquals(0, ok.exitCode(), ok.err());
    Path bad = dir.resolve("partial.h5");
    try (io.jhdf.WritableHdfFile h5 = io.jhdf.HdfFile.write(bad)) {
      h5.putGroup("parameters").putDataset("names", new String[] {"c"});
    }
    CliRun r = CliRun.of("morphing", "--setup", bad.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.oneErrorLine() && r.err().contains("no dataset 'parameters/"), r.err());
  }

  @Test
  void missingFileAndUnknownOption() {
    CliRun r = CliRun.of("morphing", "--setup", dir.resolve("nope.yaml").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.oneErrorLine() && r.err().contains("does not exist"), r.err());
    CliRun u = CliRun.of("morphing", "--bogus");
    assertEquals(2, u.exitCode());
    assertTrue(u.oneErrorLine(), u.err());
  }
}
