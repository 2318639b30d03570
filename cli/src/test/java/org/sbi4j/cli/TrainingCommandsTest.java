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
