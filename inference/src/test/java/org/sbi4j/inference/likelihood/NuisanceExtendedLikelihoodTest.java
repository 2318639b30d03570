package org.sbi4j.inference.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;

/**
 * The ν-gradient of the unbinned likelihood with nuisance parameters equals central differences of
 * its value, for the exact ratio over θ ⊕ ν (gradient from the simulator's score) and for a float64
 * ratio network over θ ⊕ ν (log r̂ and t̂ from one tangent pass, the value path from the grid
 * kernel), and its value is the Poisson term plus the weighted log r̂ written out.
 */
class NuisanceExtendedLikelihoodTest {
  static final double L = 10;
  private final Interference1D sim = Interference1D.withNuisances();
  private final EventSample file = sim.events(4_000, 9);

  private NuisanceExtendedLikelihood likelihood(RatioEstimator estimator) {
    MorphedEvents rate = new MorphedEvents(file);
    Dataset asimov =
        Dataset.asimov(new MorphedEvents(file.range(3_000, 4_000)), rate, new double[] {0.1}, L);
    return new NuisanceExtendedLikelihood(
        estimator,
        asimov,
        new NuisanceEvents(rate, file.nuisanceMorphing(NuisanceMorphing.Policy.ERROR)),
        sim.nuisances().names(),
        L);
  }

  private static void gradientMatchesDifferences(NuisanceExtendedLikelihood ll) {
    double[] theta = {-0.2};
    double[] nu = {0.3, -0.5};
    double[] g = new double[2];
    double v = ll.evaluate(theta, nu, g);
    assertEquals(ll.evaluate(theta, nu, null), v, 1e-9 * Math.abs(v));
    double h = 1e-5;
    for (int j = 0; j < 2; j++) {
      double[] up = nu.clone();
      double[] down = nu.clone();
      up[j] += h;
      down[j] -= h;
      double fd = (ll.evaluate(theta, up, null) - ll.evaluate(theta, down, null)) / (2 * h);
      // central differences of a smooth function: error ~h² ≈ 1e-10 relative, rounding ~1e-9
      assertEquals(fd, g[j], 1e-6 * Math.max(1, Math.abs(fd)), "∂/∂ν_" + j);
    }
  }

  @Test
  void exactRatioGradient() {
    gradientMatchesDifferences(likelihood(ExactRatio.withNuisances(sim, new double[] {0.5})));
  }

  @Test
  void networkGradientFromOneTangentPass() {
    RatioModel net = network();
    gradientMatchesDifferences(likelihood(net));
    gradientMatchesDifferences(likelihood(net).withJointEvaluation(net::logRatioAndTangents));
    // the ν tangents alone give the gradient of the full score's ν components (same float64
    // arithmetic per tangent, the member mean taken in another order: a few ulps of log L)
    double[] theta = {0.3};
    double[] nu = {-0.4, 0.7};
    double[] full = new double[2];
    double[] onlyNu = new double[2];
    double v = likelihood(net).evaluate(theta, nu, full);
    double w =
        likelihood(net).withJointEvaluation(net::logRatioAndTangents).evaluate(theta, nu, onlyNu);
    assertEquals(v, w, 1e-12 * Math.abs(v));
    for (int j = 0; j < 2; j++) {
      assertEquals(full[j], onlyNu[j], 1e-10 * Math.max(1, Math.abs(full[j])));
    }
  }

  @Test
  void valueIsPoissonPlusWeightedLogRatio() {
    ExactRatio exact = ExactRatio.withNuisances(sim, new double[] {0.5});
    NuisanceExtendedLikelihood ll = likelihood(exact);
    MorphedEvents rate = new MorphedEvents(file);
    MorphedEvents test = new MorphedEvents(file.range(3_000, 4_000));
    Dataset asimov = Dataset.asimov(test, rate, new double[] {0.1}, L);
    double[] theta = {0.4};
    double[] nu = {-0.8, 1.2};
    double sigma = 0;
    double[] d = rate.dsigma(theta);
    var m = file.nuisanceMorphing(NuisanceMorphing.Policy.ERROR);
    for (int e = 0; e < d.length; e++) {
      sigma += d[e] * Math.exp(m.logFactor(e, nu));
    }
    double n = asimov.count();
    double expect =
        n * Math.log(L * sigma)
            - L * sigma
            - org.apache.commons.math3.special.Gamma.logGamma(n + 1);
    double[] w = asimov.weights();
    for (int i = 0; i < w.length; i++) {
      double[] x = test.sample().xRow(i);
      expect +=
          w[i]
              * (sim.logLikelihood(x, theta, nu)
                  - sim.logLikelihood(x, new double[] {0.5}, new double[] {0, 0}));
    }
    // the same terms summed in another order: rounding ~1e-12 relative
    assertEquals(expect, ll.evaluate(theta, nu, null), 1e-9 * Math.abs(expect));
  }

  /** A 2 × 16 tanh float64 ratio network on x with input θ ⊕ (norm, shape), random weights. */
  static RatioModel network() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
    List<Network.Dense> dense = new ArrayList<>();
    int in = 4;
    for (int l = 0; l <= 2; l++) {
      int o = l == 2 ? 1 : 16;
      double[] w = new double[in * o];
      for (int k = 0; k < w.length; k++) {
        w[k] = (rng.nextDouble() - 0.5) / Math.sqrt(in);
      }
      dense.add(new Network.Dense(in, o, w, new double[o]));
      in = o;
    }
    return new RatioModel(
        new ModelData(
            Method.ALICES,
            Precision.FLOAT64,
            List.of("x"),
            List.of("theta", "norm", "shape"),
            Scaling.identity(1),
            Scaling.identity(3),
            new double[][] {{-1, 1}, {-3, 3}, {-3, 3}},
            List.of(new Network(Activation.TANH, dense))));
  }
}
