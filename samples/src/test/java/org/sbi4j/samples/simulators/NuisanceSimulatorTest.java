package org.sbi4j.samples.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;

/** interference-1d with its {@code norm} and {@code shape} nuisances against direct integrals. */
class NuisanceSimulatorTest {
  private final Interference1D sim = Interference1D.withNuisances();

  /** dσ(z|θ,ν) written out by hand: 1.1^ν₀ e^{−(1+0.1ν₁)z} (1 + θ(z − 1))². */
  private static double parton(double z, double theta, double[] nu) {
    double u = 1 + theta * (z - 1);
    return Math.pow(1.1, nu[0]) * Math.exp(-(1 + 0.1 * nu[1]) * z) * u * u;
  }

  @Test
  void crossSectionAndDensityMatchDirectIntegrals() {
    double s = Interference1D.RESOLUTION;
    for (double theta : new double[] {-1, -0.4, 0, 0.8}) {
      for (double[] nu : new double[][] {{0, 0}, {1, -1}, {-2, 2}, {0.5, -0.5}}) {
        double[] t = {theta};
        // z ∈ [0, 80]: e^{−0.8·80} ≈ 2e-28 is the tail left out; Simpson with 80000 intervals on a
        // smooth integrand is accurate to ~1e-13 relative.
        double sigma = SimulatorsTest.simpson(z -> parton(z, theta, nu), 0, 80, 80000);
        assertEquals(sigma, sim.crossSection(t, nu), 1e-11 * sigma, "θ " + theta);
        for (double x : new double[] {-0.7, 0.4, 2.2, 5.0}) {
          double direct =
              SimulatorsTest.simpson(
                      z ->
                          parton(z, theta, nu)
                              * Math.exp(-0.5 * (x - z) * (x - z) / (s * s))
                              / (s * Math.sqrt(2 * Math.PI)),
                      0,
                      80,
                      80000)
                  / sigma;
          assertEquals(Math.log(direct), sim.logLikelihood(new double[] {x}, t, nu), 1e-9);
        }
      }
    }
  }

  @Test
  void densityIsNormalisedAtEveryNu() {
    for (double[] nu : new double[][] {{1, 1}, {-1.5, -2}}) {
      // same tail and Simpson argument as the no-nuisance test of SimulatorsTest
      double norm =
          SimulatorsTest.simpson(
              x -> Math.exp(sim.logLikelihood(new double[] {x}, new double[] {0.3}, nu)),
              -6,
              60,
              30000);
      assertEquals(1.0, norm, 1e-9);
    }
  }

  @Test
  void scoreOverThetaAndNuMatchesFiniteDifferencesOfTheExactDensity() {
    double[] x = {1.3};
    double[] theta = {0.35};
    double[] nu = {0.4, -0.7};
    double[] t = sim.score(x, theta, nu);
    assertEquals(3, t.length);
    double h = 1e-5;
    // central differences of an analytic function: error O(h²·f''') ≈ 1e-10, rounding ~1e-11
    double dTheta =
        (sim.logLikelihood(x, new double[] {theta[0] + h}, nu)
                - sim.logLikelihood(x, new double[] {theta[0] - h}, nu))
            / (2 * h);
    assertEquals(dTheta, t[0], 1e-8);
    for (int j = 0; j < 2; j++) {
      double[] up = nu.clone();
      double[] down = nu.clone();
      up[j] += h;
      down[j] -= h;
      double d = (sim.logLikelihood(x, theta, up) - sim.logLikelihood(x, theta, down)) / (2 * h);
      assertEquals(d, t[1 + j], 1e-8, "ν_" + j);
    }
    // the normalised density does not depend on the normalisation nuisance
    assertEquals(0.0, t[1], 1e-12);
  }

  @Test
  void nuisanceMorphingReproducesTheSimulatorsWeightsAtAnyNu() {
    Simulation simulation = sim.simulate(500, 11);
    EventSample events = simulation.events();
    NuisanceMorphing morphing = events.nuisanceMorphing(NuisanceMorphing.Policy.ERROR);
    assertEquals(0, morphing.undefined());
    int sm = events.setup().orElseThrow().benchmarkNames().indexOf("sm");
    for (double[] nu : new double[][] {{0.5, -0.5}, {-0.5, 0.5}, {2, -2}, {-2, 2}, {0.5, 2}}) {
      for (int i = 0; i < events.size(); i++) {
        double z = simulation.latent(i)[0];
        // the exact weight at (θ_sm, ν): the event's sm weight times dσ(z|0,ν)/dσ(z|0,0)
        double exact = events.weight(i, sm) * parton(z, 0, nu) / parton(z, 0, new double[] {0, 0});
        double morphed = events.weight(i, sm) * Math.exp(morphing.logFactor(i, nu));
        assertEquals(exact, morphed, 1e-12 * exact, "event " + i);
      }
    }
  }

  @Test
  void withoutNuisancesTheProcessIsUnchanged() {
    Simulator plain = new Interference1D();
    double[] x = {0.9};
    for (double theta : new double[] {-0.5, 0.5}) {
      double[] t = {theta};
      assertEquals(plain.logLikelihood(x, t), sim.logLikelihood(x, t, new double[] {0, 0}), 1e-14);
      assertEquals(plain.logLikelihood(x, t), sim.logLikelihood(x, t), 1e-14);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> plain.logLikelihood(x, new double[] {0}, new double[] {1}));
  }
}
