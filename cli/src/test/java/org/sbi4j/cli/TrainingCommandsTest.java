package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.testing.CliArgs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** train, evaluate and export: exit 0 on good input, 2 with one line on bad input. */
class TrainingCommandsTest {
  @TempDir Path dir;

  private static Object[] run(Object... parts) {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = Main.execute(CliArgs.words(parts));
      return new Object[] {code, CliRun.stderr(err), out.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }

  /** A user's own training sample: x ~ N(θ0, 1) or N(0, 1), no morphing setup. */
  private Path sample(boolean withScore) {
    EventSample s = TestEvents.userSample(600, 1, withScore);
    Path f = dir.resolve(withScore ? "full.h5" : "noscore.h5");
    TrainingFiles.write(f, s);
    return f;
  }

  @Test
  void trainEvaluateExportWithJsonOnStdout() throws Exception {
    Path data = sample(true);
    Path config = dir.resolve("small.yaml");
    Files.writeString(config, "hiddenLayers: [8]\nepochs: 2\n");
    Path model = dir.resolve("model");
    Object[] r =
        run("train --method alices --data", data, "--config", config, "--out", model, "--json -");
    assertEquals(0, r[0], (String) r[1]);
    JsonNode json = JsonMapper.builder().build().readTree((String) r[2]);
    assertEquals(2, json.get("losses").size());
    assertTrue(Files.exists(model.resolve("model.onnx")));

    Path out = dir.resolve("eval.h5");
    assertEquals(0, run("evaluate --model", model, "--events", data, "--theta 0.5 --out", out)[0]);
    assertTrue(Files.size(out) > 0);
    Path onnx = dir.resolve("m.onnx");
    assertEquals(0, run("export", "--model", model.toString(), "--out", onnx.toString())[0]);
    assertTrue(Files.size(onnx) > 0);
  }

  @Test
  void timingsAddUpToTheTotal() throws Exception {
    Path data = sample(true);
    Path config = dir.resolve("small.yaml");
    Files.writeString(config, "hiddenLayers: [8]\nepochs: 2\n");
    for (String method : new String[] {"alices", "sally"}) {
      Path d = method.equals("sally") ? sallySample() : data;
      Object[] r =
          run(
              "train --method",
              method,
              "--data",
              d,
              "--config",
              config,
              "--out",
              dir.resolve("m-" + method),
              "--timings --json -");
      assertEquals(0, r[0], (String) r[1]);
      assertTrue(((String) r[1]).contains("timings: startup "), (String) r[1]);
      JsonNode t = JsonMapper.builder().build().readTree((String) r[2]).get("timings");
      java.util.List<String> keys = new java.util.ArrayList<>();
      t.propertyNames().forEach(keys::add);
      assertEquals(
          java.util.List.of("startup", "load", "epochs", "validation", "export", "total"), keys);
      double sum = 0;
      for (String k : keys.subList(0, 5)) {
        assertTrue(t.get(k).asDouble() >= 0, method + " " + k + " " + t);
        sum += t.get(k).asDouble();
      }
      // The phases are consecutive intervals of one clock: they add up to the total up to
      // double rounding (and the microseconds between two clock readings).
      assertEquals(t.get("total").asDouble(), sum, 1e-3, t.toString());
      assertTrue(t.get("epochs").asDouble() > 0, t.toString());
    }
    Object[] plain =
        run("train --method alices --data", data, "--config", config, "--out", dir.resolve("p"));
    assertEquals(0, plain[0], (String) plain[1]);
    assertTrue(!((String) plain[1]).contains("timings"), (String) plain[1]);
    Object[] json =
        run(
            "train --method alices --data",
            data,
            "--config",
            config,
            "--out",
            dir.resolve("q"),
            "--json -");
    assertTrue(
        JsonMapper.builder().build().readTree((String) json[2]).get("timings") == null,
        "timings only with --timings");
  }

  /** A SALLY sample: x ~ N(0, 1), t = x at θ_ref = 0. */
  private Path sallySample() {
    Path f = dir.resolve("sally.h5");
    TrainingFiles.write(f, org.sbi4j.testing.GaussianToy.scoreSample(600, 2));
    return f;
  }

  @Test
  void badInputsExitTwoWithOneLine() {
    Path data = sample(false);
    Object[] r = run("train --method alices --data", data, "--out", dir.resolve("m"));
    assertEquals(2, r[0]);
    String err = ((String) r[1]).trim();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains("'t_xz0'"), err);
    r = run("train --method magic --data", data, "--out", dir.resolve("m"));
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).contains("unknown method 'magic'"), (String) r[1]);
    r =
        run(
            "evaluate --model",
            dir.resolve("nope"),
            "--events",
            data,
            "--out",
            dir.resolve("e.h5"));
    assertEquals(2, r[0]);
    assertTrue(((String) r[1]).contains("does not exist"), (String) r[1]);
  }
}
