package org.sbi4j.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.testing.FiniteDifferences;
import org.sbi4j.testing.ModelFixture;
import org.sbi4j.training.simd.FastTanh;
import org.sbi4j.training.store.ModelFolder;

/**
 * {@link NetworkEvaluator} against an independent reference: {@link Network#forward} (plain double
 * Java) of the standardised inputs for log r̂ and SALLY's t̂, and central finite differences of
 * that log r̂ in raw θ for the ratio models' t̂.
 */
class NetworkEvaluatorTest {
  private static final List<String> X = List.of("a", "b");
  private static final List<String> THETA = List.of("t1", "t2");

  /** Non-trivial standardisations, so that the θ-scale division of t̂ is exercised. */
  private static final Scaling X_SCALING =
      new Scaling(new double[] {0.3, -0.2}, new double[] {1.7, 0.8});

  private static final Scaling THETA_SCALING =
      new Scaling(new double[] {0.1, -0.1}, new double[] {0.6, 1.3});
  private static final double[][] THETAS = {
    {-0.9, 0.4}, {-0.2, -1}, {0, 0}, {0.35, 0.7}, {0.8, -0.3}, {1, 1}, {0.1, 0.2}
  };

  @Test
  void fastTanhIsWithinAFewFloatUlps() {
    float[] v = new float[20001];
    for (int i = 0; i < v.length; i++) {
      v[i] = -10 + i * 1e-3f;
    }
    float[] t = v.clone();
    FastTanh.apply(t, 0, t.length);
    for (int i = 0; i < v.length; i++) {
      // float has 6e-8 relative resolution; Eigen's approximation is good to a few ulps.
      assertEquals(Math.tanh(v[i]), t[i], 5e-7, "at " + v[i]);
    }
    float[] s = v.clone();
    FastTanh.sigmoid(s, 0, s.length);
    for (int i = 0; i < v.length; i += 37) {
      assertEquals(1 / (1 + Math.exp(-v[i])), s[i], 5e-7);
    }
  }

  /** 203 events (a last tile of 75 rows, not a multiple of 4) of two observables. */
  private static double[] features(UniformRandomProvider rng) {
    double[] x = new double[203 * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = 3 * rng.nextDouble() - 1;
    }
    return x;
  }

  /** The reference: member outputs of Network.forward on standardised rows. */
  private static double[] oracle(Network net, double[] theta, double[] x, int i) {
    double[] in = new double[theta == null ? 2 : 4];
    int o = 0;
    if (theta != null) {
      for (int k = 0; k < 2; k++) {
        in[o++] = THETA_SCALING.apply(k, theta[k]);
      }
    }
    for (int j = 0; j < 2; j++) {
      in[o++] = X_SCALING.apply(j, x[i * 2 + j]);
    }
    return net.forward(in);
  }

  private static double oracleMean(List<Network> members, double[] theta, double[] x, int i) {
    double s = 0;
    for (Network n : members) {
      s += oracle(n, theta, x, i)[0];
    }
    return s / members.size();
  }

