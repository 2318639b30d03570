package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sbi4j.testing.AllClose.assertAllCloseRelative;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.testing.ModelFixture;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.ScoreModel;
import org.sbi4j.training.store.ModelFolder;

/**
 * {@code sbi4j export} writes a file that ONNX Runtime evaluates to the library's numbers: raw θ
 * and x in (the standardisation is inside the graph), log r̂ and t̂ out, compared with {@link
 * RatioModel#predict} / {@link ScoreModel#predict} of the same folder on the same rows.
 */
class ExportOnnxTest {
  @TempDir Path dir;

  /**
   * float32 graphs: ONNX Runtime and the library's SIMD kernel both compute in float (u = 2⁻²⁴ ≈
   * 6e-8) with different summation orders and tanh implementations; each is within ~1e-6 of the
   * exact value for this 8×8 network (EvaluateNumbersTest measures ≈ 5e-7 for the library), so they
   * agree to 1e-5 relative (of max(1, |value|)).
   */
  static final double FLOAT32_TOL = 1e-5;

  /**
   * float64 graphs without graph optimisations: the same sums in double, different order: ~1e-16
   * measured; 1e-12 leaves margin.
   */
  static final double FLOAT64_TOL = 1e-12;

  /**
   * float64 ratio graphs under ONNX Runtime's default optimisations (1.28, CPU): log r̂ still
   * agrees to ~1e-16 but t̂ only to ~7e-8 relative (measured 6.2e-9 absolute on |t̂| ≈ 0.1, while
   * t̂ without optimisations and a central difference of the optimised graph's own log r̂ agree
   * with the library to 3e-11): one of ONNX Runtime's rewrites of the tangent Mul/MatMul chain
   * evaluates at about float precision. 1e-6 relative bounds that with margin and still catches any
   * error of the graph (a wrong scale or a missing member is O(1e-2) or more).
   */
  static final double FLOAT64_OPTIMISED_TOL = 1e-6;

  private static final int N = 257; // not a multiple of the library's tiles of 128 rows

  /**
   * Runs the file in ONNX Runtime on raw inputs.
   *
   * @param optimised ONNX Runtime's default graph optimisations (a user's default), or none
   */
  private static Map<String, double[]> runOnnx(
      Path file, Map<String, double[]> in, Precision pr, boolean optimised) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions so = new OrtSession.SessionOptions();
    if (!optimised) {
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
    }
    try (OrtSession session = env.createSession(file.toString(), so)) {
      Map<String, OnnxTensor> feed = new HashMap<>();
      try {
        for (Map.Entry<String, double[]> e : in.entrySet()) {
          double[] v = e.getValue();
          long[] shape = {N, v.length / N};
          if (pr == Precision.FLOAT64) {
            feed.put(e.getKey(), OnnxTensor.createTensor(env, DoubleBuffer.wrap(v), shape));
          } else {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
              f[i] = (float) v[i];
            }
            feed.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(f), shape));
          }
        }
        try (OrtSession.Result r = session.run(feed)) {
          Map<String, double[]> out = new HashMap<>();
          for (Map.Entry<String, OnnxValue> e : r) {
            out.put(e.getKey(), flat((OnnxTensor) e.getValue()));
          }
          return out;
        }
      } finally {
        feed.values().forEach(OnnxTensor::close);
      }
    }
  }

  private static double[] flat(OnnxTensor t) {
    if (t.getInfo().type == OnnxJavaType.DOUBLE) {
      DoubleBuffer b = t.getDoubleBuffer();
      double[] out = new double[b.remaining()];
      b.get(out);
      return out;
    }
    FloatBuffer b = t.getFloatBuffer();
    double[] out = new double[b.remaining()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  /** Rows θ ~ U(−0.95, 0.95), x ~ N(0, 1.5²): raw values, as a user feeds them. */
  private static double[][] rows(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] theta = new double[N];
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      theta[i] = rng.nextDouble(-0.95, 0.95);
      x[i] = 1.5 * rng.nextGaussian();
    }
    // Float-representable values: a float32 graph's input tensors then hold the library's inputs
    // exactly (a float64 graph is indifferent).
    for (int i = 0; i < N; i++) {
      theta[i] = (float) theta[i];
      x[i] = (float) x[i];
    }
    return new double[][] {theta, x};
  }

  private Path export(Path model) {
    Path onnx = dir.resolve("exported.onnx");
    CliRun run = CliRun.of("export --model", model, "--out", onnx);
    assertEquals(0, run.exitCode(), run.err());
    return onnx;
  }

  private static void compareRatio(Path model, Path onnx, boolean optimised, double tol)
      throws OrtException {
    ModelData m = ModelFolder.load(model).model();
    double[][] r = rows(5);
    Prediction lib = new RatioModel(m).predict(r[0], r[1]);
    Map<String, double[]> ort =
        runOnnx(onnx, Map.of("theta", r[0], "x", r[1]), m.precision(), optimised);
    assertAllCloseRelative(lib.logRatio(), ort.get("log_r_hat"), tol, "log_r_hat");
    assertAllCloseRelative(lib.score(), ort.get("t_hat"), tol, "t_hat");
    System.out.printf(
        "export %s %s %s: max |Δ log r̂| %.3g, max |Δ t̂| %.3g (ONNX Runtime vs library)%n",
        m.method().cliName(),
        m.precision(),
        optimised ? "optimised" : "NO_OPT",
        TestModels.maxDiff(lib.logRatio(), ort.get("log_r_hat")),
        TestModels.maxDiff(lib.score(), ort.get("t_hat")));
  }

  @Test
  void float32FixtureRunsInOnnxRuntimeLikeTheLibrary() throws OrtException {
    Path model = ModelFixture.copyTo(dir);
    Path onnx = export(model);
    compareRatio(model, onnx, true, FLOAT32_TOL);
    compareRatio(model, onnx, false, FLOAT32_TOL);
  }

  @Test
  void float64RatioEnsembleAveragesTheMembersLikeTheLibrary() throws OrtException {
    Path model = TestModels.ratioEnsemble();
    Path onnx = export(model);
    compareRatio(model, onnx, false, FLOAT64_TOL);
    compareRatio(model, onnx, true, FLOAT64_OPTIMISED_TOL);
  }

  @Test
  void float64SallyEnsembleGivesTheLibrarysScore() throws OrtException {
    Path model = TestModels.sallyEnsemble();
    Path onnx = export(model);
    ModelData m = ModelFolder.load(model).model();
    double[] x = rows(6)[1];
    Prediction lib = new ScoreModel(m).predict(x);
    Map<String, double[]> ort = runOnnx(onnx, Map.of("x", x), Precision.FLOAT64, true);
    assertEquals(1, ort.size(), "a SALLY graph has one output: " + ort.keySet());
    assertAllCloseRelative(lib.score(), ort.get("t_hat"), FLOAT64_TOL, "t_hat");
    System.out.printf(
        "export sally FLOAT64: max |Δ t̂| %.3g (ONNX Runtime vs library)%n",
        TestModels.maxDiff(lib.score(), ort.get("t_hat")));
  }
}
