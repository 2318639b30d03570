package org.sbi4j.training.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Interference2D;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.training.internal.Graphs;
import org.sbi4j.training.internal.MorphingAwareGraph;
import org.sbi4j.training.internal.Nd4jRuntime;

/**
 * The morphing-aware combination (docs/math.md §3.9): r̂(x|θ)·σ(θ) is exactly a polynomial of the
 * morphing components in θ, equals Σ_b w_b σ_b r̂_b computed from the network by hand, t̂ is its
 * θ-derivative, and the SameDiff training graph computes the same log r̂ and t̂ as the evaluator.
 */
class MorphingAwareTest {
  private static final double CLIP = 10;

  private static MorphingAware spec(Simulator sim, MorphingAware.Kind kind) {
    Morpher m = sim.setup().morpher();
    double[] sigma = new double[m.benchmarkCount()];
    for (int b = 0; b < sigma.length; b++) {
      sigma[b] = sim.crossSection(m.basis()[b]);
    }
    return new MorphingAware(kind, m.components(), m.basis(), m.matrix(), sigma, CLIP, null, null);
  }

  private static MorphingAwareModel model(Simulator sim, MorphingAware spec, long seed) {
    int d = sim.observables().size();
    // small weights: outputs of order 0.3, so that every r̂_b is near 1 and no numerator is floored
    Network raw = Network.initial(d, List.of(6), spec.outputs(), Activation.TANH, seed);
    List<Network.Dense> layers =
        raw.layers().stream()
            .map(
                l -> {
                  double[] w = l.w();
                  for (int k = 0; k < w.length; k++) {
                    w[k] *= 0.3;
                  }
                  return new Network.Dense(l.in(), l.out(), w, l.b());
                })
            .toList();
    Network net = new Network(Activation.TANH, layers);
    return new MorphingAwareModel(
        sim.observables(),
        sim.setup().parameterNames(),
        new Scaling(new double[d], filled(d, 1.5)),
        new double[][] {{-1, 1}},
        spec,
        List.of(net));
  }

