package org.sbi4j.training.store;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sbi4j.testing.AllClose.assertAllCloseRelative;

import ai.onnxruntime.OrtException;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.RatioModel;

/**
 * The ONNX export of a doubly parameterised model of the difference form (docs/math.md §3.8): the
 * graph splits the standardised θ0 ⊕ θ1 and gives g(θ0, x) − g(θ1, x) and ∂g(θ0, x)/∂θ0, as sbi4j
 * evaluates them, for two parameters and an ensemble of two.
 */
class DifferenceFormOnnxTest {
  @Test
  void onnxMatchesSbi4j() throws OrtException {
    EventSample s = withVaryingTheta1(GaussianToy.ratioSample2(600, 11), 12);
    ModelData m =
        new Trainer(
                TrainingConfig.builder()
                    .hiddenLayers(List.of(10, 10))
                    .epochs(1)
                    .ensembleSize(2)
                    .antisymmetric(true)
                    // the toy sample has no t_xz1, which swapped pairs would need
                    .swapPairs(false)
                    .build())
            .train(s, Method.ALICES, 13)
            .model();
    assertTrue(m.differenceForm());
    EventSample test = withVaryingTheta1(GaussianToy.ratioSample2(1000, 14), 15);
    double[] theta = new double[1000 * 4];
    for (int i = 0; i < 1000; i++) {
      for (int k = 0; k < 2; k++) {
        theta[i * 4 + k] = test.value(Column.THETA0, i, k);
        theta[i * 4 + 2 + k] = test.value(Column.THETA1, i, k);
      }
    }
    Prediction sbi = new RatioModel(m).predict(theta, test.x());
    Map<String, double[]> onnx =
        ModelFolderTest.runOnnx(m, Map.of("theta", theta, "x", test.x()), 2, 1000);
    // float32 on both sides, ~10 rounded operations on O(1) values per output: ≲ 1e-6, as the
    // singly parameterised export's bound 1e-5
    assertAllCloseRelative(sbi.logRatio(), onnx.get("log_r_hat"), 1e-5, "log r̂");
    assertAllCloseRelative(sbi.score(), onnx.get("t_hat"), 1e-5, "t̂");
  }

  /** {@code s} with θ1 drawn uniformly in [−1, 1]² per row (a doubly parameterised layout). */
  private static EventSample withVaryingTheta1(EventSample s, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] t1 = new double[2 * s.size()];
    for (int i = 0; i < t1.length; i++) {
      t1[i] = 2 * rng.nextDouble() - 1;
    }
    return s.withColumn(Column.THETA1, t1, s.parameterNames());
  }
}
