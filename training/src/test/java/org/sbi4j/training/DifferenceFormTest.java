package org.sbi4j.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;
import org.sbi4j.training.store.ModelFolder;

/**
 * The difference form of a doubly parameterised ratio model (docs/math.md §3.8), log r̂(x|θ0,θ1) =
 * g(θ0, x) − g(θ1, x): its exact structure (log r̂(x|θ,θ) = 0, antisymmetry, log r̂(θ0,θ1) + log
 * r̂(θ1,θ2) = log r̂(θ0,θ2)), its input layout and shared θ scaling, evaluation against a hand
 * computation of g on the standardised inputs, the model folder, and the engines it trains on.
 */
class DifferenceFormTest {
  @TempDir Path tmp;

  private static TrainingConfig small() {
    return TrainingConfig.builder()
        .hiddenLayers(List.of(8, 8))
        .epochs(2)
        .batchSize(64)
        .validationSplit(0)
        .antisymmetric(true)
        .build();
  }

  private static RatioModel trained(long seed) {
    return new Trainer(small())
        .train(DoublyParameterizedTest.sample(600, seed), Method.ALICES, seed)
        .ratioModel();
  }

  @Test
  void oneNetworkOfThetaAndXWithOneScalingFittedOnBothThetas() {
    EventSample s = DoublyParameterizedTest.sample(600, 1);
    ModelData m = new Trainer(small()).train(s, Method.ALICES, 3).model();
    assertTrue(m.doublyParameterized());
    assertTrue(m.differenceForm());
    assertEquals(2, m.thetaInputs());
    // g takes (θ, x): p + d = 2 inputs, not 2p + d
    assertEquals(2, m.members().get(0).inputs());
    DoublyParameterizedTest.assertScaledOnTheUnion(s, m);
    assertFalse(
        new Trainer(small().toBuilder().antisymmetric(false).build())
            .train(s, Method.ALICES, 3)
            .model()
            .differenceForm());
  }

  @Test
  void theStructureIsExact() {
    RatioModel model = trained(2);
    EventSample events =
        EventSample.ofFeatures(List.of("x"), new double[] {-2.1, -0.3, 0.05, 1.7, 3.2});
    double[][] thetas = {
      {0.4, 0.4}, {-0.9, -0.9}, {0.4, -0.9}, {-0.9, 0.4}, {-0.9, 0.7}, {0.7, 0.4}, {0.4, 0.7}
    };
    double[][] lr = model.logRatio(events, thetas);
    Prediction[] pr = model.predict(events, thetas);
    for (int i = 0; i < events.size(); i++) {
      // g(θ, x) − g(θ, x): the same float32 evaluation twice, subtracted exactly
      assertEquals(0.0, lr[0][i], 0.0);
      assertEquals(0.0, lr[1][i], 0.0);
      assertEquals(-lr[2][i], lr[3][i], 0.0);
      // each log r̂ is a difference of two float32 outputs held in double, exact; the sum of two
      // such differences equals the third up to double rounding of O(1) values: 1e-12
      assertEquals(lr[4][i], lr[3][i] + lr[6][i], 1e-12);
      assertEquals(lr[6][i], -lr[5][i], 0.0);
      for (int j = 0; j < thetas.length; j++) {
        // the grid's log r̂ with t̂ and without are the same arithmetic
        assertEquals(lr[j][i], pr[j].logRatio()[i], 0.0);
      }
    }
    // row-wise: θ0 ⊕ θ1 rows, the same values (float32 tiles of another layout: 1e-6)
    Prediction rows = model.predict(new double[] {0.4, 0.4, -0.9, 0.7}, new double[] {-2.1, -0.3});
    assertEquals(0.0, rows.logRatio()[0], 0.0);
    assertEquals(lr[4][1], rows.logRatio()[1], 1e-6 * Math.max(1, Math.abs(lr[4][1])));
  }

  @Test
  void evaluationIsTheDifferenceOfTheNetworkOnBothThetasScaledAsInTraining() {
    RatioModel model = trained(4);
    ModelData m = model.data();
    Network g = m.members().get(0);
    EventSample events = EventSample.ofFeatures(List.of("x"), new double[] {-1.3, 0.1, 2.2});
    double[][] thetas = {{-0.7, 0.2}, {0.4, -0.35}};
    double[][] lr = model.logRatio(events, thetas);
    double[][][] score = model.score(events, thetas);
    double h = 1e-4;
    for (int j = 0; j < thetas.length; j++) {
      for (int i = 0; i < events.size(); i++) {
        double x = events.x(i, 0);
        double expected = hand(m, g, thetas[j][0], x) - hand(m, g, thetas[j][1], x);
        // float32 members round every product to 24 bits: 1e-5 relative to activations of order 1
        assertEquals(expected, lr[j][i], 1e-5 * Math.max(1, Math.abs(expected)));
        // t̂ = ∂g(θ0, x)/∂θ0 in raw units: central difference of the double hand computation
        // (error O(h²) ≈ 1e-8) against float32 tangents (1e-5 relative)
        double fd = (hand(m, g, thetas[j][0] + h, x) - hand(m, g, thetas[j][0] - h, x)) / (2 * h);
        assertEquals(fd, score[j][i][0], 1e-4 * Math.max(1, Math.abs(fd)));
      }
    }
  }

  /** g on (θ, x) standardised by the model's scalings (θ0's columns, which θ1 shares). */
  private static double hand(ModelData m, Network g, double theta, double x) {
    Scaling ts = m.thetaScaling();
    Scaling xs = m.xScaling();
    return g.forward(
            new double[] {
              (theta - ts.mean()[0]) / ts.scale()[0], (x - xs.mean()[0]) / xs.scale()[0]
            })[0];
  }

  @Test
  void theModelFolderKeepsTheForm() {
    EventSample s = DoublyParameterizedTest.sample(300, 7);
    TrainingOutcome out = new Trainer(small()).train(s, Method.ALICES, 8);
    Path dir = tmp.resolve("model");
    ModelFolder.save(dir, out, null);
    ModelData loaded = ModelFolder.load(dir).model();
    assertTrue(loaded.differenceForm());
    double[] rows = {0.3, -0.1, -0.5, 0.25};
    double[] x = {0.7, -0.4};
    assertArrayEquals(
        out.ratioModel().predict(rows, x).logRatio(),
        new RatioModel(loaded).predict(rows, x).logRatio());
  }

  @Test
  void theDifferenceFormTrainsOnTheFusedEngineOnly() {
    EventSample s = DoublyParameterizedTest.sample(200, 5);
    for (TrainingConfig c :
        List.of(
            small().toBuilder().engine(TrainingEngine.SAMEDIFF).build(),
            small().toBuilder().precision(Precision.FLOAT64).build())) {
      InvalidValueException e =
          assertThrows(
              InvalidValueException.class, () -> new Trainer(c).train(s, Method.ALICES, 1));
      assertTrue(e.getMessage().contains("fused engine only"), e.getMessage());
      assertTrue(e.getMessage().contains("antisymmetric: false"), e.getMessage());
    }
  }
}
