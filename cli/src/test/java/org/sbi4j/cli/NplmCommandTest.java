package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.testing.ExponentialCsv;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class NplmCommandTest {
  @TempDir Path dir;

  private Path csv(String name, String header, int n, long seed, int columns) throws IOException {
    return ExponentialCsv.write(dir.resolve(name), header, n, seed, columns);
  }

  @Test
  void writesTheContractKeysAndPlots() throws IOException {
    Path json = dir.resolve("nplm.json");
    CliRun r =
        CliRun.of(
            "nplm --data",
            csv("data.csv", "x", 40, 1, 1),
            "--reference",
            csv("ref.csv", "x", 800, 2, 1),
            "--expected 40 --optimizer lbfgs --toys 6 --threads 2 --seed 3 --json",
            json,
            "--plot",
            dir.resolve("p"));
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JsonMapper.builder().build().readTree(json.toFile());
    for (String key :
        List.of("t", "dof", "pValueChi2", "pValueEmpirical", "z", "zEmpirical", "nullT")) {
      assertTrue(node.has(key), "missing " + key + " in " + node);
    }
    assertEquals(6, node.get("nullT").size());
    assertEquals("lbfgs", node.get("optimizer").asString());
    assertEquals("float64", node.get("precision").asString());
    assertTrue(node.get("dofError").isNull(), "no χ² fit with 6 toys: " + node);
    assertTrue(Files.size(dir.resolve("p-null.png")) > 1000);
    assertTrue(Files.readString(dir.resolve("p-f.svg")).contains("<svg"));
  }

  @Test
  void reportsTheErrorOfTheFittedDofAndTheToysOptimizer() throws IOException {
    Path json = dir.resolve("nplm.json");
    CliRun r =
        CliRun.of(
            "nplm --data",
            csv("data.csv", "x", 20, 1, 1),
            "--reference",
            csv("ref.csv", "x", 200, 2, 1),
            "--expected 20 --optimizer lbfgs --toys 20 --threads 2 --seed 3 --json",
            json);
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JsonMapper.builder().build().readTree(json.toFile());
    assertEquals("lbfgs", node.get("optimizer").asString());
    // the Fisher error of the fitted k by hand: 2/√(n ψ′(k/2)), n the toys with t > 0
    double k = node.get("dof").asDouble();
    long n = 0;
    for (JsonNode t : node.get("nullT")) {
      n += t.asDouble() > 0 ? 1 : 0;
    }
    double expected = 2 / Math.sqrt(n * org.apache.commons.math3.special.Gamma.trigamma(k / 2));
    assertEquals(expected, node.get("dofError").asDouble(), 1e-12 * expected);
    assertTrue(r.out().contains("toys trained with lbfgs, as the data"), r.out());
  }

  @Test
  void aToysFolderIsWrittenAndARerunResumesFromIt() throws IOException {
    String data = csv("data.csv", "x", 30, 1, 1).toString();
    String ref = csv("ref.csv", "x", 300, 2, 1).toString();
    Path toys = dir.resolve("toys");
    String[] args = {
      "nplm",
      "--data",
      data,
      "--reference",
      ref,
      "--expected",
      "30",
      "--optimizer",
      "lbfgs",
      "--toys",
      "3",
      "--threads",
      "1",
      "--toys-dir",
      toys.toString(),
      "--json",
      "-"
    };
    CliRun first = CliRun.of(args);
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(Files.exists(toys.resolve("toy-2.t")));
    Files.delete(toys.resolve("toy-1.t")); // as if the run had stopped before toy 1 finished
    CliRun resumed = CliRun.of(args);
    assertEquals(0, resumed.exitCode(), resumed.err());
    JsonMapper m = JsonMapper.builder().build();
    assertEquals(m.readTree(first.out()).get("nullT"), m.readTree(resumed.out()).get("nullT"));
    assertTrue(Files.exists(toys.resolve("toy-1.t")));
  }

  /** Issue 17: the toys folder is keyed on the reference's content and N(0), not the seed only. */
  @Test
  void aToysFolderOfAnotherReferenceOrExpectedCountIsRefused() throws IOException {
    String data = csv("data.csv", "x", 30, 1, 1).toString();
    Path toys = dir.resolve("toys");
    String common = "--optimizer lbfgs --toys 2 --threads 1 --seed 5 --json - --toys-dir " + toys;
    Path ref = csv("ref.csv", "x", 300, 2, 1);
    assertEquals(
        0, CliRun.of("nplm --data", data, "--reference", ref, "--expected 30", common).exitCode());
    csv("ref.csv", "x", 300, 9, 1); // the same file name, other events
    CliRun.of("nplm --data", data, "--reference", ref, "--expected 30", common)
        .assertBadInput("--toys-dir", "holds toys of another run", "reference SHA-256", "new");
    csv("ref.csv", "x", 300, 2, 1); // the original again
    CliRun.of("nplm --data", data, "--reference", ref, "--expected 31", common)
        .assertBadInput("expected: 30.0 in the folder, 31.0 now");
    assertEquals(
        0, CliRun.of("nplm --data", data, "--reference", ref, "--expected 30", common).exitCode());
  }

  @Test
  void chooseClipReportsTheScanAndUsesTheChoice() throws IOException {
    String data = csv("data.csv", "x", 30, 1, 1).toString();
    String ref = csv("ref.csv", "x", 600, 2, 1).toString();
    CliRun r =
        CliRun.of(
            "nplm --data",
            data,
            "--reference",
            ref,
            "--expected 30 --network 1,1,1 --optimizer lbfgs --toys 20 --threads 2 --seed 4",
            "--choose-clip 0.5:4:2 --json -");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JsonMapper.builder().build().readTree(r.out());
    assertEquals(4, node.get("clipParameters").asInt(), "a 1-1-1 network has 4 parameters");
    JsonNode scan = node.get("clipScan");
    assertEquals(2, scan.size());
    assertEquals(0.5, scan.get(0).get("clip").asDouble(), 0.0);
    assertEquals(4.0, scan.get(1).get("clip").asDouble(), 0.0);
    double chosen = 0.5;
    for (JsonNode e : scan) {
      assertEquals(
          e.get("ksPValue").asDouble() >= 0.05, e.get("compatible").asBoolean(), e.toString());
      if (e.get("compatible").asBoolean()) {
        chosen = e.get("clip").asDouble();
      }
    }
    assertEquals(chosen, node.get("clip").asDouble(), 0.0, "the largest compatible clip");
    assertEquals(20, node.get("nullT").size());
    CliRun.of("nplm --data", data, "--reference", ref, "--expected 30 --choose-clip 1:4")
        .assertBadInput("--choose-clip", "lo:hi:n");
    CliRun.of("nplm --data", data, "--reference", ref, "--expected 30 --clip 2 --choose-clip 1:4:2")
        .assertBadInput("--clip", "--choose-clip");
  }

  @Test
  void kernelModelRunsAndItsOptionsAreChecked() throws IOException {
    String data = csv("data.csv", "x", 40, 1, 1).toString();
    String ref = csv("ref.csv", "x", 800, 2, 1).toString();
    CliRun r =
        CliRun.of(
            "nplm --data",
            data,
            "--reference",
            ref,
            "--expected 40 --model kernel --centers 30 --sigma 0.5 --lambda 1e-5 --toys 4",
            "--threads 2 --seed 3 --json -");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JsonMapper.builder().build().readTree(r.out());
    assertEquals(4, node.get("nullT").size());
    assertTrue(node.get("t").asDouble() >= 0, node.toString());
    CliRun.of("nplm --data", data, "--reference", ref, "--expected 40 --model kernel --clip 3")
        .assertBadInput("--model kernel", "--clip");
    CliRun.of("nplm --data", data, "--reference", ref, "--expected 40 --centers 30")
        .assertBadInput("--model kernel");
    CliRun.of("nplm --data", data, "--reference", ref, "--expected 40 --model kernel --lambda 0")
        .assertBadInput("--lambda");
    CliRun.of("nplm --data", data, "--reference", ref, "--expected 40 --model tree")
        .assertBadInput("--model tree", "network or kernel");
  }

  /** The same events in other units: x → 1000·x + 5 for every value below the header line. */
  private Path rescaled(Path csv, String name) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
    for (String line : lines.subList(1, lines.size())) {
      out.append(1000 * Double.parseDouble(line.trim()) + 5).append('\n');
    }
    return Files.writeString(dir.resolve(name), out.toString());
  }

  @Test
  void standardisedInputsMakeTheUnitsIrrelevant() throws IOException {
    Path data = csv("data.csv", "x", 40, 1, 1);
    Path ref = csv("ref.csv", "x", 800, 2, 1);
    String opts = "--expected 40 --epochs 60 --toys 2 --threads 1 --seed 3 --json -";
    JsonMapper m = JsonMapper.builder().build();
    CliRun a = CliRun.of("nplm --data", data, "--reference", ref, opts);
    CliRun b =
        CliRun.of(
            "nplm --data", rescaled(data, "d2.csv"), "--reference", rescaled(ref, "r2.csv"), opts);
    CliRun raw =
        CliRun.of(
            "nplm --data",
            rescaled(data, "d3.csv"),
            "--reference",
            rescaled(ref, "r3.csv"),
            opts,
            "--no-standardize");
    assertEquals(0, a.exitCode() + b.exitCode() + raw.exitCode(), a.err() + b.err() + raw.err());
    double ta = m.readTree(a.out()).get("t").asDouble();
    double tb = m.readTree(b.out()).get("t").asDouble();
    // 60 smooth Adam steps from the same start on inputs equal to rounding: equal t to ~1e−12.
    assertEquals(ta, tb, 1e-8 * Math.max(1, ta));
    // on raw x in units of 1/1000 the same W = 9 box is another function class.
    assertTrue(Math.abs(m.readTree(raw.out()).get("t").asDouble() - ta) > 1e-6, raw.out());
  }

  @Test
  void adamInSinglePrecisionIsRecordedAndThreadIndependent() throws IOException {
    Path data = csv("data.csv", "x", 30, 1, 1);
    Path ref = csv("ref.csv", "x", 600, 2, 1);
    CliRun r =
        CliRun.of(
            "nplm --data",
            data,
            "--reference",
            ref,
            "--expected 30 --precision float32 --epochs 300 --toys 2 --threads 1 --seed 3 --json -");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JsonMapper.builder().build().readTree(r.out());
    assertEquals("adam", node.get("optimizer").asString());
    assertEquals("float32", node.get("precision").asString());
    CliRun twice =
        CliRun.of(
            "nplm --data",
            data,
            "--reference",
            ref,
            "--expected 30 --precision float32 --epochs 300 --toys 2 --threads 2 --seed 3 --json -");
    // same seed, any thread count: the same bits
    assertEquals(
        node.get("t").asDouble(),
        JsonMapper.builder().build().readTree(twice.out()).get("t").asDouble(),
        0.0);
  }

  @Test
  void symmetrizedRuns() throws IOException {
    Path a = csv("a.csv", "x", 60, 4, 1);
    Path b = csv("b.csv", "x", 60, 5, 1);
    CliRun r =
        CliRun.of("nplm --symmetrized --a", a, "--b", b, "--optimizer lbfgs --toys 4 --json -");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(4, JsonMapper.builder().build().readTree(r.out()).get("nullT").size());
  }

  @Test
  void badInputsExitTwoWithOneLine() throws IOException {
    String ref = csv("ref.csv", "x", 300, 2, 1).toString();
    String d = csv("d.csv", "x", 10, 1, 1).toString();
    String[][] cases = {
      {"--data", csv("d2.csv", "x,y", 10, 1, 2).toString(), "--reference", ref, "--expected", "10"},
      {"--data", csv("empty.csv", "x", 0, 1, 1).toString(), "--reference", ref, "--expected", "10"},
      {"--data", d, "--reference", ref, "--expected", "10", "--clip", "0"},
      {"--data", d, "--reference", ref, "--expected", "10", "--optimizer", "sgd"},
      {"--data", d, "--reference", ref, "--expected", "10", "--precision", "float16"},
      {
        "--data",
        d,
        "--reference",
        ref,
        "--expected",
        "10",
        "--precision",
        "float32",
        "--optimizer",
        "lbfgs"
      },
      {"--data", d, "--reference", ref},
      {"--symmetrized", "--a", csv("w.csv", "x,weights", 10, 1, 2).toString(), "--b", ref},
    };
    for (String[] args : cases) {
      String[] full = new String[args.length + 1];
      full[0] = "nplm";
      System.arraycopy(args, 0, full, 1, args.length);
      CliRun r = CliRun.of(full);
      assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.oneErrorLine(), r.err());
    }
    Path nan = dir.resolve("nan.csv");
    Files.writeString(nan, "x\n1.0\n2.0\nNaN\n");
    CliRun r = CliRun.of("nplm", "--data", nan.toString(), "--reference", ref, "--expected", "10");
    assertEquals(2, r.exitCode(), r.err());
    // the reader names the file line (header = line 1, so the NaN event is on line 4).
    assertTrue(r.err().contains("line 4") && r.oneErrorLine(), "names the row: " + r.err());
  }
}
