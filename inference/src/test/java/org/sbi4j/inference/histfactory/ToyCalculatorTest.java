package org.sbi4j.inference.histfactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;

/**
 * Toy CLs (docs/math.md §6.8) on a counting experiment with a large known background (b = 1000, s =
 * 50, n = 1000), where the asymptotic formulae hold: toy CLs+b, CLb and CLs agree with {@link
 * AsymptoticCalculator} within 3σ of the toys' binomial error; and the toys do not depend on the
 * thread count.
 */
class ToyCalculatorTest {
  static HistFactoryModel model(double s, double b, double n) {
    return CountingExperimentTest.model(s, b, n);
  }

  static double binomialError(double p, int n) {
    return Math.sqrt(p * (1 - p) / n);
  }

  void agreesWithAsymptotics(TestStatistic stat) {
    HistFactoryModel m = model(50, 1000, 1000);
    int toys = 1000;
    ToyCalculator.Result t;
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      t = new ToyCalculator(new Fitter(m), m.observedData(), stat, toys, 7).test(1, runner);
    }
    AsymptoticCalculator.Result a =
        new AsymptoticCalculator(new Fitter(m), m.observedData(), stat).test(1);
    double eSb = binomialError(a.clsb(), toys);
    double eB = binomialError(a.clb(), toys);
    double eCls = a.clsObserved() * Math.hypot(eSb / a.clsb(), eB / a.clb());
    System.out.printf(
        "%s toys: CLs+b %.4f CLb %.4f CLs %.4f; asymptotic %.4f %.4f %.4f; σ(CLs) %.4f%n",
        stat.cliName(),
        t.clsb(),
        t.clb(),
        t.clsObserved(),
        a.clsb(),
        a.clb(),
        a.clsObserved(),
        eCls);
    assertEquals(a.testStatValue(), t.testStatValue(), 1e-9);
    assertEquals(a.clsb(), t.clsb(), 3 * eSb);
    assertEquals(a.clb(), t.clb(), 3 * eB);
    assertEquals(a.clsObserved(), t.clsObserved(), 3 * eCls);
    assertEquals(t.clsb() / t.clb(), t.clsObserved(), 1e-15);
    double[] band = t.clsExpected();
    for (int i = 1; i < 5; i++) {
      assertTrue(band[i] >= band[i - 1], "band ascending");
    }
    // Median expected CLs: asymptotically Φ(−√q_A)/0.5; the toy median is within a few percent.
    assertEquals(a.clsExpected()[2], band[2], 0.15 * a.clsExpected()[2]);
  }

  @Test
  void qAgreesWithAsymptoticsForLargeBackground() {
    agreesWithAsymptotics(TestStatistic.Q);
  }

  @Test
  void qtildeAgreesWithAsymptoticsForLargeBackground() {
    agreesWithAsymptotics(TestStatistic.QTILDE);
  }

  @Test
  void sameSeedSameResultOnOneAndTwoThreads() {
    HistFactoryModel m = model(10, 50, 52);
    ToyCalculator.Result one;
    ToyCalculator.Result two;
    try (LocalTaskRunner r1 = new LocalTaskRunner(1);
        LocalTaskRunner r2 = new LocalTaskRunner(2)) {
      one =
          new ToyCalculator(new Fitter(m), m.observedData(), TestStatistic.QTILDE, 100, 11)
              .test(1.5, r1);
      two =
          new ToyCalculator(new Fitter(m), m.observedData(), TestStatistic.QTILDE, 100, 11)
              .test(1.5, r2);
    }
    assertArrayEquals(one.signalToys(), two.signalToys());
    assertArrayEquals(one.backgroundToys(), two.backgroundToys());
    assertArrayEquals(one.clsExpected(), two.clsExpected());
    assertEquals(one.clsObserved(), two.clsObserved());
  }

  @Test
  void noBackgroundToyAboveTheObservedStatisticIsAnErrorNotANaN() {
    // n = 40 against b = 100: q(μ = 1) of the data is far beyond what Poisson(100) toys reach
    // (a 6σ deficit), so CLb = 0 among 30 toys and CLs = CLs+b/CLb is undefined
    HistFactoryModel m = model(50, 100, 40);
    try (LocalTaskRunner r = new LocalTaskRunner(1)) {
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class,
              () ->
                  new ToyCalculator(new Fitter(m), m.observedData(), TestStatistic.QTILDE, 30, 3)
                      .test(1, r));
      assertTrue(e.getMessage().contains("run more toys"), e.getMessage());
    }
  }

  @Test
  void percentileAndTailFollowNumpyAndPyhf() {
    double[] x = {1, 2, 3, 4};
    assertEquals(2.5, ToyCalculator.percentile(x, 50), 1e-15);
    assertEquals(1.3, ToyCalculator.percentile(x, 10), 1e-12);
    assertEquals(0.75, ToyCalculator.tail(x, 2), 0);
    assertEquals(0.5, ToyCalculator.tail(x, 2.5), 0);
    assertEquals(0, ToyCalculator.tail(x, 5), 0);
  }
}
