package org.sbi4j.inference.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.bench.LimitsBenchmark;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.ModelFolder;
import org.sbi4j.training.Precision;
import org.sbi4j.training.RatioModel;

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
    RatioModel model = (RatioModel) LimitsBenchmark.randomModel(16, 3, Precision.FLOAT32);
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

  @Test
  void matchesTheNd4jEvaluationOfTheFixture() throws Exception {
    Path dir = Path.of(getClass().getResource("/model-fixture/model.json").toURI()).getParent();
    // Both evaluate in float32 (relative resolution 6e-8) through 3 layers of width 8.
    agree(ModelFolder.load(dir).ratioModel(), 1e-5);
  }

  @Test
  void matchesTheNd4jEvaluationOfAWideNetwork() {
    // 3 × 100 tanh with random weights: sums of 100 float products per layer, so 1e-4.
    agree((RatioModel) LimitsBenchmark.randomModel(100, 3, Precision.FLOAT32), 1e-4);
  }
}
