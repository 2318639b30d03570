package org.sbi4j.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.testing.ModelFixture;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.store.ModelFolder;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;
import org.sbi4j.training.simd.FastTanh;

class GridRatioModelTest {
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

  private static EventSample events(int n) {
    return EventSample.ofFeatures(List.of("x"),
        java.util.stream.IntStream.range(0, n).mapToDouble(i -> Math.sin(i) * 2).toArray());
  }

  /** Both kernels (plain Java and ND4J sgemm) against RatioModel's graph evaluation. */
  private static void agree(RatioModel model, double tolerance) {
    EventSample events = events(701);
    double[][] thetas = {{-0.9}, {-0.2}, {0}, {0.35}, {0.8}};
    double[][] slow = model.logRatio(events, thetas);
    for (boolean blas : new boolean[] {false, true}) {
      double[][] fast = new GridRatioModel(model, blas).logRatio(events, thetas);
      for (int j = 0; j < thetas.length; j++) {
        for (int i = 0; i < events.size(); i++) {
          assertEquals(slow[j][i], fast[j][i], tolerance,
              "blas " + blas + " θ " + thetas[j][0] + " event " + i);
        }
      }
    }
  }

  @Test
  void blasKernelMatchesJavaAcrossBlocksAndIsDeterministic() {
    // 3 × 16 tanh; 20 000 events × 2 θ (blocks of events) and 701 events × 30 θ (blocks of θ)
    // cross the 16 384-row block size. Both kernels are float32 with sums of 16 products, so 1e-5.
    RatioModel model = (RatioModel) RandomModels.randomModel(16, 3, Precision.FLOAT32);
    double[][] many = new double[30][];
    for (int j = 0; j < many.length; j++) {
      many[j] = new double[] {-1 + j / 15.0};
    }
    for (Object[] c : new Object[][] {{events(20_000), new double[][] {{-0.4}, {0.6}}},
        {events(701), many}}) {
      EventSample ev = (EventSample) c[0];
      double[][] thetas = (double[][]) c[1];
      double[][] java = new GridRatioModel(model, false).logRatio(ev, thetas);
      double[][] blas = new GridRatioModel(model, true).logRatio(ev, thetas);
      double[][] again = new GridRatioModel(model, true).logRatio(ev, thetas);
      for (int j = 0; j < thetas.length; j++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(blas[j], again[j], 0.0);
        for (int i = 0; i < ev.size(); i++) {
          assertEquals(java[j][i], blas[j][i], 1e-5, "θ " + thetas[j][0] + " event " + i);
        }
      }
    }
  }

  /**
   * Two members, two parameters, two observables, widths 37 or 100 (not multiples of the
   * padding), non-zero biases, both activations, 203 events (a last tile of 75 rows, not a
   * multiple of 4): the Vector API kernel, the plain-Java kernel and ND4J's graph agree.
   */
  @Test
  void bothKernelsMatchTheGraphOnPaddedShapes() {
    assertTrue(GridRatioModel.vectorAvailable(),
        "tests run with --add-modules jdk.incubator.vector (test.argLine in the parent pom)");
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    double[] x = new double[203 * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = 3 * rng.nextDouble() - 1;
    }
    EventSample events = EventSample.ofFeatures(List.of("a", "b"), x);
    double[][] thetas = {{-0.9, 0.4}, {-0.2, -1}, {0, 0}, {0.35, 0.7}, {0.8, -0.3}, {1, 1},
        {0.1, 0.2}};
    for (int width : new int[] {37, 100}) {
      for (Activation act : Activation.values()) {
        List<Network> members = List.of(randomNetwork(rng, act, width),
            randomNetwork(rng, act, width));
        ModelData data = new ModelData(Method.ALICES, Precision.FLOAT32, List.of("a", "b"),
            List.of("t1", "t2"), Scaling.identity(2), Scaling.identity(2),
            new double[][] {{-1, 1}, {-1, 1}}, members);
        RatioModel model = new RatioModel(data);
        double[][] graph = model.logRatio(events, thetas);
        double[][] scalar = GridRatioModel.withKernel(model, false).logRatio(events, thetas);
        double[][] vector = GridRatioModel.withKernel(model, true).logRatio(events, thetas);
        for (int j = 0; j < thetas.length; j++) {
          for (int i = 0; i < events.size(); i++) {
            // float32 sums of 100 products of O(1) terms (~1e-6 relative rounding each) and a
            // fast tanh within 5e-7: 1e-4 absolute on outputs of O(1)–O(10).
            String at = act + " width " + width + " θ " + j + " event " + i;
            assertEquals(graph[j][i], scalar[j][i], 1e-4, "scalar " + at);
            assertEquals(graph[j][i], vector[j][i], 1e-4, "vector " + at);
          }
        }
      }
    }
  }

  /** 4 inputs (2 θ + 2 x) → width → width → 1, weights U(−1, 1)·√(3/in), biases U(−0.5, 0.5). */
  private static Network randomNetwork(UniformRandomProvider rng, Activation act, int width) {
    List<Network.Dense> layers = new java.util.ArrayList<>();
    int in = 4;
    for (int o : new int[] {width, width, 1}) {
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

  @Test
  void matchesTheNd4jEvaluationOfTheFixture() throws Exception {
    Path dir = ModelFixture.copy();
    // Both evaluate in float32 (relative resolution 6e-8) through 3 layers of width 8.
    agree(ModelFolder.load(dir).ratioModel(), 1e-5);
  }

  @Test
  void matchesTheNd4jEvaluationOfAWideNetwork() {
    // 3 × 100 tanh with random weights: sums of 100 float products per layer, so 1e-4.
    agree((RatioModel) RandomModels.randomModel(100, 3, Precision.FLOAT32), 1e-4);
  }
}
