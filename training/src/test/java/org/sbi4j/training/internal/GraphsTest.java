package org.sbi4j.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;

/** The SameDiff graphs against a plain-Java oracle and finite differences, in float64. */
class GraphsTest extends SmallBatchTest {
  private static Network net(Activation act, long seed) {
    return Network.initial(P + D, List.of(6, 5), 1, act, seed);
  }

  private static double[] randomRows(int rows, int width, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] v = new double[rows * width];
    for (int i = 0; i < v.length; i++) {
      v[i] = 2 * rng.nextDouble() - 1;
    }
    return v;
  }

  private static INDArray arr(double[] v, int rows, int cols) {
    return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void outputsMatchTheJavaOracleAndFiniteDifferences(Activation act) {
    Network net = net(act, 11);
    double[] in = randomRows(B, P + D, 12);
    SameDiff sd = Graphs.ratio(net, P, DataType.DOUBLE, null, 0, 10);
    Map<String, INDArray> feed = new HashMap<>(Graphs.inputTangents(B, P + D, P, DataType.DOUBLE));
    feed.put(Graphs.INPUT, arr(in, B, P + D));
    Map<String, INDArray> out = sd.output(feed, Graphs.LOG_R_HAT, Graphs.T_HAT);
    double h = 1e-5;
    for (int i = 0; i < B; i++) {
      double[] row = java.util.Arrays.copyOfRange(in, i * (P + D), (i + 1) * (P + D));
      double[] oracle = NaiveNetwork.forwardWithTangents(net, row, P);
      // Same float64 arithmetic in a different order: agreement to rounding (1e-12).
      assertEquals(oracle[0], out.get(Graphs.LOG_R_HAT).getDouble(i, 0), 1e-12);
      for (int k = 0; k < P; k++) {
        double tHat = out.get(Graphs.T_HAT).getDouble(i, k);
        assertEquals(oracle[1 + k], tHat, 1e-12);
        double[] up = row.clone();
        double[] down = row.clone();
        up[k] += h;
        down[k] -= h;
        double fd = (net.forward(up)[0] - net.forward(down)[0]) / (2 * h);
        // Central differences: truncation O(h² f''') ~ 1e-10 for O(1) derivatives, rounding
        // O(ε/h) ~ 1e-11; 1e-8 leaves a wide margin.
        assertEquals(fd, tHat, 1e-8, "t̂ column " + k + " row " + i);
      }
    }
  }

  /** Where the tests keep the raw joint log ratio of a batch (not a graph placeholder). */
  private static final String LOG_R = "test_log_r";

  /** The placeholders the graph reads (the raw log r stays with the test). */
  private static Map<String, INDArray> feed(Map<String, INDArray> batch) {
    Map<String, INDArray> m = new HashMap<>(batch);
    m.remove(LOG_R);
    return m;
  }

  private static Map<String, INDArray> batch(RatioLoss loss, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    Map<String, INDArray> ph = new HashMap<>();
    ph.put(Graphs.INPUT, arr(randomRows(B, P + D, seed + 1), B, P + D));
    ph.putAll(Graphs.inputTangents(B, P + D, P, DataType.DOUBLE));
    double[] y = new double[B];
    double[] logR = new double[B];
    for (int i = 0; i < B; i++) {
      y[i] = i % 2;
      logR[i] = 3 * (2 * rng.nextDouble() - 1);
    }
    ph.put(Graphs.Y, arr(y, B, 1));
    ph.put(LOG_R, arr(logR, B, 1));
    Graphs.jointRatioLabels(loss, logR, 10).forEach((name, v) -> ph.put(name, arr(v, B, 1)));
    if (loss.usesScore()) {
      ph.put(Graphs.T, arr(randomRows(B, P, seed + 2), B, P));
    }
    return ph;
  }

  @ParameterizedTest
  @EnumSource(RatioLoss.class)
  void lossMatchesANaiveLoop(RatioLoss loss) {
    Network net = net(Activation.TANH, 21);
    Map<String, INDArray> ph = batch(loss, 22);
    SameDiff sd = Graphs.ratio(net, P, DataType.DOUBLE, loss, 0.7, 10);
    double graphLoss = sd.output(feed(ph), Graphs.LOSS).get(Graphs.LOSS).getDouble(0);
    double sum = 0;
    for (int i = 0; i < B; i++) {
      double[] row = ph.get(Graphs.INPUT).getRow(i).toDoubleVector();
      double[] o = NaiveNetwork.forwardWithTangents(net, row, P);
      double[] tHat = java.util.Arrays.copyOfRange(o, 1, 1 + P);
      double[] t = loss.usesScore() ? ph.get(Graphs.T).getRow(i).toDoubleVector() : new double[P];
      double logR = ph.get(LOG_R).getDouble(i, 0);
      sum +=
          NaiveNetwork.rowLoss(
              loss, o[0], tHat, ph.get(Graphs.Y).getDouble(i, 0), logR, t, 0.7, 10);
    }
    // float64 in both, different summation order: relative 1e-12.
    assertEquals(sum / B, graphLoss, 1e-12 * Math.max(1, Math.abs(graphLoss)));
  }

  @Test
  void clippingBoundsTheExponentiatedRatio() {
    // ROLR with a target log r of 50: clipped to 10, so the y=1 term is (r̂ − e^10)², not (r̂ −
    // e^50)².
    Network net = net(Activation.TANH, 31);
    Map<String, INDArray> ph = new HashMap<>();
    ph.put(Graphs.INPUT, arr(randomRows(1, P + D, 32), 1, P + D));
    ph.putAll(Graphs.inputTangents(1, P + D, P, DataType.DOUBLE));
    ph.put(Graphs.Y, arr(new double[] {1}, 1, 1));
    Graphs.jointRatioLabels(RatioLoss.ROLR, new double[] {50}, 10)
        .forEach((name, v) -> ph.put(name, arr(v, 1, 1)));
    SameDiff sd = Graphs.ratio(net, P, DataType.DOUBLE, RatioLoss.ROLR, 0, 10);
    double v = sd.output(feed(ph), Graphs.LOSS).get(Graphs.LOSS).getDouble(0);
    double logRHat = net.forward(ph.get(Graphs.INPUT).getRow(0).toDoubleVector())[0];
    double expected = NaiveNetwork.sq(Math.exp(logRHat) - Math.exp(10));
    assertEquals(expected, v, 1e-9 * expected);
  }

  @ParameterizedTest
  @EnumSource(RatioLoss.class)
  void weightGradientsMatchFiniteDifferences(RatioLoss loss) {
    Network net = net(Activation.TANH, 41);
    Map<String, INDArray> ph = batch(loss, 42);
    SameDiff sd = Graphs.ratio(net, P, DataType.DOUBLE, loss, 0.7, 10);
    Nd4jRuntime.createGradients(sd);
    String[] names = NaiveNetwork.parameterNames(net);
    Map<String, INDArray> grads = sd.calculateGradients(feed(ph), names);
    double h = 1e-6;
    int checked = 0;
    for (String name : names) {
      INDArray w = sd.getVariable(name).getArr();
      INDArray g = grads.get(name);
      for (long j = 0; j < w.length(); j++) {
        double fd = centralDifference(sd, ph, w, j, h);
        // Central differences in float64 with h = 1e-6: error ~ h² |f'''| + ε|f|/h ≈ 1e-10;
        // 1e-7 absolute plus 1e-6 relative is far above that and far below any real mistake.
        assertEquals(fd, g.getDouble(j), 1e-7 + 1e-6 * Math.abs(fd), name + "[" + j + "]");
        checked++;
      }
    }
    assertTrue(checked == net.parameterCount());
  }

  @Test
  void sallyGraphMatchesTheOracleAndItsGradients() {
    Network net = Network.initial(D, List.of(6, 5), P, Activation.TANH, 51);
    double[] x = randomRows(B, D, 52);
    double[] t = randomRows(B, P, 53);
    SameDiff sd = Graphs.score(net, DataType.DOUBLE, true);
    Map<String, INDArray> ph = Map.of(Graphs.INPUT, arr(x, B, D), Graphs.T, arr(t, B, P));
    double expected = 0;
    for (int i = 0; i < B; i++) {
      double[] o = net.forward(java.util.Arrays.copyOfRange(x, i * D, (i + 1) * D));
      for (int k = 0; k < P; k++) {
        expected += NaiveNetwork.sq(o[k] - t[i * P + k]) / B;
      }
    }
    assertEquals(expected, sd.output(feed(ph), Graphs.LOSS).get(Graphs.LOSS).getDouble(0), 1e-12);
    Nd4jRuntime.createGradients(sd);
    INDArray g = sd.calculateGradients(ph, "w0").get("w0");
    INDArray w = sd.getVariable("w0").getArr();
    double h = 1e-6;
    for (long j = 0; j < w.length(); j++) {
      // As above: central differences, float64.
      assertEquals(centralDifference(sd, ph, w, j, h), g.getDouble(j), 1e-7);
    }
  }

  /** (L(w_j + h) − L(w_j − h)) / 2h of the graph's loss, w_j restored after. */
  private static double centralDifference(
      SameDiff sd, Map<String, INDArray> ph, INDArray w, long j, double h) {
    double orig = w.getDouble(j);
    w.putScalar(j, orig + h);
    double up = sd.output(feed(ph), Graphs.LOSS).get(Graphs.LOSS).getDouble(0);
    w.putScalar(j, orig - h);
    double down = sd.output(feed(ph), Graphs.LOSS).get(Graphs.LOSS).getDouble(0);
    w.putScalar(j, orig);
    return (up - down) / (2 * h);
  }
}
