package org.sbi4j.samples.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulation;

/**
 * Joint ratio and score over (θ, ν) on interference-1d with its norm and shape nuisances, against
 * the same quantities written out by hand from the parton density dσ(z|θ,ν) = 1.1^{ν_norm}
 * e^{−(1+0.1ν_shape)z} (1 + θ(z − 1))² (docs/math.md §7.2, §7.3).
 */
class NuisanceMinerTest {
  private static final Interference1D SIM = Interference1D.withNuisances();
  private static final Simulation RUN = SIM.simulate(4000, 11);
  private static final EventSample EVENTS = RUN.events();
  private static final MorphingSetup SETUP = SIM.setup();

  /** dσ(z|θ,ν) by hand. */
  private static double parton(double z, double theta, double[] nu) {
    double u = 1 + theta * (z - 1);
    return Math.pow(1.1, nu[0]) * Math.exp(-(1 + 0.1 * nu[1]) * z) * u * u;
  }

  /**
   * The per-event constant c_e with w_e(θ,ν) = c_e dσ(z_e|θ,ν): the simulator weights every
   * benchmark by dσ(z|θ_b)/dσ(z|θ_gen), so c_e = w_e(sm)/dσ(z_e|θ_sm, 0).
   */
  private static double constant(int e) {
    int sm = SETUP.benchmarkNames().indexOf("sm");
    double thetaSm = SETUP.basis()[sm][0];
    return EVENTS.weight(e, sm) / parton(RUN.latent(e)[0], thetaSm, new double[] {0, 0});
  }

  /** σ̂(θ,ν) = Σ_e c_e dσ(z_e|θ,ν) and its gradient (θ, ν_norm, ν_shape), by hand. */
  private static double[] sigma(double theta, double[] nu) {
    double[] s = new double[4];
    for (int e = 0; e < EVENTS.size(); e++) {
      double z = RUN.latent(e)[0];
      double d = constant(e) * parton(z, theta, nu);
      double[] g = logGradient(z, theta);
      s[0] += d;
      for (int k = 0; k < 3; k++) {
        s[k + 1] += d * g[k];
      }
    }
    return s;
  }

  /** ∇ log dσ(z|θ,ν) over (θ, ν_norm, ν_shape): 2(z−1)/(1+θ(z−1)), log 1.1, −0.1 z. */
  private static double[] logGradient(double z, double theta) {
    return new double[] {2 * (z - 1) / (1 + theta * (z - 1)), Math.log(1.1), -0.1 * z};
  }

  @Test
  void jointRatioAndScoreMatchTheHandWrittenPartonDensity() {
    double theta0 = 0.4;
    double[] nu0 = {0.7, -1.3};
    double theta1 = -0.2;
    double[] nu1 = {-0.5, 1.6};
    MinedEvents m =
        new NuisanceMiner(SETUP, NuisanceMorphing.Policy.ERROR, 1000)
            .mine(
                EventSource.of(EVENTS), new double[] {theta0}, nu0, new double[] {theta1}, nu1, 0);
    assertEquals(3, m.parameters());
    double[] s0 = sigma(theta0, nu0);
    double[] s1 = sigma(theta1, nu1);
    assertEquals(s0[0], m.sigma0(), 1e-12 * s0[0]);
    assertEquals(s1[0], m.sigma1(), 1e-12 * s1[0]);
    for (int e = 0; e < EVENTS.size(); e++) {
      double z = RUN.latent(e)[0];
      double logR =
          Math.log(parton(z, theta0, nu0) / s0[0]) - Math.log(parton(z, theta1, nu1) / s1[0]);
      // log r and t are O(1..10) sums of a few terms: rounding of the weights (1e-16 relative)
      // and of the σ sums over 4000 events stays far below 1e-9
      assertEquals(logR, m.logR()[e], 1e-9 * Math.max(1, Math.abs(logR)), "log r of " + e);
      double[] g0 = logGradient(z, theta0);
      double[] g1 = logGradient(z, theta1);
      for (int k = 0; k < 3; k++) {
        // near a zero of 1 + θ(z − 1) the score is large and the morphed weight loses digits to
        // cancellation of its O(1) terms: compare relative to max(1, |t|)
        double e0 = g0[k] - s0[k + 1] / s0[0];
        double e1 = g1[k] - s1[k + 1] / s1[0];
        assertEquals(e0, m.t0()[e * 3 + k], 1e-9 * Math.max(1, Math.abs(e0)), "t0 " + e + k);
        assertEquals(e1, m.t1()[e * 3 + k], 1e-9 * Math.max(1, Math.abs(e1)), "t1 " + e + k);
      }
    }
  }

