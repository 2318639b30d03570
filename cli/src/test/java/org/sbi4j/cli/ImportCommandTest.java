package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sbi4j.common.LheText.END;
import static org.sbi4j.common.LheText.SETUP;
import static org.sbi4j.common.LheText.event;
import static org.sbi4j.common.LheText.fs;
import static org.sbi4j.common.LheText.header;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;

/**
 * {@code sbi4j import lhe|csv} through the command line: the example configs end to end, numbers by
 * hand, and every bad-input row of the LHE and CSV importers (docs/bad-inputs.md) as exit code 2
 * with one line and no file changed.
 */
class ImportCommandTest {
  @TempDir static Path dir;

  static final String CONFIG =
      """
      setup: setup.yaml
      samples: [{file: FILE, sampledFrom: sm}]
      weights: {sm: nominal, plus: rwgt_plus, minus: rwgt_minus}
      cuts: ["l[0].pt > 25"]
      observables:
        - {name: pt_l0, expression: "l[0].pt"}
        - {name: m_ll, expression: "m(l[0], l[1])"}
      """;

  static final String LEPTONS = fs(11, 30, 40, 0, 50) + fs(-13, 0, -20, 0, 20);

  static String good() {
    return header("rwgt_plus", "rwgt_minus")
        + event(4, LEPTONS, "rwgt_plus", 6, "rwgt_minus", 2)
        // leading lepton pT 20: cut
        + event(4, fs(11, 12, 16, 0, 20) + fs(13, 9, 12, 0, 15), "rwgt_plus", 6, "rwgt_minus", 2)
        + END;
  }

  @BeforeAll
  static void inputs() throws IOException {
    Files.writeString(dir.resolve("setup.yaml"), SETUP);
    Files.writeString(dir.resolve("good.lhe"), good());
    Files.writeString(dir.resolve("import.yaml"), CONFIG.replace("FILE", "good.lhe"));
  }

