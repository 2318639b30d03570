package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.training.store.ModelFolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code augment --theta1-prior} → {@code train} → {@code limits --theta1} with a doubly
 * parameterised model (docs/cli.md): the sample's θ1 varies, the folder records it, and limits warn
 * (stderr and JSON) for a reference outside the trained θ1 range and refuse bad references.
 */
class DoublyParameterizedCommandsTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(20_000, 7);
  static Path model;

  @BeforeAll
  static void trainModel() throws Exception {
    Path sample = dir.resolve("dbl.h5");
    CliRun a =
        CliRun.of(
            "augment --events",
            events,
            "--method ratio --theta0-prior uniform:-1:1 --theta1-prior uniform:-0.5:0.5"
                + " --thetas 20 --samples 2000 --seed 3 --out",
            sample);
    assertEquals(0, a.exitCode(), a.err());
    Path config = dir.resolve("small.yaml");
    Files.writeString(config, "hiddenLayers: [8]\nepochs: 2\n");
    model = dir.resolve("model");
    CliRun t =
        CliRun.of("train --method alices --data", sample, "--config", config, "--out", model);
    assertEquals(0, t.exitCode(), t.err());
  }

  @Test
  void theSampleHasAVaryingTheta1AndTheFolderRecordsIt() {
    EventSample s = TrainingFiles.read(dir.resolve("dbl.h5"));
    double[] t1 = s.column(Column.THETA1);
    double lo = java.util.Arrays.stream(t1).min().orElseThrow();
    double hi = java.util.Arrays.stream(t1).max().orElseThrow();
    assertTrue(lo >= -0.5 && hi <= 0.5 && hi - lo > 0.5, lo + " " + hi);
    var m = ModelFolder.load(model).model();
    assertTrue(m.doublyParameterized());
    // the default recipe: the difference form (math.md §3.8)
    assertTrue(m.differenceForm());
    assertEquals(lo, m.theta1Range()[0][0]);
    assertEquals(hi, m.theta1Range()[0][1]);
  }

  @Test
  void evaluateReadsEachRowsTheta0AndTheta1() {
    Path sampleFile = dir.resolve("dbl.h5");
    Path out = dir.resolve("eval.h5");
    CliRun e = CliRun.of("evaluate --model", model, "--events", sampleFile, "--out", out);
    assertEquals(0, e.exitCode(), e.err());
    EventSample s = TrainingFiles.read(sampleFile);
    double[] t0 = s.column(Column.THETA0);
    double[] t1 = s.column(Column.THETA1);
    double[] rows = new double[2 * s.size()];
    for (int i = 0; i < s.size(); i++) {
      rows[2 * i] = t0[i];
      rows[2 * i + 1] = t1[i];
    }
    double[] expected = ModelFolder.load(model).ratioModel().predict(rows, s.x()).logRatio();
    // the same evaluator on the same rows: identical
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        expected, TestModels.dataset(out, "log_r_hat"));
  }

  @Test
  void limitsUseAReferenceInsideTheRangeAndWarnOutsideIt() throws Exception {
    Path inside = dir.resolve("inside.json");
    CliRun ok =
        CliRun.of(
            "limits --model",
            model,
            "--theta1 0.1 --events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:11 --json",
            inside,
            "--plot",
            dir.resolve("p1"));
    assertEquals(0, ok.exitCode(), ok.err());
    JsonNode r = JsonMapper.builder().build().readTree(inside.toFile());
    assertFalse(r.toString().contains("reference theta1"), r.toString());
    Path outside = dir.resolve("outside.json");
    CliRun far =
        CliRun.of(
            "limits --model",
            model,
            "--theta1 0.9 --events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:11 --json",
            outside,
            "--plot",
            dir.resolve("p2"));
    assertEquals(0, far.exitCode(), far.err());
    assertTrue(far.err().contains("reference theta1"), far.err());
    JsonNode w = JsonMapper.builder().build().readTree(outside.toFile());
    assertTrue(w.toString().contains("reference theta1 of 'theta' = 0.9"), w.toString());
    // the default reference (centre of the θ1 range) is inside it: no warning
    CliRun dflt =
        CliRun.of(
            "limits --model",
            model,
            "--events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:11 --plot",
            dir.resolve("p3"));
    assertEquals(0, dflt.exitCode(), dflt.err());
    assertFalse(dflt.err().contains("reference theta1"), dflt.err());
  }

  @Test
  void badReferencesAndPriorsExitTwoWithOneLine() {
    CliRun.of(
            "limits --model",
            model,
            "--theta1 0.1,0.2 --events",
            events,
            "--theta-true 0 --luminosity 10 --grid -1:1:5 --plot",
            dir.resolve("p4"))
        .assertBadInput("--theta1", "one value per parameter");
    CliRun.of(
            "augment --events",
            events,
            "--method ratio --theta0-prior uniform:-1:1 --theta1 0 --theta1-prior uniform:-1:1"
                + " --samples 10 --out",
            dir.resolve("x.h5"))
        .assertBadInput("--theta1-prior", "not both");
    CliRun.of(
            "augment --events",
            events,
            "--method ratio --theta0-prior uniform:-1:1 --theta1-prior wobble:1"
                + " --samples 10 --out",
            dir.resolve("x.h5"))
        .assertBadInput("--theta1-prior", "wobble:1");
  }
}