  private static double[] filled(int n, double v) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, v);
    return out;
  }

  @Test
  void linearRatioIsExactlyTheMorphingPolynomialAtTwentyThetas() {
    Simulator sim = new Interference1D();
    MorphingAware spec = spec(sim, MorphingAware.Kind.LINEAR);
    MorphingAwareModel model = model(sim, spec, 3);
    Morpher morpher = spec.morpher();
    double[] sigma = spec.benchmarkSigma();
    double[] xs = {-0.8, 0.4, 1.9};
    EventSample events = EventSample.ofFeatures(sim.observables(), xs);
    double[][] thetas = new double[20][];
    for (int j = 0; j < 20; j++) {
      thetas[j] = new double[] {-1 + 2.0 * j / 19};
    }
    double[][] lr = model.logRatio(events, thetas);
    double[][][] t = model.score(events, thetas);
    Network net = model.networks().get(0);
    for (int i = 0; i < xs.length; i++) {
      double[] o = net.forward(new double[] {xs[i] / 1.5});
      // N(θ) = r̂·σ(θ) = Σ_b w_b(θ) σ_b e^{o_b}: a quadratic in θ (components 1, θ, θ²); its
      // coefficients from the morphing matrix, c_k = Σ_b W_kb σ_b e^{o_b}
      double[][] w = spec.matrix();
      double[] c = new double[3];
      for (int k = 0; k < 3; k++) {
        for (int b = 0; b < 3; b++) {
          c[k] += w[k][b] * sigma[b] * Math.exp(o[b]);
        }
      }
      for (int j = 0; j < 20; j++) {
        double th = thetas[j][0];
        double poly = c[0] + c[1] * th + c[2] * th * th;
        double sig = morpher.crossSection(thetas[j], sigma);
        double rHat = Math.exp(lr[j][i]);
        // double arithmetic on sums of three terms of order 1: 1e-10 relative is ~1e6 ulps
        assertEquals(poly, rHat * sig, 1e-10 * Math.abs(poly), "x " + xs[i] + " θ " + th);
        double dpoly = c[1] + 2 * c[2] * th;
        double dsig = morpher.crossSectionGradient(thetas[j], sigma)[0];
        assertEquals(dpoly / poly - dsig / sig, t[j][i][0], 1e-10);
        assertTrue(lr[j][i] > -CLIP, "no numerator may be floored in this check");
      }
    }
  }

  @Test
  void quadraticRatioIsExactlyQuadraticOverTheCrossSection() {
    Simulator sim = new Interference1D();
    MorphingAware spec = spec(sim, MorphingAware.Kind.QUADRATIC);
    MorphingAwareModel model = model(sim, spec, 4);
    Morpher morpher = spec.morpher();
    double[] sigma = spec.benchmarkSigma();
    double s0 = morpher.crossSection(new double[] {0}, sigma);
    double[] xs = {-0.3, 1.2};
    double[][] thetas = new double[20][];
    for (int j = 0; j < 20; j++) {
      thetas[j] = new double[] {-1 + 2.0 * j / 19};
    }
    double[][] lr = model.logRatio(EventSample.ofFeatures(sim.observables(), xs), thetas);
    for (int i = 0; i < xs.length; i++) {
      double[] o = model.networks().get(0).forward(new double[] {xs[i] / 1.5});
      for (int j = 0; j < 20; j++) {
        double th = thetas[j][0];
        double num = Math.pow(1 + th * o[0], 2) + Math.pow(th * o[1], 2);
        double den = morpher.crossSection(thetas[j], sigma) / s0;
        assertEquals(num / den, Math.exp(lr[j][i]), 1e-10 * num / den);
      }
    }
  }

  @Test
  void theTrainingGraphComputesTheEvaluatorsLogRatioAndScore() {
    Nd4jRuntime.configure();
    for (int variant = 0; variant < 4; variant++) {
      MorphingAware.Kind kind =
          variant == 3 ? MorphingAware.Kind.QUADRATIC : MorphingAware.Kind.LINEAR;
      Simulator sim =
          kind == MorphingAware.Kind.LINEAR ? new Interference2D() : new Interference1D();
      MorphingAware spec = spec(sim, kind);
      if (variant > 0 && kind == MorphingAware.Kind.LINEAR) {
        // the SM component fixed to 1, two outputs per component
        spec =
            spec.withBasis(
                spec.basis(),
                new double[] {0, 0},
                variant == 1
                    ? MorphingAware.ComponentForm.SQUARES
                    : MorphingAware.ComponentForm.SQUARE_PLUS_EXP);
      }
      MorphingAwareModel model = model(sim, spec, 5);
      Network net = model.networks().get(0);
      int d = sim.observables().size();
      int p = spec.parameterCount();
      double[][] rows = {{0.3, -0.7, 0.1}, {-0.9, 0.2, 0.4}, {0.5, 0.5, -0.2}};
      double[][] thetas = {{0.2, -0.4}, {-0.6, 0.8}, {0.9, 0.1}};
      SameDiff sd = MorphingAwareGraph.build(net, spec, DataType.DOUBLE, null, 0);
      int n = rows.length;
      double[] x = new double[n * d];
      double[] raw = new double[n * d];
      Morpher morpher = spec.morpher();
      int width = kind == MorphingAware.Kind.LINEAR ? spec.basis().length : 1;
      double[][] fed = new double[kind == MorphingAware.Kind.LINEAR ? 1 + p : 3][n * width];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          raw[i * d + j] = rows[i][j];
          x[i * d + j] = rows[i][j] / 1.5;
        }
        double[][] c = spec.coefficients(morpher, java.util.Arrays.copyOf(thetas[i], p));
        for (int q = 0; q < fed.length; q++) {
          System.arraycopy(c[q], 0, fed[q], i * width, width);
        }
      }
      Map<String, INDArray> ph = new java.util.HashMap<>();
      ph.put(Graphs.INPUT, Nd4j.create(x, new long[] {n, d}, DataType.DOUBLE));
      ph.put(
          MorphingAwareGraph.COEFFICIENTS,
          Nd4j.create(fed[0], new long[] {n, width}, DataType.DOUBLE));
      if (kind == MorphingAware.Kind.LINEAR) {
        for (int k = 0; k < p; k++) {
          ph.put(
              MorphingAwareGraph.COEFFICIENT_GRADIENT + k,
              Nd4j.create(fed[1 + k], new long[] {n, width}, DataType.DOUBLE));
        }
      } else {
        ph.put(
            MorphingAwareGraph.DENOMINATOR,
            Nd4j.create(fed[1], new long[] {n, 1}, DataType.DOUBLE));
        ph.put(
            MorphingAwareGraph.DENOMINATOR_GRADIENT,
            Nd4j.create(fed[2], new long[] {n, 1}, DataType.DOUBLE));
      }
      Map<String, INDArray> out = sd.output(ph, Graphs.LOG_R_HAT, Graphs.T_HAT);
      double[] theta = new double[n * p];
      for (int i = 0; i < n; i++) {
        System.arraycopy(thetas[i], 0, theta, i * p, p);
      }
      var pr = model.predict(theta, raw);
      for (int i = 0; i < n; i++) {
        // the same double arithmetic in another order: 1e-12
        assertEquals(pr.logRatio()[i], out.get(Graphs.LOG_R_HAT).getDouble(i, 0), 1e-12);
        for (int k = 0; k < p; k++) {
          double g =
              p == 1
                  ? out.get(Graphs.T_HAT).getDouble(i, 0)
                  : out.get(Graphs.T_HAT).getDouble(i, k);
          assertEquals(pr.score()[i * p + k], g, 1e-12, kind + " t̂ row " + i + " k " + k);
        }
      }
    }
  }

  @Test
  void fixedAndSquaredComponentsAreTheirFormulas() {
    Simulator sim = new Interference1D();
    MorphingAware exp =
        spec(sim, MorphingAware.Kind.LINEAR)
            .withBasis(new double[][] {{0}, {1}, {-1}}, new double[] {0}, null);
    assertEquals(0, exp.fixedComponent());
    double[] r = exp.componentRatios(new double[] {0.7, -0.4, 0.25});
    assertEquals(1, r[0]);
    assertEquals(Math.exp(-0.4), r[1], 1e-15);
    assertEquals(Math.exp(0.25), r[2], 1e-15);
    MorphingAware squares = exp.withBasis(exp.basis(), null, MorphingAware.ComponentForm.SQUARES);
    assertEquals(6, squares.outputs());
    double[] q = squares.componentRatios(new double[] {0.2, -0.5, -1, 0.3, 0.1, 0});
    assertEquals(1.2 * 1.2 + 0.3 * 0.3, q[0], 1e-15);
    assertEquals(0.5 * 0.5 + 0.1 * 0.1, q[1], 1e-15);
    // (1 − 1)² + 0² = 0 is clamped to e^{−c}
    assertEquals(Math.exp(-CLIP), q[2], 1e-15);
    MorphingAware mixed =
        exp.withBasis(exp.basis(), null, MorphingAware.ComponentForm.SQUARE_PLUS_EXP);
    double[] m = mixed.componentRatios(new double[] {0.2, -1, -1, 0.3, -2, 20});
    assertEquals((1.2 * 1.2 + Math.exp(0.3)) / 2, m[0], 1e-15);
    assertEquals(Math.exp(-2) / 2, m[1], 1e-15);
    // v = 20 is clipped at c before the exponential: (0 + e^{c})/2
    assertEquals(Math.exp(CLIP) / 2, m[2], 1e-12 * Math.exp(CLIP));
  }

  @Test
  void anotherBasisGivesTheSamePolynomial() {
    // r̂·σ(θ) of a model on the basis 0, ±1 at the points −1, −0.5, 0.4 gives the components on
    // that
    // basis; the re-expressed combination must then be the same polynomial at every θ, and its
    // σ(θ) the exact 1 + θ² of interference-1d
    Simulator sim = new Interference1D();
    MorphingAware spec = spec(sim, MorphingAware.Kind.LINEAR);
    double[][] other = {{-1}, {-0.5}, {0.4}};
    MorphingAware moved = spec.withBasis(other, null, null);
    double[] o = {0.3, -0.2, 0.5};
    double[] o2 = new double[3];
    for (int b = 0; b < 3; b++) {
      double n = numerator(spec, o, other[b][0]);
      o2[b] = Math.log(n / moved.benchmarkSigma()[b]);
      assertEquals(1 + other[b][0] * other[b][0], moved.benchmarkSigma()[b], 1e-12);
    }
    for (int j = 0; j < 20; j++) {
      double th = -0.975 + 0.1 * j;
      // sums of three order-1 terms in double: 1e-12 relative
      assertEquals(numerator(spec, o, th), numerator(moved, o2, th), 1e-12);
    }
  }

  @Test
  void anEnsembleIsTheMeanOfItsMembersPolynomials() {
    Simulator sim = new Interference1D();
    MorphingAware spec = spec(sim, MorphingAware.Kind.LINEAR);
    MorphingAwareModel a = model(sim, spec, 6);
    MorphingAwareModel b = model(sim, spec, 7);
    MorphingAwareModel both =
        new MorphingAwareModel(
            a.observables(),
            a.parameters(),
            a.xScaling(),
            a.thetaRange(),
            spec,
            List.of(a.networks().get(0), b.networks().get(0)));
    double[] xs = {-0.5, 0.8, 2.6};
    EventSample events = EventSample.ofFeatures(sim.observables(), xs);
    double[][] thetas = new double[20][];
    for (int j = 0; j < 20; j++) {
      thetas[j] = new double[] {-0.975 + 0.1 * j};
    }
    double[][] la = a.logRatio(events, thetas);
    double[][] lb = b.logRatio(events, thetas);
    double[][] lab = both.logRatio(events, thetas);
    for (int j = 0; j < 20; j++) {
      for (int i = 0; i < xs.length; i++) {
        // N = r̂·σ(θ) of the ensemble is the mean of the members' N (σ(θ) cancels)
        double mean = (Math.exp(la[j][i]) + Math.exp(lb[j][i])) / 2;
        assertEquals(mean, Math.exp(lab[j][i]), 1e-12 * mean);
        double[] pr = both.predict(thetas[j], new double[] {xs[i]}).logRatio();
        assertEquals(lab[j][i], pr[0], 1e-12);
      }
    }
    // t̂ of the ensemble is the θ-derivative of its log r̂ (central difference, h = 1e−5: error
    // O(h²) of the order-1 third derivative, far below 1e−7)
    double h = 1e-5;
    for (int i = 0; i < xs.length; i++) {
      double[] up = both.predict(new double[] {0.3 + h}, new double[] {xs[i]}).logRatio();
      double[] down = both.predict(new double[] {0.3 - h}, new double[] {xs[i]}).logRatio();
      double[][][] t = both.score(events, new double[][] {{0.3}});
      assertEquals((up[0] - down[0]) / (2 * h), t[0][i][0], 1e-7);
    }
  }

  /** r̂·σ(θ) of a linear combination from its outputs. */
  private static double numerator(MorphingAware spec, double[] o, double theta) {
    Morpher m = spec.morpher();
    double[] th = {theta};
    double lr = spec.combine(o, spec.coefficients(m, th))[0];
    return Math.exp(lr) * m.crossSection(th, spec.benchmarkSigma());
  }
}
