package org.sbi4j.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.ReferenceRatioModel;
import org.sbi4j.training.model.Scaling;
import org.sbi4j.training.store.ModelFolder;

/**
 * Doubly parameterised ratio models (docs/math.md §3.8): layout and scaling of the inputs in
 * training, and evaluation through the public evaluator against a hand computation of the network
 * on the standardised inputs (θ0, θ1, x).
 */
class DoublyParameterizedTest {
  @TempDir Path tmp;

  /**
   * x ~ N(θ, 1) with θ0 ~ U(−1, 1) and θ1 ~ U(−0.5, 0.5) per row, y alternating: log r(x|θ0, θ1) =
   * [(x − θ1)² − (x − θ0)²]/2, t(x|θ0) = x − θ0, t(x|θ1) = x − θ1.
   */
  static EventSample sample(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] x = new double[n];
    double[] th0 = new double[n];
    double[] th1 = new double[n];
    double[] y = new double[n];
    double[] lr = new double[n];
    double[] t0 = new double[n];
    double[] t1 = new double[n];
    for (int i = 0; i < n; i++) {
      th0[i] = 2 * rng.nextDouble() - 1;
      th1[i] = rng.nextDouble() - 0.5;
      y[i] = i % 2;
      x[i] = g.sample() + (y[i] == 0 ? th0[i] : th1[i]);
      lr[i] = 0.5 * ((x[i] - th1[i]) * (x[i] - th1[i]) - (x[i] - th0[i]) * (x[i] - th0[i]));
      t0[i] = x[i] - th0[i];
      t1[i] = x[i] - th1[i];
    }
    List<String> p = List.of("theta");
    return EventSample.ofFeatures(List.of("x"), x)
        .withColumn(Column.THETA0, th0, p)
        .withColumn(Column.THETA1, th1, p)
        .withColumn(Column.Y, y, p)
        .withColumn(Column.LOG_R_XZ, lr, p)
        .withColumn(Column.T_XZ0, t0, p)
        .withColumn(Column.T_XZ1, t1, p);
  }

  private static TrainingConfig small(Precision precision) {
    return TrainingConfig.builder()
        .hiddenLayers(List.of(8, 8))
        .epochs(2)
        .batchSize(64)
        .validationSplit(0)
        .precision(precision)
        // the network of (θ0, θ1, x) on the sample's own rows (the difference form:
        // DifferenceFormTest)
        .antisymmetric(false)
        .swapPairs(false)
        .build();
  }

  @Test
  void aSampleWithVaryingTheta1TrainsADoublyParameterisedModelScaledOnBothThetas() {
    EventSample s = sample(600, 1);
    assertTrue(Trainer.isDoublyParameterized(s));
    assertFalse(Trainer.isDoublyParameterized(GaussianToy.ratioSample(100, 1)));
    ModelData m = new Trainer(small(Precision.FLOAT32)).train(s, Method.ALICES, 3).model();
    assertTrue(m.doublyParameterized());
    assertEquals(2, m.thetaInputs());
    assertEquals(3, m.members().get(0).inputs());
    // without a validation split the scaling is fitted on every row: columns θ0 then θ1
    Scaling t0 = Scaling.fit(s.column(Column.THETA0), 1);
    Scaling t1 = Scaling.fit(s.column(Column.THETA1), 1);
    // the same sums over shuffled rows: equal up to rounding of 600 terms (1e-12)
    assertArrayEquals(new double[] {t0.mean()[0], t1.mean()[0]}, m.thetaScaling().mean(), 1e-12);
    assertArrayEquals(new double[] {t0.scale()[0], t1.scale()[0]}, m.thetaScaling().scale(), 1e-12);
    assertTheta1Range(s, m);
  }

  @Test
  void swappedPairsScaleBothThetasOnTheirUnionAndKeepTheSampleBoxes() {
    EventSample s = sample(600, 1);
    TrainingOutcome out =
        new Trainer(small(Precision.FLOAT32).toBuilder().swapPairs(true).build())
            .train(s, Method.ALICES, 3);
    ModelData m = out.model();
    // every row and its mirror: both θ columns hold θ0 ∪ θ1, so both scalings are that union's
    assertScaledOnTheUnion(s, m);
    assertEquals(1200, out.trainingRows());
    assertTheta1Range(s, m);
  }

  @Test
  void aMirroredRowIsTheExactRowOfTheSwappedPair() {
    EventSample s = sample(50, 9);
    EventSample m = SwappedPairs.of(s, true);
    assertEquals(100, m.size());
    for (int i = 0; i < 50; i++) {
      int j = 50 + i;
      double x = s.x(i, 0);
      double th0 = m.value(Column.THETA0, j, 0);
      double th1 = m.value(Column.THETA1, j, 0);
      assertEquals(x, m.x(j, 0));
      assertEquals(s.value(Column.THETA1, i, 0), th0);
      assertEquals(s.value(Column.THETA0, i, 0), th1);
      assertEquals(1 - s.value(Column.Y, i, 0), m.value(Column.Y, j, 0));
      // the Gaussian toy's exact log r(x|θ0', θ1') and t(x|θ0'), t(x|θ1') at the swapped pair;
      // the same few operations in another order: 1e-12
      double lr = 0.5 * ((x - th1) * (x - th1) - (x - th0) * (x - th0));
      assertEquals(lr, m.value(Column.LOG_R_XZ, j, 0), 1e-12);
      assertEquals(x - th0, m.value(Column.T_XZ0, j, 0), 1e-12);
      assertEquals(x - th1, m.value(Column.T_XZ1, j, 0), 1e-12);
      // the first n rows are the sample's own
      for (Column c : s.columns()) {
        assertEquals(s.value(c, i, 0), m.value(c, i, 0));
      }
    }
  }

  @Test
  void swappedPairsNeedTheScoreAtTheta1ForAScoreLossButNotForCarl() {
    EventSample full = sample(300, 4);
    EventSample noT1 =
        EventSample.ofFeatures(List.of("x"), full.x())
            .withColumn(Column.THETA0, full.column(Column.THETA0), List.of("theta"))
            .withColumn(Column.THETA1, full.column(Column.THETA1), List.of("theta"))
            .withColumn(Column.Y, full.column(Column.Y), List.of("theta"))
            .withColumn(Column.LOG_R_XZ, full.column(Column.LOG_R_XZ), List.of("theta"))
            .withColumn(Column.T_XZ0, full.column(Column.T_XZ0), List.of("theta"));
    Trainer trainer = new Trainer(small(Precision.FLOAT32).toBuilder().swapPairs(true).build());
    var e =
        assertThrows(
            org.sbi4j.common.InvalidValueException.class,
            () -> trainer.train(noT1, Method.ALICES, 1));
    assertTrue(e.getMessage().contains("t_xz1"), e.getMessage());
    assertTrue(e.getMessage().contains("leave swapPairs off"), e.getMessage());
    // CARL reads neither score: the mirrors go without t_xz0 and train
    EventSample mirrored = SwappedPairs.of(noT1, false);
    assertFalse(mirrored.has(Column.T_XZ0));
    assertEquals(600, trainer.train(noT1, Method.CARL, 1).trainingRows());
  }

  /** Both halves of m's θ scaling are the scaling of the sample's θ0 and θ1 values together. */
  static void assertScaledOnTheUnion(EventSample s, ModelData m) {
    int n = s.size();
    double[] union = new double[2 * n];
    System.arraycopy(s.column(Column.THETA0), 0, union, 0, n);
    System.arraycopy(s.column(Column.THETA1), 0, union, n, n);
    Scaling u = Scaling.fit(union, 1);
    // sums over the same 2n values in another order: 1e-12
    assertArrayEquals(new double[] {u.mean()[0], u.mean()[0]}, m.thetaScaling().mean(), 1e-12);
    assertArrayEquals(new double[] {u.scale()[0], u.scale()[0]}, m.thetaScaling().scale(), 1e-12);
  }

  private static void assertTheta1Range(EventSample s, ModelData m) {
    double[] th1 = s.column(Column.THETA1);
    assertArrayEquals(
        new double[] {
          java.util.Arrays.stream(th1).min().orElseThrow(),
          java.util.Arrays.stream(th1).max().orElseThrow()
        },
        m.theta1Range()[0]);
  }

  @Test
  void evaluationScalesBothThetasAsInTrainingByHand() {
    for (Precision precision : Precision.values()) {
      EventSample s = sample(400, 2);
      RatioModel model = new Trainer(small(precision)).train(s, Method.ALICES, 4).ratioModel();
      ModelData m = model.data();
      Network net = m.members().get(0);
      double[] theta1 = {0.2};
      ReferenceRatioModel ref = model.atReference(theta1);
      assertTrue(ref.referenceWarnings().isEmpty());
      EventSample events = EventSample.ofFeatures(List.of("x"), new double[] {-1.3, 0.1, 2.2});
      double[][] thetas = {{-0.7}, {0.4}};
      double[][] lr = ref.logRatio(events, thetas);
      double[][][] score = ref.score(events, thetas);
      // float64: the same operations in double, summed in another order (1e-12); float32 members
      // round every product to 24 bits: 1e-5 relative to the activations of order 1.
      double tol = precision == Precision.FLOAT64 ? 1e-12 : 1e-5;
      double h = 1e-4;
      for (int j = 0; j < thetas.length; j++) {
        for (int i = 0; i < events.size(); i++) {
          double x = events.x(i, 0);
          double expected = hand(m, net, thetas[j][0], theta1[0], x);
          assertEquals(expected, lr[j][i], tol * Math.max(1, Math.abs(expected)));
          // central difference in raw θ0: error O(h²) ~ 1e-8 in double; float32 outputs limit
          // it to ~1e-5/h = 0.1 relative, so only float64 checks the tangent this way
          double fd =
              (hand(m, net, thetas[j][0] + h, theta1[0], x)
                      - hand(m, net, thetas[j][0] - h, theta1[0], x))
                  / (2 * h);
          assertEquals(fd, score[j][i][0], 1e-6 * Math.max(1, Math.abs(fd)));
        }
      }
      // row-wise predictions take θ0 ⊕ θ1 rows
      Prediction pr = model.predict(new double[] {-0.7, 0.2, 0.4, 0.2}, new double[] {-1.3, 0.1});
      assertEquals(lr[0][0], pr.logRatio()[0], tol);
      assertEquals(lr[1][1], pr.logRatio()[1], tol * Math.max(1, Math.abs(lr[1][1])));
    }
  }

  /** The network on the standardised inputs, computed by hand from the model's scalings. */
  private static double hand(ModelData m, Network net, double theta0, double theta1, double x) {
    Scaling ts = m.thetaScaling();
    Scaling xs = m.xScaling();
    double[] in = {
      (theta0 - ts.mean()[0]) / ts.scale()[0],
      (theta1 - ts.mean()[1]) / ts.scale()[1],
      (x - xs.mean()[0]) / xs.scale()[0]
    };
    return net.forward(in)[0];
  }

  @Test
  void aReferenceOutsideTheTrainedRangeWarnsAndASinglyParameterisedModelRefusesOne() {
    RatioModel model =
        new Trainer(small(Precision.FLOAT32)).train(sample(300, 5), Method.ALICE, 6).ratioModel();
    List<String> w = model.atReference(new double[] {0.9}).referenceWarnings();
    assertEquals(1, w.size());
    assertTrue(w.get(0).contains("outside the range"), w.get(0));
    double[] centre = ReferenceRatioModel.defaultReference(model.data());
    double[][] range = model.data().theta1Range();
    assertEquals(0.5 * (range[0][0] + range[0][1]), centre[0]);
    assertTrue(model.atReference(centre).referenceWarnings().isEmpty());
    RatioModel single =
        new Trainer(small(Precision.FLOAT32))
            .train(GaussianToy.ratioSample(300, 1), Method.ALICE, 6)
            .ratioModel();
    assertFalse(single.data().doublyParameterized());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> single.atReference(new double[] {0}));
    assertTrue(e.getMessage().contains("doubly parameterised"), e.getMessage());
  }

  @Test
  void theModelFolderRecordsTheDoubleParameterisationAndReproducesPredictions() {
    EventSample s = sample(300, 7);
    TrainingOutcome out = new Trainer(small(Precision.FLOAT32)).train(s, Method.ALICES, 8);
    Path dir = tmp.resolve("model");
    ModelFolder.save(dir, out, null);
    ModelData loaded = ModelFolder.load(dir).model();
    assertTrue(loaded.doublyParameterized());
    assertArrayEquals(out.model().theta1Range()[0], loaded.theta1Range()[0]);
    double[] rows = {0.3, -0.1, -0.5, 0.25};
    double[] x = {0.7, -0.4};
    assertArrayEquals(
        out.ratioModel().predict(rows, x).logRatio(),
        new RatioModel(loaded).predict(rows, x).logRatio());
  }
}
