package org.sbi4j.inference.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.SimulatorQuadrature;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;

/** Fisher information from ratio models: the exact ratio, and ensembles against naive loops. */
class ModelFisherTest {
  private final Simulator sim = Simulators.INTERFERENCE_1D.create();

  /** L ∫ σ p(x|θ) (∂_θ log(σ(θ) p(x|θ)))² dx for interference-1d, by adaptive quadrature. */
  private double detectorInformation(double theta, double lumi) {
    double[] t = {theta};
    double s = sim.crossSection(t);
    double ds = 2 * theta; // σ(θ) = 1 + θ²
    return lumi
        * new IterativeLegendreGaussIntegrator(24, 1e-12, 1e-14)
            .integrate(
                1_000_000,
                x -> {
                  double[] xx = {x};
                  double p = Math.exp(sim.logLikelihood(xx, t));
                  double total = sim.score(xx, t)[0] + ds / s;
                  return s * p * total * total;
                },
                -5,
                40);
  }

  @Test
  void theExactRatioGivesTheDetectorLevelInformationAtEveryTheta() {
    EventSample q = SimulatorQuadrature.quadratureEvents(sim, -5, 40, 300);
    MorphedEvents ev = new MorphedEvents(q);
    // the exact ratio against a reference away from θ: its score at θ is the score of p(x|θ)
    ExactRatio exact = new ExactRatio(sim, new double[] {0.5});
    for (double theta : new double[] {0, 0.3, -0.7}) {
      FisherMatrix f = ModelFisher.ratio(ev, ev, exact, new double[] {theta}, 10);
      double expected = detectorInformation(theta, 10);
      // two quadratures of the same smooth integrand with different rules: ~1e-9 relative
      assertEquals(expected, f.matrix()[0][0], 1e-7 * expected, "θ = " + theta);
    }
  }

  @Test
  void anEnsembleGivesTheMeanOfItsMembersAndTheCovarianceOfThatMean() {
    Simulator sim2 = Simulators.INTERFERENCE_2D.create();
    EventSample file = sim2.events(2_000, 21);
    MorphedEvents ev = new MorphedEvents(file);
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(22);
    List<Network> members = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      members.add(network(rng, 2 + 3, 8));
    }
    ModelData data =
        new ModelData(
            Method.ALICES,
            Precision.FLOAT64,
            sim2.observables(),
            sim2.setup().parameterNames(),
            Scaling.identity(3),
            Scaling.identity(2),
            new double[][] {{-1, 1}, {-1, 1}},
            members);
    double[] theta = {0.2, -0.3};
    ModelFisher.Ensemble e = ModelFisher.ensemble(ev, ev, new RatioModel(data), theta, 20);
    int p = 2;
    int k = members.size();
    double[][][] one = new double[k][][];
    for (int m = 0; m < k; m++) {
      RatioModel single = new RatioModel(data.withMembers(List.of(members.get(m))));
      one[m] = ModelFisher.ratio(ev, ev, single, theta, 20).matrix();
    }
    double[][] mean = e.mean().matrix();
    double[][] cov = e.covariance();
    for (int a = 0; a < p * p; a++) {
      int i = a / p;
      int j = a % p;
      double m = 0;
      for (int s = 0; s < k; s++) {
        assertEquals(one[s][i][j], e.members().get(s)[i][j], 0);
        m += one[s][i][j] / k;
      }
      // the same sums in another order: 1e-12 relative
      assertEquals(m, mean[i][j], 1e-12 * Math.abs(m));
      for (int b = 0; b < p * p; b++) {
        double c = 0;
        for (int s = 0; s < k; s++) {
          c += (one[s][i][j] - m) * (one[s][b / p][b % p] - mean[b / p][b % p]);
        }
        c /= k * (k - 1.0);
        assertEquals(c, cov[a][b], 1e-9 * Math.abs(cov[a][a]) + 1e-300);
      }
      assertTrue(cov[a][a] > 0, "members differ, so the covariance is not zero");
    }
    // Cov(Ī) shrinks as 1/K: averaged over the six pairs of members, the pair covariance is
    // exactly twice the four-member one (the mean of the pairs' unbiased variances is the
    // four-member unbiased variance)
    double pairs = 0;
    for (int s = 0; s < k; s++) {
      for (int t = s + 1; t < k; t++) {
        RatioModel pair = new RatioModel(data.withMembers(List.of(members.get(s), members.get(t))));
        pairs += ModelFisher.ensemble(ev, ev, pair, theta, 20).covariance()[0][0] / 6;
      }
    }
    assertEquals(2 * cov[0][0], pairs, 1e-9 * pairs);
  }

  @Test
  void oneMemberHasNoCovariance() {
    EventSample file = sim.events(500, 31);
    MorphedEvents ev = new MorphedEvents(file);
    ModelFisher.Ensemble e =
        ModelFisher.ensemble(ev, ev, new ExactRatio(sim, new double[] {0}), new double[] {0.1}, 10);
    assertNull(e.covariance());
    assertEquals(1, e.members().size());
    assertEquals(
        FisherInformation.sally(
                ev, ev, new ExactRatio(sim, new double[] {0.1}), new double[] {0.1}, 10)
            .matrix()[0][0],
        e.mean().matrix()[0][0],
        1e-12 * e.mean().matrix()[0][0]);
  }

  /** inputs → width → width → 1, tanh, weights U(−1, 1)·√(3/in), biases U(−0.5, 0.5). */
  private static Network network(UniformRandomProvider rng, int inputs, int width) {
    List<Network.Dense> layers = new ArrayList<>();
    int in = inputs;
    for (int o : new int[] {width, width, 1}) {
      double[] w = new double[in * o];
      for (int q = 0; q < w.length; q++) {
        w[q] = (2 * rng.nextDouble() - 1) * Math.sqrt(3.0 / in);
      }
      double[] b = new double[o];
      for (int q = 0; q < o; q++) {
        b[q] = rng.nextDouble() - 0.5;
      }
      layers.add(new Network.Dense(in, o, w, b));
      in = o;
    }
    return new Network(Activation.TANH, layers);
  }
}
