package org.sbi4j.inference.coverage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.Wilks;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;

/**
 * The coverage test: the exact likelihood of interference-1d (θ_true = 0.5, L = 200 pb⁻¹,
 * about 250 events per toy) over 1000 toys covers at the nominal 68.27 % and 95 % within 2σ of the
 * binomial error; a deliberately overconfident likelihood (log r doubled, as a network that learned
 * too sharp a ratio) under-covers far outside that error. Toys come from a pool of 20 000 test
 * events, so the events of a toy (≈ 250) are a small fraction of it.
 */
class ExactCoverageTest {
  static final double L = 200;
  static final double[] THETA_TRUE = {0.5};
  static final Simulator SIM = Simulators.INTERFERENCE_1D.create();
  static final EventSample FILE = SIM.events(100_000, 5);

  /**
   * Start points of each toy's fit every 0.1 (the default has 41 points): the likelihood is
   * unimodal on this scale, and Brent's method then finds the maximum to 1e-12 between the
   * neighbours of the best point; half the evaluations keep the 1000 toys near 10 s.
   */
  static final ParameterGrid FIT_GRID = ParameterGrid.parse("-1:1:21");

  static CoverageResult run(LimitSource source, int toys, int threads) {
    try (LocalTaskRunner runner = new LocalTaskRunner(threads)) {
      return CoverageAnalysis.unbinned(
          FILE,
          source,
          THETA_TRUE,
          L,
          FIT_GRID,
          new CoverageAnalysis.Settings(toys, 11, null),
          runner,
          null);
    }
  }

  static LimitSource exact() {
    return new LimitSource.Ratio("exact", new ExactRatio(SIM, new double[] {0}));
  }

  @Test
  void exactLikelihoodCoversNominallyWithinTwoSigma() {
    long start = System.nanoTime();
    CoverageResult r = run(exact(), 1000, 2);
    double c68 = r.coverage(Wilks.CL68);
    double c95 = r.coverage(Wilks.CL95);
    double e68 = Math.sqrt(Wilks.CL68 * (1 - Wilks.CL68) / r.toys());
    double e95 = Math.sqrt(Wilks.CL95 * (1 - Wilks.CL95) / r.toys());
    System.out.printf(
        "exact interference-1d: n ≈ %.1f, coverage68 %.4f ± %.4f, coverage95 %.4f ± %.4f, KS p"
            + " %.3g, %.1f s%n",
        r.expectedEvents(),
        c68,
        r.coverageError(Wilks.CL68),
        c95,
        r.coverageError(Wilks.CL95),
        r.ksPValue(),
        (System.nanoTime() - start) / 1e9);
    assertEquals(1000, r.toys());
    assertEquals(L * (1 + 0.25), r.expectedEvents(), 0.02 * L); // σ(θ) = 1 + θ² up to MC noise
    // the criterion: nominal within 2σ of the binomial error (σ taken at the nominal c)
    assertEquals(Wilks.CL68, c68, 2 * e68);
    assertEquals(Wilks.CL95, c95, 2 * e95);
  }

  @Test
  void overconfidentLikelihoodUnderCovers() {
    RatioEstimator sharp = new Scaled(new ExactRatio(SIM, new double[] {0}), 2);
    CoverageResult r = run(new LimitSource.Ratio("sharp", sharp), 300, 2);
    double c68 = r.coverage(Wilks.CL68);
    double e68 = Math.sqrt(Wilks.CL68 * (1 - Wilks.CL68) / r.toys());
    System.out.printf(
        "doubled log r: coverage68 %.4f, coverage95 %.4f, KS p %.3g%n",
        c68, r.coverage(Wilks.CL95), r.ksPValue());
    double c95 = r.coverage(Wilks.CL95);
    double e95 = Math.sqrt(Wilks.CL95 * (1 - Wilks.CL95) / r.toys());
    // The shape term of q doubles (the rate term does not), so the regions are too small: with
    // 300 toys the deficit is several binomial σ (a 3σ cut is a false alarm once in 700 studies).
    assertTrue(c68 < Wilks.CL68 - 3 * e68, "coverage68 " + c68);
    assertTrue(c95 < Wilks.CL95 - 3 * e95, "coverage95 " + c95);
    assertTrue(r.ksPValue() < 1e-4, "KS p " + r.ksPValue());
  }

  @Test
  void sameSeedSameToysOnOneAndTwoThreads() {
    CoverageResult one = run(exact(), 12, 1);
    CoverageResult two = run(exact(), 12, 2);
    assertArrayEquals(one.q(), two.q());
    assertEquals(one.ksPValue(), two.ksPValue());
    assertEquals(one.coverage(Wilks.CL95), two.coverage(Wilks.CL95));
  }

  @Test
  void toyEventsFollowTheDensityAtThetaTrue() {
    // E[x|θ] = E[z|θ] = (1 + 2θ + 3θ²)/(1 + θ²) = 2.2 at θ = 0.5 (moments of e^{−z}(1 + θ(z−1))²;
    // the smearing has mean 0), Var x = 7.6 − 2.2² + 0.25 = 3.01
    EventToys toys = new EventToys(FILE, exact(), THETA_TRUE, L, null);
    var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
    double sum = 0;
    long n = 0;
    int draws = 60;
    for (int t = 0; t < draws; t++) {
      EventSample e = toys.draw(rng);
      for (int i = 0; i < e.size(); i++) {
        sum += e.x(i, 0);
      }
      n += e.size();
    }
    // the mean of ≈ 15 000 draws has σ ≈ 0.014, and the 20 000-event pool's own weighted mean
    // about as much: 0.1 is beyond 4σ of both together
    assertEquals(2.2, sum / n, 0.1);
    // n per toy ~ Poisson(249): the mean of 60 toys has σ ≈ 2
    assertEquals(toys.expectedEvents(), n / (double) draws, 8);
    assertTrue(toys.warnings().isEmpty(), toys.warnings().toString());
  }

  @Test
  void aFitBoxBeyondTheTrainedRangeIsReported() {
    RatioEstimator narrow =
        new Scaled(new ExactRatio(SIM, new double[] {0}), 1) {
          @Override
          public double[][] thetaRange() {
            return new double[][] {{-0.5, 0.8}};
          }
        };
    EventToys toys = new EventToys(FILE, new LimitSource.Ratio("n", narrow), THETA_TRUE, L, null);
    assertEquals(1, toys.warnings().size(), toys.warnings().toString());
    assertTrue(toys.warnings().get(0).contains("trained on"), toys.warnings().get(0));
  }

  /** log r̂ = factor · log r: a ratio that is too sharp (factor > 1). */
  static class Scaled implements RatioEstimator {
    private final RatioEstimator inner;
    private final double factor;

    Scaled(RatioEstimator inner, double factor) {
      this.inner = inner;
      this.factor = factor;
    }

    @Override
    public List<String> observables() {
      return inner.observables();
    }

    @Override
    public List<String> parameters() {
      return inner.parameters();
    }

    @Override
    public double[][] logRatio(EventSample events, double[][] thetas) {
      double[][] r = inner.logRatio(events, thetas);
      for (double[] row : r) {
        for (int i = 0; i < row.length; i++) {
          row[i] *= factor;
        }
      }
      return r;
    }

    @Override
    public double[][][] score(EventSample events, double[][] thetas) {
      double[][][] t = inner.score(events, thetas);
      for (double[][] perTheta : t) {
        for (double[] row : perTheta) {
          for (int i = 0; i < row.length; i++) {
            row[i] *= factor;
          }
        }
      }
      return t;
    }

    @Override
    public double[][] thetaRange() {
      return null;
    }
  }
}
