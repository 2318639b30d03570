package org.sbi4j.samples.simulators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.samples.EventSample;

class SimulatorsTest {
  private final Simulator one = Simulators.byName("interference-1d");
  private final Simulator two = Simulators.byName("interference-2d");

  /** Simpson's rule with n (even) intervals. */
  static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int n) {
    double h = (b - a) / n;
    double s = f.applyAsDouble(a) + f.applyAsDouble(b);
    for (int i = 1; i < n; i++) {
      s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
    }
    return s * h / 3;
  }

  @Test
  void oneDimensionalDensityIsNormalisedAndMatchesDirectConvolution() {
    for (double theta : new double[] {-1, -0.3, 0, 0.7, 1}) {
      double[] t = {theta};
      // p(x|θ) is smooth with Gaussian/exponential tails: [-6, 45] holds all but ~1e-18 of it,
      // and Simpson with 20000 intervals is accurate to ~1e-12 here.
      double norm = simpson(x -> Math.exp(one.logLikelihood(new double[] {x}, t)), -6, 45, 20000);
      assertEquals(1.0, norm, 1e-9, "θ = " + theta);
      assertEquals(1 + theta * theta, one.crossSection(t), 1e-15);
      for (double x : new double[] {-0.8, 0.3, 1.7, 4.2}) {
        double s = Interference1D.RESOLUTION;
        // direct ∫ p(z|θ) N(x; z, s²) dz on z ∈ [0, 60]; integrand is smooth on (0, 60]
        double direct =
            simpson(
                    z ->
                        one.partonDensity(new double[] {z}, t)
                            * Math.exp(-0.5 * (x - z) * (x - z) / (s * s))
                            / (s * Math.sqrt(2 * Math.PI)),
                    0,
                    60,
                    60000)
                / one.crossSection(t);
        assertEquals(Math.log(direct), one.logLikelihood(new double[] {x}, t), 1e-9);
      }
    }
  }

  @Test
  void twoDimensionalDensityMatchesDirectQuadrature() {
    double[][] points = {{0.4, 0.5, -0.6}, {2.5, -1.1, 0.2}, {-0.3, 0.05, 1.2}};
    for (double[] t : new double[][] {{0, 0}, {0.6, -0.4}, {-1, 1}}) {
      assertEquals(1 + t[0] * t[0] + t[1] * t[1] / 2, two.crossSection(t), 1e-15);
      for (double[] x : points) {
        double se = Interference2D.ENERGY_RESOLUTION;
        double sa = Interference2D.ANGLE_RESOLUTION;
        // independent oracle: Simpson in E on [0, 40] × trapezoid in φ with 512 nodes
        double direct =
            simpson(
                    e -> {
                      double sum = 0;
                      for (int j = 0; j < 512; j++) {
                        double phi = 2 * Math.PI * j / 512;
                        double g =
                            Math.exp(
                                    -0.5
                                        * (Math.pow(x[0] - e, 2) / (se * se)
                                            + (Math.pow(x[1] - Math.cos(phi), 2)
                                                    + Math.pow(x[2] - Math.sin(phi), 2))
                                                / (sa * sa)))
                                / (Math.pow(2 * Math.PI, 1.5) * se * sa * sa);
                        sum += two.partonDensity(new double[] {e, phi}, t) * g;
                      }
                      return sum * 2 * Math.PI / 512;
                    },
                    0,
                    40,
                    8000)
                / two.crossSection(t);
        assertEquals(Math.log(direct), two.logLikelihood(x, t), 1e-8);
      }
    }
  }

  @Test
  void scoresMatchFiniteDifferences() {
    double h = 1e-5;
    for (Simulator sim : new Simulator[] {one, two}) {
      int p = sim.setup().parameters().size();
      double[] x = p == 1 ? new double[] {1.3} : new double[] {1.3, 0.4, -0.8};
      double[] theta = p == 1 ? new double[] {0.35} : new double[] {0.35, -0.6};
      double[] t = sim.score(x, theta);
      for (int i = 0; i < p; i++) {
        double[] up = theta.clone();
        double[] dn = theta.clone();
        up[i] += h;
        dn[i] -= h;
        double fd = (sim.logLikelihood(x, up) - sim.logLikelihood(x, dn)) / (2 * h);
        // central differences: truncation ~h² ≈ 1e-10, rounding ~1e-16/h ≈ 1e-11
        assertEquals(fd, t[i], 1e-8, sim.name() + " parameter " + i);
      }
    }
  }

  @Test
  void weightsMorphExactlyAndSumToCrossSections() {
    for (Simulator sim : new Simulator[] {one, two}) {
      int n = 20000;
      Simulation s = sim.simulate(n, 11);
      EventSample ev = s.events();
      Morpher m = sim.setup().morpher();
      int nb = sim.setup().benchmarks().size();
      double[] theta = nb == 3 ? new double[] {0.45} : new double[] {0.45, -0.7};
      double[] w = m.weights(theta);
      double[] gen = sim.setup().basis()[sim.generatingBenchmark()];
      for (int i = 0; i < 50; i++) {
        double morphed = 0;
        for (int b = 0; b < nb; b++) {
          morphed += w[b] * ev.weight(i, b);
        }
        double exact =
            sim.crossSection(gen)
                * sim.partonDensity(s.latent(i), theta)
                / (n * sim.partonDensity(s.latent(i), gen));
        // a polynomial reproduced by an exactly inverted 6 × 6 basis: rounding only
        assertEquals(exact, morphed, 1e-12 * Math.abs(exact) + 1e-15);
      }
      for (int b = 0; b < nb; b++) {
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
          sum += ev.weight(i, b);
          sq += ev.weight(i, b) * ev.weight(i, b);
        }
        double se = Math.sqrt(Math.max(0, sq - sum * sum / n));
        double sigma = sim.crossSection(sim.setup().basis()[b]);
        assertTrue(
            Math.abs(sum - sigma) <= 4 * se + 1e-9,
            sim.name() + " benchmark " + b + ": Σw = " + sum + " vs σ = " + sigma + " ± " + se);
      }
    }
  }

  @Test
  void simulatedFeaturesFollowTheExactDensity() {
    int n = 40000;
    EventSample ev = one.events(n, 5);
    double[] edges = new double[22];
    for (int k = 0; k < edges.length; k++) {
      edges[k] = -1 + 0.3 * k;
    }
    double chi2 = 0;
    int bins = edges.length + 1;
    double[] obs = new double[bins];
    for (int i = 0; i < n; i++) {
      int k = 0;
      while (k < edges.length && ev.x(i, 0) >= edges[k]) {
        k++;
      }
      obs[k]++;
    }
    double rest = 1;
    for (int k = 0; k < bins; k++) {
      double p;
      if (k == 0) {
        p =
            simpson(
                x -> Math.exp(one.logLikelihood(new double[] {x}, new double[] {0})),
                -8,
                edges[0],
                2000);
      } else if (k < edges.length) {
        p =
            simpson(
                x -> Math.exp(one.logLikelihood(new double[] {x}, new double[] {0})),
                edges[k - 1],
                edges[k],
                200);
      } else {
        p = rest;
      }
      rest -= p;
      double e = n * p;
      chi2 += (obs[k] - e) * (obs[k] - e) / e;
    }
    double pValue = ChiSquaredDistribution.of(bins - 1).survivalProbability(chi2);
    assertTrue(pValue > 1e-3, "χ² = " + chi2 + " for " + (bins - 1) + " dof, p = " + pValue);
  }

  @Test
  void sameSeedSameEventsAndUnknownProcessNamed() {
    assertArrayEquals(two.events(100, 3).x(), two.events(100, 3).x(), 0);
    assertTrue(two.events(100, 3).x()[0] != two.events(100, 4).x()[0]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Simulators.byName("ttbar"));
    assertTrue(e.getMessage().contains("interference-1d"));
  }
}
