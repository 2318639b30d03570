package org.sbi4j.training.steps;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;
import org.sbi4j.samples.simulators.Simulator;

/**
 * Compares estimators with the exact likelihood of a built-in simulator, on fresh events drawn at
 * the simulator's generating benchmark (which must be θ1, resp. θ_ref).
 */
public final class TruthCheck {
  private TruthCheck() {}

  /**
   * Agreement of an estimate with the truth.
   *
   * @param mse mean squared difference
   * @param correlation Pearson correlation
   * @param events events compared
   */
  public record Agreement(double mse, double correlation, int events) {}

  /** θ0 points drawn per comparison of {@link #logRatio}. */
  public static final int THETA_POINTS = 20;

  /**
   * log r̂(x|θ0, θ1) against the exact log r over all pairs of n events x ~ p(x|θ1) and {@link
   * #THETA_POINTS} points θ0 drawn uniformly in {@code range} (parameters × {min, max}).
   */
  public static Agreement logRatio(
      RatioEstimator estimator, Simulator sim, double[][] range, int n, long seed) {
    double[] theta1 = generatingTheta(sim);
    int p = theta1.length;
    EventSample events = sim.events(n, Seeds.derive(seed, 1));
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 2));
    double[][] thetas = new double[THETA_POINTS][p];
    for (double[] theta : thetas) {
      for (int k = 0; k < p; k++) {
        theta[k] = range[k][0] + (range[k][1] - range[k][0]) * rng.nextDouble();
      }
    }
    double[][] lr = estimator.logRatio(events, thetas);
    double[] est = new double[THETA_POINTS * n];
    double[] exact = new double[THETA_POINTS * n];
    for (int j = 0; j < THETA_POINTS; j++) {
      for (int i = 0; i < n; i++) {
        est[j * n + i] = lr[j][i];
        exact[j * n + i] = sim.logRatio(events.xRow(i), thetas[j], theta1);
      }
    }
    return agreement(est, exact);
  }

  /** t̂(x) of a SALLY model against the exact score t(x|θ_ref), x ~ p(x|θ_ref); parameter 0. */
  public static Agreement score(ScoreEstimator estimator, Simulator sim, int n, long seed) {
    double[] ref = generatingTheta(sim);
    EventSample events = sim.events(n, Seeds.derive(seed, 3));
    double[][] tHat = estimator.score(events);
    double[] est = new double[n];
    double[] exact = new double[n];
    for (int i = 0; i < n; i++) {
      est[i] = tHat[i][0];
      exact[i] = sim.score(events.xRow(i), ref)[0];
    }
    return agreement(est, exact);
  }

  private static double[] generatingTheta(Simulator sim) {
    return sim.setup().benchmarks().get(sim.generatingBenchmark()).theta();
  }

  private static Agreement agreement(double[] a, double[] b) {
    int n = a.length;
    if (n < 2) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "comparing with the truth needs at least 2 events, got %d", n));
    }
    double mse = 0;
    for (int i = 0; i < n; i++) {
      mse += (a[i] - b[i]) * (a[i] - b[i]) / n;
    }
    return new Agreement(mse, correlation(a, b), n);
  }

  /** The Pearson correlation of two equally long series. */
  public static double correlation(double[] a, double[] b) {
    int n = a.length;
    double ma = Arrays.stream(a).average().orElseThrow();
    double mb = Arrays.stream(b).average().orElseThrow();
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}
