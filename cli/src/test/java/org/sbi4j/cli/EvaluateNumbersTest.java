package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sbi4j.testing.AllClose.assertAllClose;
import static org.sbi4j.testing.AllClose.assertAllCloseRelative;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.testing.ModelFixture;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.ScoreModel;
import org.sbi4j.training.store.ModelFolder;

/**
 * {@code sbi4j evaluate} writes the numbers of the model: every {@code log_r_hat}, {@code t_hat}
 * and {@code *_std} of the output file equals the library's own prediction ({@link
 * RatioModel#predict}, {@link ScoreModel#predict} of {@link ModelFolder#load}) exactly, and agrees
 * with the naive oracle of {@link TestModels#naive} (plain double {@code Network.forward}).
 */
class EvaluateNumbersTest {
  @TempDir Path dir;

  /**
   * The float32 fixture against the float64 oracle. The evaluator rounds inputs and weights to
   * float (relative error u = 2⁻²⁴ ≈ 6e-8 each) and accumulates in float through two hidden layers
   * of 8 and the output: every pre-activation is a sum of ≤ 9 terms with Σ|terms| ≲ 10, so each
   * carries ≲ 10 · 9u ≈ 5e-6 absolute error, damped by tanh' ≤ 1 and summed again with output
   * weights of O(1): 2e-5 (log r̂ and t̂, whose tangents go through the same layers, t̂ then
   * divided by σ_θ ≈ 0.58) bounds this with margin; an indexing or scaling error would be O(0.1–1).
   */
  static final double FLOAT32_TOL = 2e-5;

  /**
   * float64 models against the oracle: the same sums in the same precision (differences ~1e-15)
   * except that the oracle's t̂ is a central difference with h = 1e-5, good to ~1e-10.
   */
  static final double FLOAT64_TOL = 1e-8;

  private static double[] x(EventSample events) {
    double[] x = new double[events.size()];
    int k = events.observables().indexOf("x");
    for (int i = 0; i < x.length; i++) {
      x[i] = events.x(i, k);
    }
    return x;
  }

  @Test
  void fixtureOnInterferenceEventsAtOneTheta() {
    Path fixture = ModelFixture.copyTo(dir);
    Path events = TestEvents.interference1d(300, 21);
    Path out = dir.resolve("eval.h5");
    CliRun run =
        CliRun.of("evaluate --model", fixture, "--events", events, "--theta 0.3 --out", out);
    assertEquals(0, run.exitCode(), run.err());
    double[] lr = TestModels.dataset(out, "log_r_hat");
    double[] t = TestModels.dataset(out, "t_hat");
    assertEquals(300, lr.length);
    assertEquals(300, t.length);
    // one member: no spread datasets
    assertFalse(TestModels.hasDataset(out, "log_r_hat_std"));
    assertFalse(TestModels.hasDataset(out, "t_hat_std"));

    double[] x = x(MadMinerFiles.readEvents(events));
    double[] theta = new double[x.length];
    Arrays.fill(theta, 0.3);
    ModelData m = ModelFolder.load(fixture).model();
    Prediction lib = new RatioModel(m).predict(theta, x);
    // The command is a thin wrapper of the library call: bit-for-bit the same doubles.
    assertAllClose(lib.logRatio(), lr, 0, "log_r_hat vs RatioModel.predict");
    assertAllClose(lib.score(), t, 0, "t_hat vs RatioModel.predict");

    double[][] naive = TestModels.naive(m, theta, x);
    assertAllCloseRelative(naive[0], lr, FLOAT32_TOL, "log_r_hat vs Network.forward");
    assertAllCloseRelative(naive[2], t, FLOAT32_TOL, "t_hat vs Network.forward");
    System.out.printf(
        "evaluate fixture (float32): max |Δ log r̂| %.3g, max |Δ t̂| %.3g vs Network.forward%n",
        TestModels.maxDiff(naive[0], lr), TestModels.maxDiff(naive[2], t));
  }

  @Test
  void ratioEnsembleAtEachRowsTheta0() {
    Path model = TestModels.ratioEnsemble();
    EventSample sample = GaussianToy.ratioSample(200, 17);
    Path events = dir.resolve("rows.h5");
    TrainingFiles.write(events, sample);
    Path out = dir.resolve("eval.h5");
    CliRun run = CliRun.of("evaluate --model", model, "--events", events, "--out", out);
    assertEquals(0, run.exitCode(), run.err());
    double[] x = x(sample);
    double[] theta = sample.column(Column.THETA0);
    ModelData m = ModelFolder.load(model).model();
    assertEquals(2, m.members().size());
    Prediction lib = new RatioModel(m).predict(theta, x);
    String[] names = {"log_r_hat", "log_r_hat_std", "t_hat", "t_hat_std"};
    double[][] libValues = {lib.logRatio(), lib.logRatioStd(), lib.score(), lib.scoreStd()};
    double[][] naive = TestModels.naive(m, theta, x);
    for (int k = 0; k < names.length; k++) {
      double[] file = TestModels.dataset(out, names[k]);
      assertAllClose(libValues[k], file, 0, names[k] + " vs RatioModel.predict");
      assertAllCloseRelative(naive[k], file, FLOAT64_TOL, names[k] + " vs Network.forward");
      System.out.printf(
          "evaluate ratio ensemble (float64): %s max |Δ| %.3g vs Network.forward%n",
          names[k], TestModels.maxDiff(naive[k], file));
    }
    // two differently seeded members disagree somewhere: the spread is really computed
    assertTrue(Arrays.stream(TestModels.dataset(out, "log_r_hat_std")).max().orElse(0) > 1e-6);
  }

  @Test
  void sallyEnsembleOnInterferenceEvents() {
    Path model = TestModels.sallyEnsemble();
    Path events = TestEvents.interference1d(200, 22);
    Path out = dir.resolve("eval.h5");
    CliRun run = CliRun.of("evaluate --model", model, "--events", events, "--out", out);
    assertEquals(0, run.exitCode(), run.err());
    assertFalse(TestModels.hasDataset(out, "log_r_hat"));
    double[] x = x(MadMinerFiles.readEvents(events));
    ModelData m = ModelFolder.load(model).model();
    Prediction lib = new ScoreModel(m).predict(x);
    double[][] naive = TestModels.naive(m, null, x);
    double[] t = TestModels.dataset(out, "t_hat");
    double[] tStd = TestModels.dataset(out, "t_hat_std");
    assertAllClose(lib.score(), t, 0, "t_hat vs ScoreModel.predict");
    assertAllClose(lib.scoreStd(), tStd, 0, "t_hat_std vs ScoreModel.predict");
    // SALLY's outputs are t̂ as they are: no finite difference, float64 sums only.
    assertAllCloseRelative(naive[2], t, 1e-12, "t_hat vs Network.forward");
    assertAllCloseRelative(naive[3], tStd, 1e-12, "t_hat_std vs Network.forward");
    System.out.printf(
        "evaluate sally ensemble (float64): max |Δ t̂| %.3g, |Δ t̂_std| %.3g%n",
        TestModels.maxDiff(naive[2], t), TestModels.maxDiff(naive[3], tStd));
  }
}
