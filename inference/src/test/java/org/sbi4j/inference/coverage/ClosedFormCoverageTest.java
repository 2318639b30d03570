package org.sbi4j.inference.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.likelihood.LogLikelihood;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.Wilks;

/**
 * Coverage where q(θ_true) is known exactly: the mean of n unit Gaussians, log L(θ) = −½ Σ_i |x_i −
 * θ|², so q(θ_true) = n |x̄ − θ_true|² is exactly χ²_k distributed (k = 1, 2) for any n. The fitted
 * q matches the closed form per toy, the coverage is binomial around the nominal level and the KS
 * test accepts χ²_k; the bookkeeping of {@link CoverageResult} is checked on a hand-counted sample.
 */
class ClosedFormCoverageTest {
  static final int N = 25;

  /** The Gaussian-mean log-likelihood of the rows of {@code x} (events × k). */
  record GaussianMean(double[][] x) implements LogLikelihood {
    @Override
    public int dimension() {
      return x[0].length;
    }

    @Override
    public double[] evaluate(double[][] thetas) {
      double[] out = new double[thetas.length];
      for (int j = 0; j < thetas.length; j++) {
        double s = 0;
        for (double[] row : x) {
          for (int a = 0; a < row.length; a++) {
            double d = row[a] - thetas[j][a];
            s += d * d;
          }
        }
        out[j] = -0.5 * s;
      }
      return out;
    }

    /** n |x̄ − θ|². */
    double exactQ(double[] theta) {
      double q = 0;
      for (int a = 0; a < theta.length; a++) {
        double mean = 0;
        for (double[] row : x) {
          mean += row[a] / x.length;
        }
        q += x.length * (mean - theta[a]) * (mean - theta[a]);
      }
      return q;
    }
  }

  static GaussianMean draw(UniformRandomProvider rng, double[] theta) {
    var gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double[][] x = new double[N][theta.length];
    for (double[] row : x) {
      for (int a = 0; a < theta.length; a++) {
        row[a] = theta[a] + gauss.sample();
      }
    }
    return new GaussianMean(x);
  }

  static final double[] TRUE_1D = {0.3};
  static final double[] TRUE_2D = {0.3, -0.2};
  // x̄ has σ = 1/5, so the boxes below are ≥ 10σ away from θ_true: the bounded fit is the free one
  static final ParameterGrid GRID_1D = ParameterGrid.parse("-3:3:41");
  static final ParameterGrid GRID_2D = ParameterGrid.parse("-3:3:15,-3:3:15");

