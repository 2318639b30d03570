package org.sbi4j.samples.mining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Interference2D;
import org.sbi4j.samples.simulators.Simulator;

/**
 * The identities of docs/math.md §2 on unweighted draws: E[t(x,z|θ)|θ] = 0, E[r(x,z|θ0,θ1)|θ1] = 1,
 * E[r(x,z)|x,θ1] = r(x) in bins, and draws following the exact p(x|θ). Each uses a fixed seed; the
 * bands are 4 Monte Carlo standard errors (a false failure has probability ~6e−5 per check).
 */
class IdentitiesTest {
  private static double[] meanAndError(double[] v, int stride, int k) {
    int n = v.length / stride;
    double s = 0;
    double q = 0;
    for (int i = 0; i < n; i++) {
      s += v[i * stride + k];
      q += v[i * stride + k] * v[i * stride + k];
    }
    double mean = s / n;
    return new double[] {mean, Math.sqrt((q / n - mean * mean) / n)};
  }

  @Test
  void jointScoreHasMeanZeroAndJointRatioMeanOne() {
    Simulator sim = new Interference2D();
    EventSource src = EventSource.of(sim.events(100_000, 3));
    TrainingSamples ts = new TrainingSamples(sim.setup(), 0);
    double[] theta = {0.5, -0.4};
    EventSample sally = ts.sally(src, theta, 20_000, 4).sample();
    double[] t = sally.column(org.sbi4j.samples.Column.T_XZ0);
    for (int k = 0; k < 2; k++) {
      double[] me = meanAndError(t, 2, k);
      assertTrue(Math.abs(me[0]) < 4 * me[1], "E[t_" + k + "] = " + me[0] + " ± " + me[1]);
    }
    EventSample ratio = ts.ratio(src, new double[][] {{-0.3, 0.6}}, theta, 40_000, 5).sample();
    double[] y = ratio.column(org.sbi4j.samples.Column.Y);
    double[] logR = ratio.column(org.sbi4j.samples.Column.LOG_R_XZ);
    int n1 = (int) Arrays.stream(y).sum();
    double[] r = new double[n1];
    double[] invR = new double[ratio.size() - n1];
    int a = 0;
    int b = 0;
    for (int i = 0; i < ratio.size(); i++) {
      if (y[i] == 1) {
        r[a++] = Math.exp(logR[i]);
      } else {
        invR[b++] = Math.exp(-logR[i]);
      }
    }
    double[] me = meanAndError(r, 1, 0);
    assertTrue(Math.abs(me[0] - 1) < 4 * me[1], "E[r|θ1] = " + me[0] + " ± " + me[1]);
    me = meanAndError(invR, 1, 0);
    assertTrue(Math.abs(me[0] - 1) < 4 * me[1], "E[1/r|θ0] = " + me[0] + " ± " + me[1]);
  }

  @Test
  void conditionalJointRatioMatchesExactRatioInEveryWellPopulatedBin() {
    Simulator sim = new Interference1D();
    EventSource src = EventSource.of(sim.events(400_000, 6));
    double[] theta0 = {0.6};
    double[] theta1 = {-0.2};
    EventSample s =
        new TrainingSamples(sim.setup(), 0)
            .ratio(src, new double[][] {theta0}, theta1, 100_000, 7)
            .sample();
    double lo = -1;
    double width = 0.5;
    int bins = 12;
    double[] sum = new double[bins];
    double[] sq = new double[bins];
    int[] count = new int[bins];
    for (int i = 0; i < s.size(); i++) {
      if (s.value(org.sbi4j.samples.Column.Y, i, 0) != 1) {
        continue;
      }
      int k = (int) Math.floor((s.x(i, 0) - lo) / width);
      if (k >= 0 && k < bins) {
        double r = Math.exp(s.value(org.sbi4j.samples.Column.LOG_R_XZ, i, 0));
        sum[k] += r;
        sq[k] += r * r;
        count[k]++;
      }
    }
    int checked = 0;
    for (int k = 0; k < bins; k++) {
      if (count[k] < 1000) {
        continue;
      }
      double a = lo + k * width;
      double exact = bin(sim, theta0, a, a + width) / bin(sim, theta1, a, a + width);
      double mean = sum[k] / count[k];
      double se = Math.sqrt((sq[k] / count[k] - mean * mean) / count[k]);
      // plus the Monte Carlo error of σ̂(θ0)/σ̂(θ1) from 400k weighted events (≈ 0.2 %)
      double tol = 4 * Math.hypot(se, 0.002 * exact);
      assertEquals(exact, mean, tol, "bin [" + a + ", " + (a + width) + ") with " + count[k]);
      checked++;
    }
    assertTrue(checked >= 6, "only " + checked + " bins populated");
  }

  /** ∫_a^b p(x|θ) dx by Simpson's rule (smooth integrand, 200 intervals: error < 1e-10). */
  private static double bin(Simulator sim, double[] theta, double a, double b) {
    int n = 200;
    double h = (b - a) / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      s += w * Math.exp(sim.logLikelihood(new double[] {a + i * h}, theta));
    }
    return s * h / 3;
  }

  @Test
  void unweightedDrawsFollowTheExactDensity() {
    Simulator sim = new Interference1D();
    GoldMiner miner = new GoldMiner(sim.setup());
    EventSource src = EventSource.of(sim.events(300_000, 9));
    double[] theta = {0.8};
    int n = 20_000;
    Draws d = new Unweighter(miner).draw(src, new double[][] {theta}, new int[] {n}, 0, 10);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d.events().x(i, 0);
    }
    Arrays.sort(x);
    // Kolmogorov–Smirnov against the exact CDF, integrated on the fly with Simpson steps of 0.01
    double cdf = 0;
    double at = -6;
    double dmax = 0;
    for (int i = 0; i < n; i++) {
      while (at + 0.01 <= x[i]) {
        cdf += bin(sim, theta, at, at + 0.01);
        at += 0.01;
      }
      double f = cdf + (x[i] > at ? bin(sim, theta, at, x[i]) : 0);
      dmax = Math.max(dmax, Math.max(Math.abs(f - (double) i / n), Math.abs(f - (i + 1.0) / n)));
    }
    // drawing with replacement from 300k weighted events inflates the variance by ~n/300k ≈ 7 %;
    // the KS critical value at p = 0.001 is 1.95/√n
    assertTrue(dmax * Math.sqrt(n) < 1.95 * 1.1, "KS D√n = " + dmax * Math.sqrt(n));
    assertTrue(d.effectiveSampleSize()[0] > 1000, "ESS " + d.effectiveSampleSize()[0]);
  }
}