  static Path lhe(String name, String text) {
    try {
      Files.writeString(dir.resolve(name + ".lhe"), text);
      return Files.writeString(dir.resolve(name + ".yaml"), CONFIG.replace("FILE", name + ".lhe"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path lheBytes(String name, byte[] bytes) {
    try {
      Files.write(dir.resolve(name + ".lhe"), bytes);
      return Files.writeString(dir.resolve(name + ".yaml"), CONFIG.replace("FILE", name + ".lhe"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path config(String name, String yaml) {
    try {
      return Files.writeString(dir.resolve(name + ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path csv(String name, String text, String mappingExtra) {
    try {
      Files.writeString(dir.resolve(name + ".csv"), text);
      return Files.writeString(
          dir.resolve(name + ".yaml"),
          "setup: setup.yaml\nfile: "
              + name
              + ".csv\nobservables: {x: x}\nweights: {sm: w0, plus: w1, minus: w2}\n"
              + mappingExtra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void importLheWritesTheEventsAndReportsCountsAndCrossSections() throws Exception {
    Path out = dir.resolve("ok").resolve("events.h5");
    CliRun r =
        CliRun.of(
            "import lhe --setup",
            dir.resolve("setup.yaml"),
            "--config",
            dir.resolve("import.yaml"),
            "--out",
            out,
            "--json -");
    assertEquals(0, r.exitCode(), r.err());
    String j = r.out().replaceAll("\\s", "");
    assertTrue(j.contains("\"eventsRead\":2"), j);
    assertTrue(j.contains("\"eventsPassed\":1"), j);
    assertTrue(j.contains("\"failedCuts\":1"), j);
    assertTrue(
        j.contains("\"eventsPerBenchmark\":{\"sm\":1,\"plus\":0,\"minus\":0,\"background\":0}"), j);
    // σ = Σ of the kept weights / 2 events read: 4/2, 6/2, 2/2
    assertTrue(j.contains("\"crossSections\":[2.0,3.0,1.0]"), j);
    EventSample e = MadMinerFiles.readEvents(out);
    // e (30, 40, 0, 50) and μ (0, −20, 0, 20): pT 50, m² = 70² − 30² − 20² = 3600
    assertArrayEquals(new double[] {50, 60}, e.x(), 1e-12);
    assertArrayEquals(new double[] {2, 3, 1}, e.weights(), 1e-15);
    assertArrayEquals(new int[] {0}, e.sampledFrom().orElseThrow());
    // the provenance records the LHE file itself beside the config and the setup (issue 16)
    List<String> inputs =
        org.sbi4j.samples.io.H5Info.of(out).provenance().inputs().stream()
            .map(in -> in.path() + " " + in.sha256())
            .toList();
    Path lhe = dir.resolve("good.lhe").toAbsolutePath().normalize();
    assertTrue(inputs.contains(lhe + " " + org.sbi4j.common.Sha256.file(lhe)), inputs.toString());

    // --setup alone gives the setup of a config without one
    Path noSetup =
        config(
            "setup-option", CONFIG.replace("FILE", "good.lhe").replace("setup: setup.yaml\n", ""));
    CliRun given =
        CliRun.of(
            "import lhe --setup", dir.resolve("setup.yaml"), "--config", noSetup, "--out", out);
    assertEquals(0, given.exitCode(), given.err());
    CliRun human = CliRun.of("import lhe --config", dir.resolve("import.yaml"), "--out", out);
    assertEquals(0, human.exitCode(), human.err());
    assertTrue(human.out().contains("1 of 2 events written"), human.out());
  }

  @Test
  void theExampleConfigRunsOnGzippedFilesWithNuisances() throws Exception {
    Path d = Files.createDirectories(dir.resolve("example"));
    for (String f : List.of("setup.yaml", "lhe-import.yaml")) {
      Files.copy(Path.of("..", "configs", f), d.resolve(f));
    }
    List<String> ids =
        List.of("rwgt_sm", "rwgt_w", "rwgt_neg_w", "rwgt_ww", "rwgt_neg_ww", "rwgt_mixed");
    for (String b : List.of("sm", "w")) {
      StringBuilder s = new StringBuilder(header(ids.toArray(new String[0])));
      s.insert(s.indexOf("</weightgroup>"), "<weight id=\"mu_up\"/><weight id=\"mu_down\"/>\n");
      for (int i = 0; i < 20; i++) {
        Object[] w = new Object[2 * ids.size() + 4];
        for (int k = 0; k < ids.size(); k++) {
          w[2 * k] = ids.get(k);
          w[2 * k + 1] = 1 + 0.1 * k;
        }
        w[2 * ids.size()] = "mu_up";
        w[2 * ids.size() + 1] = 1.1;
        w[2 * ids.size() + 2] = "mu_down";
        w[2 * ids.size() + 3] = 0.9;
        s.append(
            event(
                1,
                fs(11, 30 + i, 40, 10, Math.sqrt(Math.pow(30 + i, 2) + 1700))
                    + fs(-11, -20, 0, 5, Math.sqrt(425))
                    + fs(21, 0, -50, 0, 50),
                w));
      }
      s.append(END);
      try (OutputStream out =
          new GZIPOutputStream(Files.newOutputStream(d.resolve("run_" + b + ".lhe.gz")))) {
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    Path events = d.resolve("events.h5");
    CliRun r =
        CliRun.of(
            "import lhe --config",
            d.resolve("lhe-import.yaml"),
            "--out",
            events,
            "--seed 3 --json -");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().replaceAll("\\s", "").contains("\"eventsRead\":40"), r.out());
    EventSample e = MadMinerFiles.readEvents(events, NuisanceMorphing.Policy.ERROR);
    assertEquals(List.of("scale"), e.nuisances().names());
    assertEquals(List.of("scale_plus", "scale_minus"), e.nuisances().benchmarks());
    int[] from = e.sampledFrom().orElseThrow();
    assertEquals(0, from[0]);
    assertEquals(1, from[from.length - 1]);
    // every nuisance weight is 1.1 (0.9) × the sm weight: mu_up / XWGTUP = 1.1
    for (int i = 0; i < e.size(); i++) {
      assertEquals(1.1 * e.weight(i, 0), e.nuisanceWeight(i, 0), 1e-15);
      assertEquals(0.9 * e.weight(i, 0), e.nuisanceWeight(i, 1), 1e-15);
    }
    // the same seed gives the same smeared file
    Path again = d.resolve("again.h5");
    assertEquals(
        0,
        CliRun.of("import lhe --config", d.resolve("lhe-import.yaml"), "--out", again, "--seed 3")
            .exitCode());
    assertArrayEquals(e.x(), MadMinerFiles.readEvents(again).x(), 0);
  }

  @Test
  void importCsvWritesTheTable() throws Exception {
    Path mapping =
        csv("table", "x,w0,w1,w2,b\n1.5,0.1,0.2,0.3,0\n2.5,0.4,0.5,0.6,-1\n", "sampledFrom: b\n");
    Path out = dir.resolve("table.h5");
    CliRun r = CliRun.of("import csv --config", mapping, "--out", out, "--json -");
    assertEquals(0, r.exitCode(), r.err());
    String j = r.out().replaceAll("\\s", "");
    assertTrue(
        j.contains("\"eventsPerBenchmark\":{\"sm\":1,\"plus\":0,\"minus\":0,\"background\":1}"), j);
    EventSample e = MadMinerFiles.readEvents(out);
    assertArrayEquals(new double[] {1.5, 2.5}, e.x(), 0);
    assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, e.weights(), 0);
    assertArrayEquals(new int[] {0, -1}, e.sampledFrom().orElseThrow());
    Path table = dir.resolve("table.csv").toAbsolutePath().normalize();
    assertTrue(
        org.sbi4j.samples.io.H5Info.of(out).provenance().inputs().stream()
            .anyMatch(in -> in.path().equals(table.toString())),
        "the CSV file is an input");
  }

  static Arguments row(String name, Path config, String... fragments) {
    return row(name, "lhe", config, fragments);
  }

  static Arguments row(String name, String kind, Path config, String... fragments) {
    return Arguments.of(name, kind, config, fragments);
  }

  static Stream<Arguments> rows() {
    String w = "<wgt id='rwgt_plus'> 6 </wgt>";
    String ok = event(4, LEPTONS, "rwgt_plus", 6, "rwgt_minus", 2);
    Path secret = dir.resolve("secret.txt");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE LesHouchesEvents [\n  <!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">\n]>\n";
    byte[] gz = new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3};
    byte[] latin1 = (header("rwgt_plus", "rwgt_minus") + ok + END).getBytes(StandardCharsets.UTF_8);
    byte[] bad = latin1.clone();
    bad[bad.length - 30] = (byte) 0xe9;
    String noSamples = CONFIG.replace("samples: [{file: FILE, sampledFrom: sm}]\n", "");
    return Stream.of(
        row("missing config", dir.resolve("nope.yaml"), "does not exist"),
        row("missing LHE file", lhe("missing", good()).resolveSibling("x.yaml"), "does not exist"),
        row(
            "LHE file absent",
            config("absent", CONFIG.replace("FILE", "absent.lhe")),
            "absent.lhe",
            "does not exist"),
        row(
            "XXE",
            lhe("xxe", xxe + good().replace(w, "<wgt id='rwgt_plus'> &xxe; </wgt>")),
            "DOCTYPE"),
        row(
            "undeclared entity",
            lhe("entity", good().replace(w, "<wgt id='rwgt_plus'> &lol; </wgt>")),
            "event 1"),
        row(
            "unclosed rwgt",
            lhe(
                "unclosed",
                header("rwgt_plus", "rwgt_minus") + ok + ok.replace("</rwgt>", "") + END),
            "malformed XML",
            "event 2"),
        row(
            "event without a weight",
            lhe("noweight", header("rwgt_plus", "rwgt_minus") + ok + ok.replace(w, "") + END),
            "event 2 has no <wgt id='rwgt_plus'>"),
        row(
            "undeclared weight id",
            lhe("undeclared", header("rwgt_plus", "rwgt_other") + ok + END),
            "weight id 'rwgt_minus' is not declared"),
        row(
            "NaN weight",
            lhe("nan", good().replace(w, "<wgt id='rwgt_plus'> nan </wgt>")),
            "is not a finite number"),
        row("invalid UTF-8", lheBytes("utf8", bad), "nvalid"),
        row("corrupt gzip", lheBytes("gz", gz), "gzip"),
        row("no events", lhe("empty", header("rwgt_plus", "rwgt_minus") + END), "has no <event>"),
        row("no samples", config("nosamples", noSamples), "lists no LHE files"),
        row(
            "no setup and no --setup",
            config(
                "nosetup", CONFIG.replace("FILE", "good.lhe").replace("setup: setup.yaml\n", "")),
            "has no 'setup' key and the command gave no setup file"),
        row(
            "unknown variable",
            config(
                "var", CONFIG.replace("FILE", "good.lhe").replace("l[0].pt > 25", "x[0].pt > 1")),
            "unknown variable 'x'"),
        row(
            "syntax error",
            config("syntax", CONFIG.replace("FILE", "good.lhe").replace("m(l[0], l[1])", "m(l[0]")),
            "observable 'm_ll': cannot parse"),
        row(
            "unknown function",
            config("fn", CONFIG.replace("FILE", "good.lhe").replace("m(l[0], l[1])", "mass(l[0])")),
            "observable 'm_ll': cannot evaluate"),
        row(
            "every event cut",
            config("allcut", CONFIG.replace("FILE", "good.lhe").replace("> 25", "> 2500")),
            "no event is left"),
        row(
            "unknown sampling benchmark",
            config(
                "bench",
                CONFIG.replace("FILE", "good.lhe").replace("sampledFrom: sm", "sampledFrom: bsm")),
            "sampledFrom 'bsm' is not a benchmark"),
        row(
            "smearing energy and pt",
            config(
                "smear",
                CONFIG.replace("FILE", "good.lhe")
                    + "smearing: [{particles: [11], energy: {relative: 0.1}, pt: {relative: 0.1}}]\n"),
            "exactly one of 'energy' and 'pt'"),
        row(
            "negative efficiency",
            config("eff", CONFIG.replace("FILE", "good.lhe") + "efficiencies: [\"-0.5\"]\n"),
            "an efficiency must be ≥ 0"),
        row(
            "unknown config key",
            config("key", CONFIG.replace("FILE", "good.lhe") + "cutz: []\n"),
            "cutz"),
        row(
            "CSV non-number",
            "csv",
            csv("c1", "x,w0,w1,w2\n1,2,x,4\n", ""),
            "line 2 field 3 ('x') is not a number"),
        row("CSV NaN", "csv", csv("c2", "x,w0,w1,w2\n1,2,nan,4\n", ""), "line 2 field 3 is NaN"),
        row("CSV field count", "csv", csv("c3", "x,w0,w1,w2\n1,2,3\n", ""), "line 2 has 3 fields"),
        row("CSV missing column", "csv", csv("c4", "x,w0,w1\n1,2,3\n", ""), "has no column 'w2'"),
        row(
            "CSV unknown benchmark",
            "csv",
            csv("c5", "x,w0,w1,w2\n1,2,3,4\n", "").resolveSibling("c5b.yaml"),
            "does not exist"),
        row(
            "CSV mapping without a file",
            "csv",
            config(
                "c6",
                "setup: setup.yaml\nobservables: {x: x}\nweights: {sm: w0, plus: w1, minus: w2}\n"),
            "has no 'file'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badInputGivesExitTwoOneLineAndChangesNothing(
      String name, String kind, Path config, String[] fragments) throws IOException {
    Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    Map<String, String> before = ErrorContractTest.checksums(dir);
    CliRun r = CliRun.of("import", kind, "--config", config, "--out", dir.resolve("bad-out.h5"));
    r.assertBadInput(fragments);
    for (String leak : ErrorContractTest.LEAKS) {
      assertFalse(r.err().contains(leak), "leaks '" + leak + "': " + r.err());
    }
    assertFalse(r.err().contains("TOP-SECRET"), r.err());
    assertEquals(before, ErrorContractTest.checksums(dir), "files changed by: " + r.err());
  }
}