  @Test
  void weightedScoreVanishesAndWeightedRatioIsOne() {
    double[] theta0 = {0.9};
    double[] nu0 = {-1.1, 0.4};
    double[] theta1 = {0.1};
    double[] nu1 = {0.3, 2.0};
    NuisanceMiner miner = new NuisanceMiner(SETUP, NuisanceMorphing.Policy.ERROR);
    MinedEvents m = miner.mine(EventSource.of(EVENTS), theta0, nu0, theta1, nu1, 0);
    double[] meanT = new double[3];
    double meanR = 0;
    for (int e = 0; e < m.size(); e++) {
      double p1 = m.dsigma1()[e] / m.sigma1();
      for (int k = 0; k < 3; k++) {
        meanT[k] += p1 * m.t1()[e * 3 + k];
      }
      meanR += p1 * Math.exp(m.logR()[e]);
    }
    // Σ_e p_e(θ1,ν1) t_e = ∇σ/σ − ∇σ/σ = 0 and Σ_e p_e(θ1,ν1) r_e = Σ_e p_e(θ0,ν0) = 1 exactly
    // on the weighted sample; only rounding of 4000-term sums remains
    for (int k = 0; k < 3; k++) {
      assertEquals(0, meanT[k], 1e-10, "E[t_" + k + "]");
    }
    assertEquals(1, meanR, 1e-10);
  }

  @Test
  void atNuZeroTheThetaPartEqualsGoldMining() {
    double[] theta0 = {0.5};
    double[] theta1 = {-0.3};
    double[] zero = {0, 0};
    MinedEvents joint =
        new NuisanceMiner(SETUP, NuisanceMorphing.Policy.ERROR)
            .mine(EventSource.of(EVENTS), theta0, zero, theta1, zero, 0);
    MinedEvents gold = new GoldMiner(SETUP).mine(EventSource.of(EVENTS), theta0, theta1, 0);
    for (int e = 0; e < EVENTS.size(); e++) {
      // same sums in another order: agreement to rounding
      assertEquals(gold.logR()[e], joint.logR()[e], 1e-10);
      assertEquals(gold.t0()[e], joint.t0()[e * 3], 1e-10);
      assertEquals(gold.t1()[e], joint.t1()[e * 3], 1e-10);
    }
  }

  @Test
  void sigmaFollowsTheExactCrossSectionRatio() {
    // σ̂(θ,ν)/σ̂(θ,0) is a Monte Carlo estimate of σ(θ,ν)/σ(θ,0); with 4000 events its relative
    // spread is about 1/√4000 times the spread of the factor (≲ 0.3 here), so 3 % is > 5 sigma
    JointPoint[] pts =
        new NuisanceMiner(SETUP, NuisanceMorphing.Policy.ERROR)
            .at(
                EventSource.of(EVENTS),
                new double[][] {{0.3}, {0.3}},
                new double[][] {{0, 0}, {1.5, -2}});
    double exact =
        SIM.crossSection(new double[] {0.3}, new double[] {1.5, -2})
            / SIM.crossSection(new double[] {0.3}, new double[] {0, 0});
    assertEquals(exact, pts[1].sigma() / pts[0].sigma(), 0.03 * exact);
  }

  @Test
  void wrongNuisanceCountOrEventsWithoutNuisancesAreRefused() {
    NuisanceMiner miner = new NuisanceMiner(SETUP, NuisanceMorphing.Policy.ERROR);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                miner.mine(
                    EventSource.of(EVENTS),
                    new double[] {0},
                    new double[] {1},
                    new double[] {0},
                    new double[] {1},
                    0));
    assertTrue(e.getMessage().contains("one value per nuisance parameter"), e.getMessage());
    EventSample plain = new Interference1D().events(100, 1);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                miner.mine(
                    EventSource.of(plain),
                    new double[] {0},
                    new double[] {1, 0},
                    new double[] {0},
                    new double[] {1, 0},
                    0));
    assertTrue(e.getMessage().contains("declare no nuisance parameters"), e.getMessage());
  }
}