  /**
   * Two members, two parameters, two observables, widths 37 or 100 (not multiples of the padding
   * 16), non-zero biases, tanh and sigmoid, float32 on both kernels and float64: log r̂ and its
   * spread against Network.forward, t̂ against finite differences, on the grid path and the
   * row-wise path.
   */
  @Test
  void ratioModelsMatchForwardAndFiniteDifferencesOnPaddedShapes() {
    assertTrue(
        NetworkEvaluator.vectorAvailable(),
        "tests run with --add-modules jdk.incubator.vector (test.argLine in the parent pom)");
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    double[] x = features(rng);
    int n = x.length / 2;
    for (Precision precision : Precision.values()) {
      for (int width : new int[] {37, 100}) {
        for (Activation act : Activation.values()) {
          List<Network> members =
              List.of(randomNetwork(rng, act, 4, width, 1), randomNetwork(rng, act, 4, width, 1));
          ModelData data = ratioModel(Method.ALICES, precision, members);
          boolean f32 = precision == Precision.FLOAT32;
          // float32: sums of up to 100 products of O(1) terms (~6e-8 relative rounding each)
          // and a fast tanh within 5e-7 per unit, through 3 layers: 1e-4 absolute on outputs
          // of O(1)–O(10) (as the grid kernel has always been held to). float64 computes the
          // same sums in the same order as Network.forward: 1e-12.
          double tolR = f32 ? 1e-4 : 1e-12;
          // t̂: the same float32 arithmetic on tangents, divided by σ_θ ≥ 0.6, so 2e-4; float64
          // against central differences with h = 1e-5: truncation h² f''' ~ 1e-9 and rounding
          // 1e-16 / h ~ 1e-11 on values of O(10), so 1e-7.
          double tolT = f32 ? 2e-4 : 1e-7;
          List<NetworkEvaluator> evaluators =
              f32
                  ? List.of(
                      NetworkEvaluator.withKernel(data, true),
                      NetworkEvaluator.withKernel(data, false))
                  : List.of(new NetworkEvaluator(data));
          for (NetworkEvaluator e : evaluators) {
            double[][] lr = e.logRatio(x, THETAS);
            Prediction[] grid = e.predict(x, THETAS);
            for (int j = 0; j < THETAS.length; j++) {
              double[] th = THETAS[j];
              double[] rowsTheta = new double[n * 2];
              for (int i = 0; i < n; i++) {
                System.arraycopy(th, 0, rowsTheta, 2 * i, 2);
              }
              Prediction rows = e.predict(rowsTheta, x);
              for (int i = 0; i < n; i++) {
                String at = precision + " " + act + " width " + width + " θ " + j + " event " + i;
                double[] v = {
                  oracle(members.get(0), th, x, i)[0], oracle(members.get(1), th, x, i)[0]
                };
                double mean = (v[0] + v[1]) / 2;
                double std = Math.abs(v[0] - v[1]) / 2;
                assertEquals(mean, lr[j][i], tolR, "log r grid " + at);
                assertEquals(mean, grid[j].logRatio()[i], tolR, "log r grid prediction " + at);
                assertEquals(mean, rows.logRatio()[i], tolR, "log r rows " + at);
                assertEquals(std, grid[j].logRatioStd()[i], tolR, "spread " + at);
                for (int k = 0; k < 2; k++) {
                  int event = i;
                  double fd =
                      FiniteDifferences.central(
                          theta -> oracleMean(members, theta, x, event), th, k, 1e-5);
                  assertEquals(fd, grid[j].score()[2 * i + k], tolT, "t̂ grid " + k + " " + at);
                  assertEquals(fd, rows.score()[2 * i + k], tolT, "t̂ rows " + k + " " + at);
                }
              }
            }
          }
        }
      }
    }
  }

