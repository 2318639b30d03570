package org.sbi4j.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.simd.DenseKernel;
import org.sbi4j.training.simd.ScalarKernel;
import org.sbi4j.training.simd.VectorKernel;
import org.sbi4j.training.simd.VectorSupport;

/**
 * The fused float32 loss and weight gradients against the SameDiff graph's in float64 (the graph is
 * itself checked against finite differences in {@link GraphsTest}), for every ratio loss, both
 * activations, p = 2 tangent directions, widths that are not multiples of the padding and a batch
 * of 7 rows (not a multiple of 4); and SALLY's score network (P outputs, no tangents) likewise.
 */
class FusedFitterTest extends SmallBatchTest {
  static Table table(RatioLoss loss, int rows, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    Table t = new Table(rows);
    double[] in = new double[rows * (P + D)];
    for (int i = 0; i < in.length; i++) {
      in[i] = 2 * rng.nextDouble() - 1;
    }
    t.put(Graphs.INPUT, in, P + D).withInputTangents(P);
    double[] y = new double[rows];
    double[] logR = new double[rows];
    for (int i = 0; i < rows; i++) {
      y[i] = i % 2;
      logR[i] = 3 * (2 * rng.nextDouble() - 1);
    }
    t.put(Graphs.Y, y, 1);
    Graphs.jointRatioLabels(loss, logR, 10).forEach((name, v) -> t.put(name, v, 1));
    if (loss.usesScore()) {
      double[] score = new double[rows * P];
      for (int i = 0; i < score.length; i++) {
        score[i] = 2 * rng.nextDouble() - 1;
      }
      t.put(Graphs.T, score, P);
    }
    return t;
  }

