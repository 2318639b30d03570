package org.sbi4j.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sbi4j.training.losses.RatioLoss;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.simd.DenseKernel;
import org.sbi4j.training.simd.ScalarKernel;
import org.sbi4j.training.simd.VectorKernel;

/**
 * The fused loss and weight gradients of the difference form log r̂(x|θ0,θ1) = g(θ0, x) − g(θ1, x)
 * (docs/math.md §3.8) against a plain double oracle: the row losses of {@link NaiveNetwork} on g's
 * outputs and θ0-tangents from {@link NaiveNetwork#forwardWithTangents}, the gradients by central
 * differences of that oracle's batch-mean loss. p = 2, d = 3, a batch of 7 rows (not a multiple of
 * 4) with both activations and one of 2 chunks and a short one (tanh), every ratio loss, both
 * kernels.
 */
class FusedDifferenceTest extends SmallBatchTest {
  static final double ALPHA = 0.7;
  static final double CLIP = 10;

  /** Inputs (θ0 (P), θ1 (P), x (D)) in [−1, 1], y alternating, log r in [−3, 3], t in [−1, 1]. */
  private record Rows(double[] in, double[] y, double[] logR, double[] t) {
    static Rows draw(int n, long seed) {
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
      double[] in = new double[n * (2 * P + D)];
      for (int i = 0; i < in.length; i++) {
        in[i] = 2 * rng.nextDouble() - 1;
      }
      double[] y = new double[n];
      double[] logR = new double[n];
      double[] t = new double[n * P];
      for (int i = 0; i < n; i++) {
        y[i] = i % 2;
        logR[i] = 3 * (2 * rng.nextDouble() - 1);
      }
      for (int i = 0; i < t.length; i++) {
        t[i] = 2 * rng.nextDouble() - 1;
      }
      return new Rows(in, y, logR, t);
    }

    Table table(RatioLoss loss) {
      int n = y.length;
      Table table = new Table(n);
      table.put(Graphs.INPUT, in, 2 * P + D).withInputTangents(P);
      table.put(Graphs.Y, y, 1);
      Graphs.jointRatioLabels(loss, logR, CLIP).forEach((name, v) -> table.put(name, v, 1));
      if (loss.usesScore()) {
        table.put(Graphs.T, t, P);
      }
      return table;
    }

