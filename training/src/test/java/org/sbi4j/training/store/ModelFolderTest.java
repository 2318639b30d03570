package org.sbi4j.training.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sbi4j.testing.AllClose.assertAllCloseRelative;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.testing.ModelFixture;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.ScoreModel;

class ModelFolderTest {
  @TempDir Path tmp;

  private static TrainingConfig small() {
    return TrainingConfig.builder().hiddenLayers(List.of(12, 12)).epochs(2).build();
  }

  @Test
  void saveThenLoadReproducesPredictionsAndRecordsProvenance() throws Exception {
    EventSample s = GaussianToy.ratioSample2(800, 1);
    TrainingOutcome out =
        new Trainer(small().toBuilder().ensembleSize(2).build()).train(s, Method.ALICES, 5);
    Path dir = tmp.resolve("model");
    Path file = tmp.resolve("train.bin");
    Files.write(file, new byte[] {1, 2, 3});
    ModelFolder.save(dir, out, file);
    ModelFolder.Loaded loaded = ModelFolder.load(dir);
    EventSample test = GaussianToy.ratioSample2(50, 2);
    Prediction a = out.ratioModel().predict(test.column(Column.THETA0), test.x());
    Prediction b = loaded.ratioModel().predict(test.column(Column.THETA0), test.x());
    assertArrayEquals(a.logRatio(), b.logRatio());
    assertArrayEquals(a.score(), b.score());
    assertArrayEquals(a.logRatioStd(), b.logRatioStd());
    assertEquals(1.0, loaded.config().alpha());
    assertEquals(out.history(), loaded.history());
    // SHA-256 of the bytes {1, 2, 3}.
    assertEquals(
        "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81",
        loaded.provenance().inputs().get(0).sha256());
    assertEquals(file.toString(), loaded.provenance().inputs().get(0).path());
    for (int i = 0; i < out.memberSeeds().size(); i++) {
      assertEquals(out.memberSeeds().get(i), loaded.provenance().seeds().get("member" + (i + 1)));
    }
    assertEquals(out.seed(), loaded.provenance().seeds().get("seed"));
    assertEquals(org.sbi4j.common.BuildInfo.current().commit(), loaded.provenance().commit());
    assertTrue(Files.size(dir.resolve("model.onnx")) > 1000);
  }

  @Test
  void onnxMatchesSbi4jOnAThousandRows() throws OrtException {
    EventSample s = GaussianToy.ratioSample2(800, 3);
    for (Precision precision : Precision.values()) {
      ModelData m =
          new Trainer(small().toBuilder().precision(precision).ensembleSize(2).build())
              .train(s, Method.RASCAL, 6)
              .model();
      EventSample test = GaussianToy.ratioSample2(1000, 4);
      double[] theta = test.column(Column.THETA0);
      double[] x = test.x();
      Prediction sbi = new RatioModel(m).predict(theta, x);
      Map<String, double[]> onnx = runOnnx(m, Map.of("theta", theta, "x", x), 2, 1000);
      // float32: both sides round to 2^-24 relative per op over ~10 ops on O(1) values, ≲ 1e-6;
      // the task's bound 1e-5 holds with margin. float64 agrees to ~1e-15.
      double tol = precision == Precision.FLOAT32 ? 1e-5 : 1e-12;
      assertAllCloseRelative(sbi.logRatio(), onnx.get("log_r_hat"), tol, "log r̂");
      assertAllCloseRelative(sbi.score(), onnx.get("t_hat"), tol, "t̂");
    }
  }

  @Test
  void sallyOnnxMatches() throws OrtException {
    EventSample s = GaussianToy.scoreSample(600, 5);
    ModelData m = new Trainer(small()).train(s, Method.SALLY, 7).model();
    double[] x = GaussianToy.scoreSample(1000, 8).x();
    Prediction sbi = new ScoreModel(m).predict(x);
    Map<String, double[]> onnx = runOnnx(m, Map.of("x", x), 1, 1000);
    // float32 rounding as above.
    assertAllCloseRelative(sbi.score(), onnx.get("t_hat"), 1e-5, "t̂");
  }

  @Test
  void theFixtureFolderStillLoads() throws Exception {
    Path dir = ModelFixture.copyTo(tmp);
    ModelFolder.Loaded loaded = ModelFolder.load(dir);
    assertEquals(Method.ALICES, loaded.model().method());
    RatioModel m = loaded.ratioModel();
    double[][] lr =
        m.logRatio(
            EventSample.ofFeatures(List.of("x"), new double[] {0.5}), new double[][] {{0.5}});
    // The fixture was trained briefly on the Gaussian toy (log r = xθ − θ²/2 = 0.125 here);
    // a loaded model must at least be in the right region.
    assertEquals(0.125, lr[0][0], 0.25);
    Files.copy(dir.resolve("model.json"), tmp.resolve("model.json"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelFolder.load(tmp));
    assertTrue(e.getMessage().contains("weights.json"), e.getMessage());
  }

  @Test
  void aTamperedFolderIsRejected() throws Exception {
    TrainingOutcome out =
        new Trainer(small()).train(GaussianToy.ratioSample(300, 9), Method.CARL, 1);
    Path dir = tmp.resolve("m");
    ModelFolder.save(dir, out, null);
    String json = Files.readString(dir.resolve("model.json"));
    Files.writeString(
        dir.resolve("model.json"), json.replace("\"members\" : 1", "\"members\" : 3"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelFolder.load(dir));
    assertTrue(e.getMessage().contains("model.json was changed after saving"), e.getMessage());
  }

  static Map<String, double[]> runOnnx(ModelData m, Map<String, double[]> inputs, int p, int n)
      throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(OnnxExport.toProto(m).toByteArray())) {
      Map<String, OnnxTensor> feed = new java.util.HashMap<>();
      for (Map.Entry<String, double[]> e : inputs.entrySet()) {
        int w = e.getValue().length / n;
        feed.put(e.getKey(), tensor(env, e.getValue(), n, w, m.precision()));
      }
      try (OrtSession.Result r = session.run(feed)) {
        Map<String, double[]> out = new java.util.HashMap<>();
        for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : r) {
          out.put(e.getKey(), flat(((OnnxTensor) e.getValue())));
        }
        return out;
      } finally {
        feed.values().forEach(OnnxTensor::close);
      }
    }
  }

  private static OnnxTensor tensor(OrtEnvironment env, double[] v, int n, int w, Precision p)
      throws OrtException {
    if (p == Precision.FLOAT64) {
      return OnnxTensor.createTensor(env, java.nio.DoubleBuffer.wrap(v), new long[] {n, w});
    }
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(f), new long[] {n, w});
  }

  private static double[] flat(OnnxTensor t) {
    if (t.getInfo().type == ai.onnxruntime.OnnxJavaType.DOUBLE) {
      java.nio.DoubleBuffer b = t.getDoubleBuffer();
      double[] out = new double[b.remaining()];
      b.get(out);
      return out;
    }
    java.nio.FloatBuffer b = t.getFloatBuffer();
    double[] out = new double[b.remaining()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }
}