  /** A SALLY table: D inputs in [−1, 1] and P score targets in [−2, 2]. */
  static Table scoreTable(int rows, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] in = new double[rows * D];
    for (int i = 0; i < in.length; i++) {
      in[i] = 2 * rng.nextDouble() - 1;
    }
    double[] t = new double[rows * P];
    for (int i = 0; i < t.length; i++) {
      t[i] = 4 * rng.nextDouble() - 2;
    }
    Table table = new Table(rows);
    table.put(Graphs.INPUT, in, D);
    table.put(Graphs.T, t, P);
    return table;
  }

  @ParameterizedTest
  @EnumSource(RatioLoss.class)
  void lossAndGradientsMatchTheGraph(RatioLoss loss) {
    assertTrue(VectorSupport.AVAILABLE, "tests run with --add-modules jdk.incubator.vector");
    for (Activation act : Activation.values()) {
      Network net = Network.initial(P + D, List.of(21, 5), 1, act, 61);
      Table t = table(loss, B, 62);
      SameDiff sd = Graphs.ratio(net, P, DataType.DOUBLE, loss, 0.7, 10);
      Nd4jRuntime.createGradients(sd);
      for (DenseKernel kernel : new DenseKernel[] {new ScalarKernel(), VectorKernel.create()}) {
        FusedFitter f = new FusedFitter(net, P, loss, 0.7, 10, kernel);
        assertMatches(sd, net, t, f, loss + " " + act + " " + kernel.getClass().getSimpleName());
      }
    }
  }

  /**
   * SALLY's network (D inputs, P outputs, no tangents) and its loss mean_B Σ_k (t̂_k − t_k)², fused
   * against {@link Graphs#score} in float64.
   */
  @Test
  void sallyLossAndGradientsMatchTheGraph() {
    for (Activation act : Activation.values()) {
      Network net = Network.initial(D, List.of(21, 5), P, act, 63);
      Table t = scoreTable(B, 64);
      SameDiff sd = Graphs.score(net, DataType.DOUBLE, true);
      Nd4jRuntime.createGradients(sd);
      for (DenseKernel kernel : new DenseKernel[] {new ScalarKernel(), VectorKernel.create()}) {
        FusedFitter f = FusedFitter.score(net, kernel);
        assertMatches(sd, net, t, f, "SALLY " + act + " " + kernel.getClass().getSimpleName());
      }
    }
  }

  /**
   * A batch of 2 full chunks and a short one (150 rows): the chunks' shares of the loss and of the
   * gradients add up to the graph's batch mean.
   */
  @ParameterizedTest
  @EnumSource(RatioLoss.class)
  void chunkedBatchMatchesTheGraph(RatioLoss loss) {
    int rows = 2 * FusedFitter.CHUNK + 22;
    Network net = Network.initial(P + D, List.of(21, 5), 1, Activation.TANH, 65);
    Table t = table(loss, rows, 66);
    SameDiff sd = Graphs.ratio(net, P, DataType.DOUBLE, loss, 0.7, 10);
    Nd4jRuntime.createGradients(sd);
    FusedFitter f = new FusedFitter(net, P, loss, 0.7, 10, VectorKernel.create());
    assertMatches(sd, net, t, f, loss + " in 3 chunks");
    Network score = Network.initial(D, List.of(21, 5), P, Activation.TANH, 67);
    SameDiff sally = Graphs.score(score, DataType.DOUBLE, true);
    Nd4jRuntime.createGradients(sally);
    assertMatches(
        sally,
        score,
        scoreTable(rows, 68),
        FusedFitter.score(score, VectorKernel.create()),
        "SALLY");
  }

  /** The fused loss and every weight gradient of {@code f} on {@code t} equal the graph's. */
  private static void assertMatches(SameDiff sd, Network net, Table t, FusedFitter f, String at) {
    int layers = net.layers().size();
    String[] names = NaiveNetwork.parameterNames(net);
    Map<String, INDArray> ph = t.placeholders(0, t.rows(), DataType.DOUBLE);
    double graphLoss = sd.output(ph, Graphs.LOSS).get(Graphs.LOSS).getDouble(0);
    Map<String, INDArray> grads = sd.calculateGradients(ph, names);
    double[][] fused = f.gradients(t);
    // float32 arithmetic (6e-8 relative per operation) against float64. A sum of n terms has
    // rounding errors of random sign, growing like √n: a few dozen terms here, up to 150 rows × 3
    // row blocks in the chunked test (√450 × 6e-8 ≈ 1.3e-6). 2e-5 relative to the largest value.
    assertEquals(graphLoss, fused[0][0], 2e-5 * Math.max(1, Math.abs(graphLoss)), at);
    for (int l = 0; l < layers; l++) {
      Network.Dense d = net.layers().get(l);
      INDArray gw = grads.get(names[2 * l]);
      INDArray gb = grads.get(names[2 * l + 1]);
      int paddedOut = l == layers - 1 ? d.out() : DenseKernel.padded(d.out());
      double scale = Math.max(1e-3, gw.amaxNumber().doubleValue());
      for (int i = 0; i < d.in(); i++) {
        for (int o = 0; o < d.out(); o++) {
          assertEquals(
              gw.getDouble(i, o),
              fused[1 + 2 * l][i * paddedOut + o],
              2e-5 * scale,
              at + " w" + l + "[" + i + "," + o + "]");
        }
      }
      double scaleB = Math.max(1e-3, gb.amaxNumber().doubleValue());
      for (int o = 0; o < d.out(); o++) {
        assertEquals(
            gb.getDouble(o), fused[2 + 2 * l][o], 2e-5 * scaleB, at + " b" + l + "[" + o + "]");
      }
      // Padding stays inert: no gradient reaches the padded weights.
      for (int k = 0; k < fused[1 + 2 * l].length; k++) {
        int i = k / paddedOut;
        int o = k % paddedOut;
        if (i >= d.in() || o >= d.out()) {
          assertEquals(0.0, fused[1 + 2 * l][k], 0.0, at + " padded w" + l + "[" + k + "]");
        }
      }
    }
  }
}
