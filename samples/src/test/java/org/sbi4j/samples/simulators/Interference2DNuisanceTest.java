package org.sbi4j.samples.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;

/** interference-2d with its {@code shape} nuisance against direct quadrature. */
class Interference2DNuisanceTest {
  private final Interference2D sim = Interference2D.withNuisances();

  /** dσ(z|θ,ν) written out by hand: e^{−(1+0.1ν)E}/(2π) (1 + θ_a(E − 1) + θ_b cos φ)². */
  private static double parton(double e, double phi, double[] t, double nu) {
    double u = 1 + t[0] * (e - 1) + t[1] * Math.cos(phi);
    return Math.exp(-(1 + 0.1 * nu) * e) / (2 * Math.PI) * u * u;
  }

  /**
   * ∫∫ dσ(z|θ,ν) T(x|z) dE dφ: Simpson in E on [0, 40] (8000 intervals) × the trapezoidal rule in φ
   * (512 nodes, exact to rounding for a smooth periodic integrand), as SimulatorsTest's oracle.
   */
  private static double direct(double[] x, double[] t, double nu) {
    double se = Interference2D.ENERGY_RESOLUTION;
    double sa = Interference2D.ANGLE_RESOLUTION;
    return SimulatorsTest.simpson(
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
            sum += parton(e, phi, t, nu) * g;
          }
          return sum * 2 * Math.PI / 512;
        },
        0,
        40,
        8000);
  }

  @Test
  void crossSectionAndDensityMatchDirectQuadrature() {
    assertEquals(List.of("shape"), sim.nuisances().names());
    double[][] points = {{0.4, 0.5, -0.6}, {2.5, -1.1, 0.2}};
    double[][] thetas = {{0, 0}, {0.6, -0.4}};
    double[] nus = {-2, 1, 2.5};
    for (double[] t : thetas) {
      for (double nu : nus) {
        double[] n = {nu};
        // σ by Simpson in E on [0, 80] (tail e^{−0.8·80} ≈ 2e-28) × the exact φ average of
        // (1 + θ_a(E−1) + θ_b cos φ)² = (1 + θ_a(E−1))² + θ_b²/2; ~1e-13 relative
        double sigma =
            SimulatorsTest.simpson(
                e -> {
                  double u = 1 + t[0] * (e - 1);
                  return Math.exp(-(1 + 0.1 * nu) * e) * (u * u + t[1] * t[1] / 2);
                },
                0,
                80,
                80000);
        assertEquals(sigma, sim.crossSection(t, n), 1e-11 * sigma, "ν " + nu);
      }
    }
    // the density against the (costly) direct quadrature at four (θ, ν, x), both points and both ν
    // signs; the same tolerance as the no-nuisance oracle of SimulatorsTest (1e-8 in log p)
    double[][] cases = {{0, 0, -2, 0}, {0.6, -0.4, 2.5, 0}, {0.6, -0.4, -2, 1}, {0, 0, 1, 1}};
    for (double[] c : cases) {
      double[] t = {c[0], c[1]};
      double[] n = {c[2]};
      double[] x = points[(int) c[3]];
      double logP = Math.log(direct(x, t, c[2]) / sim.crossSection(t, n));
      assertEquals(logP, sim.logLikelihood(x, t, n), 1e-8, "θ, ν " + java.util.Arrays.toString(c));
    }
  }

  @Test
  void scoreOverThetaAndNuMatchesFiniteDifferences() {
    double[] x = {1.3, 0.4, -0.8};
    double[] theta = {0.35, -0.6};
    double[] nu = {-0.7};
    double[] t = sim.score(x, theta, nu);
    assertEquals(3, t.length);
    double h = 1e-5;
    // central differences of an analytic function: error O(h²) ≈ 1e-10, rounding ~1e-11
    for (int i = 0; i < 3; i++) {
      double[] th0 = theta.clone();
      double[] th1 = theta.clone();
      double[] n0 = nu.clone();
      double[] n1 = nu.clone();
      if (i < 2) {
        th0[i] += h;
        th1[i] -= h;
      } else {
        n0[0] += h;
        n1[0] -= h;
      }
      double d = (sim.logLikelihood(x, th0, n0) - sim.logLikelihood(x, th1, n1)) / (2 * h);
      assertEquals(d, t[i], 1e-8, "entry " + i);
    }
  }

  @Test
  void nuisanceMorphingReproducesTheExactWeightsAtAnyNu() {
    Simulation simulation = sim.simulate(400, 5);
    EventSample events = simulation.events();
    NuisanceMorphing m = events.nuisanceMorphing(NuisanceMorphing.Policy.ERROR);
    int sm = events.setup().orElseThrow().benchmarkNames().indexOf("sm");
    for (double nu : new double[] {-2, -0.5, 0.5, 2}) {
      for (int i = 0; i < events.size(); i++) {
        double[] z = simulation.latent(i);
        double exact =
            events.weight(i, sm)
                * parton(z[0], z[1], new double[] {0, 0}, nu)
                / parton(z[0], z[1], new double[] {0, 0}, 0);
        double morphed = events.weight(i, sm) * Math.exp(m.logFactor(i, new double[] {nu}));
        // exp of an exactly linear exponent: rounding only
        assertEquals(exact, morphed, 1e-12 * exact, "event " + i);
      }
    }
  }

  @Test
  void withoutNuisancesTheProcessIsUnchanged() {
    Simulator plain = new Interference2D();
    double[] x = {0.9, 0.2, 0.7};
    double[] t = {0.5, -0.3};
    assertEquals(plain.logLikelihood(x, t), sim.logLikelihood(x, t, new double[] {0}), 1e-14);
    assertEquals(plain.crossSection(t), sim.crossSection(t, new double[] {0}), 1e-15);
  }
}
