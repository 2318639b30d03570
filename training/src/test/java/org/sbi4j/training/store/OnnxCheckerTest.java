package org.sbi4j.training.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.Precision;

/** Exported files pass the reference ONNX checker (Debian's python3-onnx, as .ci/run installs). */
class OnnxCheckerTest {
  @TempDir Path dir;

  private static final String CHECK =
      "import onnx, sys\n"
          + "m = onnx.load(sys.argv[1])\n"
          + "onnx.checker.check_model(m, full_check=True)\n"
          + "print(m.ir_version, m.opset_import[0].version,"
          + " [i.name for i in m.graph.input], [o.name for o in m.graph.output])\n";

  private static String check(Path file) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-c", CHECK, file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), "onnx checker failed:\n" + out);
    return out;
  }

  @Test
  void ratioAndScoreModelsPassTheChecker() throws Exception {
    TrainingConfig c =
        TrainingConfig.builder().hiddenLayers(List.of(6, 6)).epochs(1).ensembleSize(2).build();
    Path ratio = dir.resolve("ratio.onnx");
    OnnxExport.write(
        new Trainer(c).train(GaussianToy.ratioSample2(300, 1), Method.ALICES, 1).model(), ratio);
    assertEquals("8 17 ['theta', 'x'] ['log_r_hat', 't_hat']", check(ratio));
    Path score = dir.resolve("score.onnx");
    OnnxExport.write(
        new Trainer(c.toBuilder().precision(Precision.FLOAT64).build())
            .train(GaussianToy.scoreSample(300, 2), Method.SALLY, 2)
            .model(),
        score);
    assertEquals("8 17 ['x'] ['t_hat']", check(score));
  }
}