  @Test
  void fittedQMatchesTheClosedFormPerToy() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
    for (int t = 0; t < 50; t++) {
      GaussianMean one = draw(rng, TRUE_1D);
      // Brent stops within 1e-12 of the maximum in θ; q's error is second order in that
      assertEquals(one.exactQ(TRUE_1D), CoverageToys.q(one, GRID_1D, TRUE_1D), 1e-9);
      GaussianMean two = draw(rng, TRUE_2D);
      // BOBYQA stops at a trust radius of 1e-10; again q's error is second order
      assertEquals(two.exactQ(TRUE_2D), CoverageToys.q(two, GRID_2D, TRUE_2D), 1e-8);
    }
  }

  static CoverageResult study(double[] truth, ParameterGrid grid, int toys) {
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      double[] q =
          CoverageToys.run(
              rng -> CoverageToys.q(draw(rng, truth), grid, truth), toys, 17, runner, null);
      List<String> names = truth.length == 1 ? List.of("mu") : List.of("mu1", "mu2");
      return new CoverageResult("gauss", names, truth, truth.length, 17, q, Double.NaN, List.of());
    }
  }

  void coversExactly(CoverageResult r) {
    for (double cl : new double[] {Wilks.CL68, Wilks.CL95}) {
      // q ~ χ²_k exactly, so the number of covering toys is Binomial(N, cl): 3σ is a false alarm
      // once in 370 runs (and the seed is fixed)
      double sigma = Math.sqrt(cl * (1 - cl) / r.toys());
      assertEquals(cl, r.coverage(cl), 3 * sigma, "coverage at " + cl);
    }
    assertTrue(r.ksPValue() > 0.01, "KS p " + r.ksPValue());
  }

  @Test
  void gaussianMeanCoversExactlyInOneAndTwoDimensions() {
    CoverageResult one = study(TRUE_1D, GRID_1D, 2000);
    CoverageResult two = study(TRUE_2D, GRID_2D, 1000);
    System.out.printf(
        "Gaussian mean: k = 1 coverage %.4f / %.4f, KS p %.3g; k = 2 coverage %.4f / %.4f, KS p"
            + " %.3g%n",
        one.coverage(Wilks.CL68),
        one.coverage(Wilks.CL95),
        one.ksPValue(),
        two.coverage(Wilks.CL68),
        two.coverage(Wilks.CL95),
        two.ksPValue());
    coversExactly(one);
    coversExactly(two);
    // the χ²_1 thresholds on a χ²_2 sample: P(χ²_2 ≤ 1) = 1 − e^{−1/2} = 0.39, far below 0.68
    CoverageResult wrongK =
        new CoverageResult(
            "gauss", List.of("mu"), new double[] {0}, 1, 17, two.q(), Double.NaN, List.of());
    assertEquals(1 - Math.exp(-0.5), wrongK.coverage(Wilks.CL68), 4 * Math.sqrt(0.24 / 1000));
    assertTrue(wrongK.ksPValue() < 1e-6, "KS p " + wrongK.ksPValue());
  }

  @Test
  void bookkeepingOfAHandCountedSample() {
    // thresholds for k = 1: 1.00 (68.27 %) and 3.84 (95 %); sorted sample 0.1 0.5 0.99 1.5 3 4
    double[] q = {0.5, 0.99, 1.5, 4.0, 0.1, 3.0};
    CoverageResult r =
        new CoverageResult("hand", List.of("mu"), new double[] {1}, 1, 0, q, Double.NaN, List.of());
    assertEquals(6, r.toys());
    assertEquals(3 / 6.0, r.coverage(Wilks.CL68), 0);
    assertEquals(5 / 6.0, r.coverage(Wilks.CL95), 0);
    assertEquals(Math.sqrt(0.5 * 0.5 / 6), r.coverageError(Wilks.CL68), 1e-15);
    assertEquals(Math.sqrt(5 / 36.0 / 6), r.coverageError(Wilks.CL95), 1e-15);
    assertEquals((0.99 + 1.5) / 2, r.quantile(0.5), 1e-15);
    assertEquals(0.1, r.quantile(0), 0);
    assertEquals(4.0, r.quantile(1), 0);
    var json = r.summary();
    for (String key :
        List.of(
            "coverage68",
            "coverage68Error",
            "coverage95",
            "coverage95Error",
            "ksPValue",
            "toys",
            "degreesOfFreedom",
            "thetaTrue",
            "source",
            "seed",
            "qQuantiles")) {
      assertTrue(json.containsKey(key), key);
    }
    // one toy: no KS test (null in the JSON), coverage 0 or 1 with error 0
    CoverageResult single =
        new CoverageResult(
            "one",
            List.of("mu"),
            new double[] {1},
            1,
            0,
            new double[] {0.2},
            Double.NaN,
            List.of());
    assertTrue(Double.isNaN(single.ksPValue()));
    assertEquals(null, single.summary().get("ksPValue"));
    assertEquals(1, single.coverage(Wilks.CL68), 0);
    assertEquals(0, single.coverageError(Wilks.CL68), 0);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CoverageResult(
                "none",
                List.of("mu"),
                new double[] {1},
                1,
                0,
                new double[0],
                Double.NaN,
                List.of()));
  }
}