  /** SALLY: t̂ (p outputs, not rescaled) and its spread against Network.forward. */
  @Test
  void scoreModelsMatchForwardOnPaddedShapes() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12L);
    double[] x = features(rng);
    int n = x.length / 2;
    for (Precision precision : Precision.values()) {
      for (Activation act : Activation.values()) {
        List<Network> members =
            List.of(randomNetwork(rng, act, 2, 37, 2), randomNetwork(rng, act, 2, 37, 2));
        ModelData data =
            new ModelData(Method.SALLY, precision, X, THETA, X_SCALING, null, null, members);
        // As for the ratio models' log r̂ (widths 37: sums of 37 float products).
        double tol = precision == Precision.FLOAT32 ? 1e-4 : 1e-12;
        Prediction pr = new ScoreModel(data).predict(x);
        for (int i = 0; i < n; i++) {
          double[] a = oracle(members.get(0), null, x, i);
          double[] b = oracle(members.get(1), null, x, i);
          for (int k = 0; k < 2; k++) {
            String at = precision + " " + act + " event " + i + " component " + k;
            assertEquals((a[k] + b[k]) / 2, pr.score()[2 * i + k], tol, at);
            assertEquals(Math.abs(a[k] - b[k]) / 2, pr.scoreStd()[2 * i + k], tol, at);
          }
        }
      }
    }
  }

  /** The same numbers on one thread as on the common pool, to the last bit. */
  @Test
  void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
    double[] x = new double[3001 * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = 3 * rng.nextDouble() - 1;
    }
    double[] rowsTheta = new double[x.length];
    for (int i = 0; i < rowsTheta.length; i++) {
      rowsTheta[i] = 2 * rng.nextDouble() - 1;
    }
    for (Precision precision : Precision.values()) {
      ModelData data =
          ratioModel(
              Method.ALICES,
              precision,
              List.of(
                  randomNetwork(rng, Activation.TANH, 4, 37, 1),
                  randomNetwork(rng, Activation.TANH, 4, 37, 1)));
      NetworkEvaluator e = new NetworkEvaluator(data);
      double[][] many = e.logRatio(x, THETAS);
      Prediction manyRows = e.predict(rowsTheta, x);
      Prediction manyGrid = e.predict(x, THETAS)[3];
      ForkJoinPool one = new ForkJoinPool(1);
      try {
        double[][] single = one.submit(() -> e.logRatio(x, THETAS)).get();
        Prediction singleRows = one.submit(() -> e.predict(rowsTheta, x)).get();
        Prediction singleGrid = one.submit(() -> e.predict(x, THETAS)[3]).get();
        for (int j = 0; j < THETAS.length; j++) {
          assertArrayEquals(many[j], single[j], 0.0);
        }
        assertArrayEquals(manyRows.logRatio(), singleRows.logRatio(), 0.0);
        assertArrayEquals(manyRows.score(), singleRows.score(), 0.0);
        assertArrayEquals(manyGrid.score(), singleGrid.score(), 0.0);
      } finally {
        one.shutdown();
      }
    }
  }

  @Test
  void matchesForwardOnTheFixture() throws Exception {
    Path dir = ModelFixture.copy();
    ModelData data = ModelFolder.load(dir).model();
    double[] x = new double[701];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(i) * 2;
    }
    double[][] thetas = {{-0.9}, {-0.2}, {0}, {0.35}, {0.8}};
    double[][] lr = new NetworkEvaluator(data).logRatio(x, thetas);
    for (int j = 0; j < thetas.length; j++) {
      for (int i = 0; i < x.length; i++) {
        double s = 0;
        for (Network net : data.members()) {
          s +=
              net.forward(
                      new double[] {
                        data.thetaScaling().apply(0, thetas[j][0]), data.xScaling().apply(0, x[i])
                      })[0];
        }
        // float32 (relative resolution 6e-8) through 3 layers of width 8: 1e-5.
        assertEquals(s / data.members().size(), lr[j][i], 1e-5, "θ " + j + " event " + i);
      }
    }
  }

  @Test
  void ratioModelGridsAreItsRowPredictions() {
    // RatioModel's grid forms (logRatio, score) are the evaluator's row-wise predictions at
    // each θ: the same float32 arithmetic per row, so equal to float rounding of the θ part.
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(14L);
    double[] x = features(rng);
    RatioModel model =
        new RatioModel(
            ratioModel(
                Method.RASCAL,
                Precision.FLOAT32,
                List.of(randomNetwork(rng, Activation.SIGMOID, 4, 20, 1))));
    EventSample events = EventSample.ofFeatures(X, x);
    double[][] lr = model.logRatio(events, THETAS);
    double[][][] t = model.score(events, THETAS);
    int n = events.size();
    for (int j = 0; j < THETAS.length; j++) {
      double[] th = new double[2 * n];
      for (int i = 0; i < n; i++) {
        System.arraycopy(THETAS[j], 0, th, 2 * i, 2);
      }
      Prediction rows = model.predict(th, x);
      for (int i = 0; i < n; i++) {
        // the grid adds θW_θ and xW_x separately in float32, the rows sum all four inputs:
        // rounding of sums of 4 O(1) products, 1e-5.
        assertEquals(rows.logRatio()[i], lr[j][i], 1e-5);
        assertEquals(rows.score()[2 * i], t[j][i][0], 1e-5);
        assertEquals(rows.score()[2 * i + 1], t[j][i][1], 1e-5);
      }
    }
  }

  /** in → width → width → out, weights U(−1, 1)·√(3/in), biases U(−0.5, 0.5). */
  private static Network randomNetwork(
      UniformRandomProvider rng, Activation act, int inputs, int width, int outputs) {
    List<Network.Dense> layers = new ArrayList<>();
    int in = inputs;
    for (int o : new int[] {width, width, outputs}) {
      double[] w = new double[in * o];
      for (int k = 0; k < w.length; k++) {
        w[k] = (2 * rng.nextDouble() - 1) * Math.sqrt(3.0 / in);
      }
      double[] b = new double[o];
      for (int k = 0; k < o; k++) {
        b[k] = rng.nextDouble() - 0.5;
      }
      layers.add(new Network.Dense(in, o, w, b));
      in = o;
    }
    return new Network(act, layers);
  }

  /** A two-parameter ratio model of {@code members} with the test's names, scalings and ranges. */
  private static ModelData ratioModel(Method method, Precision precision, List<Network> members) {
    return new ModelData(
        method,
        precision,
        X,
        THETA,
        X_SCALING,
        THETA_SCALING,
        new double[][] {{-1, 1}, {-1, 1}},
        members);
  }
}
