package org.sbi4j.inference.histfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;

/**
 * Upper limits from toys (docs/math.md §6.8) on a counting experiment with a large background (b =
 * 10 000, s = 150 per unit μ, n = b observed), where the asymptotic formulae hold: the toy limits
 * agree with the asymptotic CLs curves interpolated linearly on the same scan, within 3σ of the
 * toys' statistical error. Interpolating both on the same grid removes the interpolation bias, so
 * only the toys' error remains; it is propagated from the CLs error at the crossing through the
 * slope of the interpolating segment. (The Poisson discreteness of the toys' statistic is one count
 * in ~√b: its probability near the crossing, φ(2)/100 ≈ 5e−4, is 2 % of CLs+b there, well inside
 * the toys' 14 % error, √(0.025/2000)/0.025.)
 */
class ToyUpperLimitTest {
  static final double ALPHA = 0.05;
  static final int TOYS = 2000;
  static final double LO = 0.3;
  static final double HI = 3.0;
  static final int N = 10;

  @Test
  void toyLimitsAgreeWithAsymptoticsForLargeBackground() {
    HistFactoryModel m = CountingExperimentTest.model(150, 10_000, 10_000);
    Fitter fitter = new Fitter(m);
    UpperLimit.Result toys;
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      toys =
          UpperLimit.computeToys(
              fitter,
              m.observedData(),
              TestStatistic.QTILDE,
              LO,
              HI,
              N,
              ALPHA,
              TOYS,
              5,
              runner,
              null);
    }
    AsymptoticCalculator asym =
        new AsymptoticCalculator(fitter, m.observedData(), TestStatistic.QTILDE);
    double[] scan = toys.scan();
    double[][] curves = new double[6][N];
    double[][] errors = new double[6][N];
    for (int i = 0; i < N; i++) {
      AsymptoticCalculator.Result a = asym.test(scan[i]);
      curves[0][i] = a.clsObserved();
      // observed: CLs+b and CLb are tail fractions of TOYS toys (binomial errors)
      double eSb = ToyCalculatorTest.binomialError(a.clsb(), TOYS);
      double eB = ToyCalculatorTest.binomialError(a.clb(), TOYS);
      errors[0][i] = a.clsObserved() * Math.hypot(eSb / a.clsb(), eB / a.clb());
      double sqa = Math.sqrt(a.testStatAsimov());
      for (int k = 0; k < 5; k++) {
        // expected band k: CLs = p_sb(q_k)/p_b(q_k) at the background toys' quantile q_k, with
        // p_b(q_k) = Φ(−z) fixed by rank (z = 2 − k). Its error: the binomial error of p_sb,
        // plus the quantile's rank noise √(p_b(1 − p_b)/n) moving p_sb by the density ratio
        // f_sb/f_b = φ(z + √q_A)/φ(z) at q_k.
        double z = 2 - k;
        double pb = 1 - CountingExperimentTest.NORMAL.cumulativeProbability(z);
        double psb = 1 - CountingExperimentTest.NORMAL.cumulativeProbability(z + sqa);
        double ratio = Math.exp(-0.5 * ((z + sqa) * (z + sqa) - z * z));
        double e = Math.hypot(psb * (1 - psb), ratio * ratio * pb * (1 - pb));
        curves[k + 1][i] = a.clsExpected()[k];
        errors[k + 1][i] = Math.sqrt(e / TOYS) / pb;
      }
    }
    double[] got = new double[6];
    got[0] = toys.observed();
    System.arraycopy(toys.expected(), 0, got, 1, 5);
    for (int k = 0; k < 6; k++) {
      double[] y = curves[k];
      int cross = 1;
      while (!(y[cross - 1] >= ALPHA && y[cross] < ALPHA)) {
        cross++;
      }
      double slope = (y[cross - 1] - y[cross]) / (scan[cross] - scan[cross - 1]);
      double want = scan[cross - 1] + (y[cross - 1] - ALPHA) / slope;
      // toys at neighbouring μ share seeds (correlation ≤ 1): the larger of the two errors
      double sigma = Math.max(errors[k][cross - 1], errors[k][cross]) / slope;
      System.out.printf("curve %d: toys %.4f asymptotic %.4f σ %.4f%n", k, got[k], want, sigma);
      assertEquals(want, got[k], 3 * sigma, "curve " + k);
    }
    for (int k = 1; k < 5; k++) {
      assertTrue(toys.expected()[k] >= toys.expected()[k - 1], "band ascending");
    }
  }

  @Test
  void sameSeedSameLimitsOnOneAndTwoThreads() {
    HistFactoryModel m = CountingExperimentTest.model(10, 50, 52);
    UpperLimit.Result[] r = new UpperLimit.Result[2];
    java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
    java.io.PrintStream progress =
        new java.io.PrintStream(lines, true, java.nio.charset.StandardCharsets.UTF_8);
    for (int t = 1; t <= 2; t++) {
      try (LocalTaskRunner runner = new LocalTaskRunner(t)) {
        r[t - 1] =
            UpperLimit.computeToys(
                new Fitter(m),
                m.observedData(),
                TestStatistic.QTILDE,
                0,
                5,
                6,
                ALPHA,
                60,
                9,
                runner,
                t == 1 ? progress : null);
      }
    }
    String text = lines.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("[1/6] mu = 0: CLs "), text);
    assertTrue(text.contains("[6/6] mu = 5: CLs "), text);
    assertEquals(r[0].observed(), r[1].observed(), 0.0);
    assertArrayEquals(r[0].expected(), r[1].expected(), 0.0);
    assertArrayEquals(r[0].clsObserved(), r[1].clsObserved(), 0.0);
  }

  @Test
  void aScanPointWithoutBackgroundToysAboveTheDataNamesThePoiValue() {
    // n = 40 against b = 100 (the deficit of ToyCalculatorTest): CLb = 0 among 30 toys
    HistFactoryModel m = CountingExperimentTest.model(50, 100, 40);
    try (LocalTaskRunner runner = new LocalTaskRunner(1)) {
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () ->
                  UpperLimit.computeToys(
                      new Fitter(m),
                      m.observedData(),
                      TestStatistic.QTILDE,
                      1,
                      2,
                      2,
                      ALPHA,
                      30,
                      3,
                      runner,
                      null));
      assertTrue(e.getMessage().startsWith("at mu = 1: "), e.getMessage());
      assertTrue(e.getMessage().contains("run more toys"), e.getMessage());
    }
  }
}