    /**
     * The batch-mean loss of g = {@code net} in double: row i's log r̂ = g(θ0_i, x_i) − g(θ1_i,
     * x_i), t̂ = ∂g(θ0_i, x_i)/∂θ0.
     */
    double loss(Network net, RatioLoss loss) {
      int n = y.length;
      int w = 2 * P + D;
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double[] at0 = new double[P + D];
        double[] at1 = new double[P + D];
        System.arraycopy(in, i * w, at0, 0, P);
        System.arraycopy(in, i * w + P, at1, 0, P);
        System.arraycopy(in, i * w + 2 * P, at0, P, D);
        System.arraycopy(in, i * w + 2 * P, at1, P, D);
        double[] g0 = NaiveNetwork.forwardWithTangents(net, at0, P);
        double g1 = NaiveNetwork.forwardWithTangents(net, at1, 0)[0];
        double[] tHat = java.util.Arrays.copyOfRange(g0, 1, 1 + P);
        double[] ti = java.util.Arrays.copyOfRange(t, i * P, (i + 1) * P);
        sum += NaiveNetwork.rowLoss(loss, g0[0] - g1, tHat, y[i], logR[i], ti, ALPHA, CLIP);
      }
      return sum / n;
    }
  }

  @ParameterizedTest
  @EnumSource(RatioLoss.class)
  void lossAndGradientsMatchTheDoubleOracle(RatioLoss loss) {
    for (Activation act : Activation.values()) {
      Network net = Network.initial(P + D, List.of(21, 5), 1, act, 71);
      // the 3-chunk batch with one activation: the chunking does not depend on it
      int[] sizes =
          act == Activation.TANH ? new int[] {B, 2 * FusedFitter.CHUNK + 22} : new int[] {B};
      for (int rows : sizes) {
        Rows r = Rows.draw(rows, 72 + rows);
        double[][] oracle = oracle(net, r, loss);
        for (DenseKernel kernel : new DenseKernel[] {new ScalarKernel(), VectorKernel.create()}) {
          FusedFitter f = FusedFitter.difference(net, P, loss, ALPHA, CLIP, kernel);
          assertMatches(
              net, oracle, f.gradients(r.table(loss)), loss + " " + act + " " + rows + " rows");
        }
      }
    }
  }

  /** {loss}, then per layer {∂/∂w (in × out, unpadded), ∂/∂b} of the double oracle. */
  private static double[][] oracle(Network net, Rows r, RatioLoss loss) {
    int layers = net.layers().size();
    double[][] out = new double[1 + 2 * layers][];
    out[0] = new double[] {r.loss(net, loss)};
    for (int l = 0; l < layers; l++) {
      Network.Dense d = net.layers().get(l);
      out[1 + 2 * l] = new double[d.in() * d.out()];
      out[2 + 2 * l] = new double[d.out()];
      for (int k = 0; k < d.in() * d.out(); k++) {
        out[1 + 2 * l][k] = centralDifference(net, r, loss, l, k, false);
      }
      for (int o = 0; o < d.out(); o++) {
        out[2 + 2 * l][o] = centralDifference(net, r, loss, l, o, true);
      }
    }
    return out;
  }

  private static void assertMatches(Network net, double[][] oracle, double[][] fused, String at) {
    // float32 arithmetic (6e-8 relative per operation) against double; sums of up to 150 rows × 4
    // row blocks round like √600 × 6e-8 ≈ 1.5e-6: 2e-5 relative to the largest value, as the
    // fused engine's other tests. Here every gradient is the θ0 half's contribution minus the θ1
    // half's, which nearly cancel where g barely depends on θ (the biases): the rounding is
    // relative to the halves' contributions, of the order of the largest gradient of the network,
    // not to their small difference, so the scale is at least that largest gradient.
    double l0 = oracle[0][0];
    assertEquals(l0, fused[0][0], 2e-5 * Math.max(1, Math.abs(l0)), at + " loss");
    double largest = 0;
    for (int a = 1; a < oracle.length; a++) {
      largest = Math.max(largest, maxAbs(oracle[a]));
    }
    int layers = net.layers().size();
    for (int l = 0; l < layers; l++) {
      Network.Dense d = net.layers().get(l);
      int paddedOut = l == layers - 1 ? d.out() : DenseKernel.padded(d.out());
      double[] gw = oracle[1 + 2 * l];
      double[] gb = oracle[2 + 2 * l];
      double scale = Math.max(1e-3, largest);
      for (int i = 0; i < d.in(); i++) {
        for (int o = 0; o < d.out(); o++) {
          assertEquals(
              gw[i * d.out() + o],
              fused[1 + 2 * l][i * paddedOut + o],
              2e-5 * scale,
              at + " w" + l + "[" + i + "," + o + "]");
        }
      }
      double scaleB = Math.max(1e-3, largest);
      for (int o = 0; o < d.out(); o++) {
        // the output bias cancels in g(θ0, x) − g(θ1, x): both gradients are 0 (oracle ~1e-11)
        assertEquals(gb[o], fused[2 + 2 * l][o], 2e-5 * scaleB, at + " b" + l + "[" + o + "]");
      }
    }
  }

  /**
   * ∂loss/∂(weight or bias {@code k} of layer {@code l}) of the double oracle by central
   * differences with step 1e-5: truncation O(h²) ≈ 1e-10 and rounding ≈ 1e-16/1e-5 = 1e-11 relative
   * to the loss, far inside the float32 tolerance.
   */
  private static double centralDifference(
      Network net, Rows r, RatioLoss loss, int l, int k, boolean bias) {
    double h = 1e-5;
    return (r.loss(shifted(net, l, k, bias, h), loss) - r.loss(shifted(net, l, k, bias, -h), loss))
        / (2 * h);
  }

  private static Network shifted(Network net, int l, int k, boolean bias, double h) {
    List<Network.Dense> layers = new java.util.ArrayList<>(net.layers());
    Network.Dense d = layers.get(l);
    double[] w = d.w().clone();
    double[] b = d.b().clone();
    if (bias) {
      b[k] += h;
    } else {
      w[k] += h;
    }
    layers.set(l, new Network.Dense(d.in(), d.out(), w, b));
    return new Network(net.activation(), layers);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }
}
