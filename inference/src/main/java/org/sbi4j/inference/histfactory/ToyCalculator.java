package org.sbi4j.inference.histfactory;

import java.util.Arrays;
import org.sbi4j.common.Check;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;

/**
 * CLs from pseudo-experiments (docs/math.md §6.8), with pyhf's {@code ToyCalculator} conventions:
 * toys drawn from the model at the conditional fits to the observed data at μ (signal+background)
 * and at μ = 0 (background only; for q₀ at μ = 0 and μ = 1), main counts Poisson and auxiliary data
 * from their constraints; each toy's statistic comes from its own fits. CLs+b and CLb are the
 * fractions of toys with q ≥ q_obs, CLs = CLs+b/CLb, and the expected band holds the percentiles
 * Φ(−2…+2) of the CLs of the background-only toys' own statistics (numpy's linear percentiles).
 *
 * <p>Toy {@code k} of hypothesis {@code h} (0: signal+background, 1: background only) draws from
 * seed {@code Seeds.derive(seed, h, k)}; the toys run in blocks as tasks that carry what rebuilds
 * the model ({@link ToyTasks}), so the result does not depend on the runner (local threads or
 * Spark) or its parallelism.
 */
public final class ToyCalculator {
  /** 100·Φ(n) for n = −2, −1, 0, 1, 2: the percentiles of the expected band, as pyhf's. */
  static final double[] PERCENTILES = {
    2.27501319481792, 15.865525393145708, 50.0, 84.1344746068543, 97.72498680518208
  };

  private final Fitter fitter;
  private final Data data;
  private final TestStatistic statistic;
  private final int toys;
  private final long seed;

  /**
   * A calculator for {@code data} with {@code toys} toys per hypothesis. For q̃ a POI lower bound
   * below 0 is raised to 0, as in {@link AsymptoticCalculator}.
   */
  public ToyCalculator(Fitter fitter, Data data, TestStatistic statistic, int toys, long seed) {
    Check.positive("toys", toys);
    this.fitter = fitter.forStatistic(statistic);
    this.data = data;
    this.statistic = statistic;
    this.toys = toys;
    this.seed = seed;
  }

  /** The result of one hypothesis test; the statistics of the toys are sorted ascending. */
  public record Result(
      String poi,
      double poiValue,
      String testStat,
      double testStatValue,
      double clsObserved,
      double[] clsExpected,
      double clsb,
      double clb,
      int toys,
      double[] signalToys,
      double[] backgroundToys)
      implements ClsResult {
    public Result {
      clsExpected = clsExpected.clone();
      signalToys = signalToys.clone();
      backgroundToys = backgroundToys.clone();
    }

    @Override
    public double[] clsExpected() {
      return clsExpected.clone();
    }

    @Override
    public double[] signalToys() {
      return signalToys.clone();
    }

    @Override
    public double[] backgroundToys() {
      return backgroundToys.clone();
    }
  }

  /** The hypothesis test at POI value {@code mu}, its toys run on {@code runner}. */
  public Result test(double mu, TaskRunner runner) {
    double q = statistic.evaluate(fitter, data, mu).value();
    boolean discovery = statistic == TestStatistic.Q0;
    double[] signalPars = fitter.fixedPoiFit(data, discovery ? 0 : mu).parameters();
    double[] backgroundPars = fitter.fixedPoiFit(data, discovery ? 1 : 0).parameters();
    ToyTasks.Job job =
        new ToyTasks.Job(fitter.setup(), statistic, mu, signalPars, backgroundPars, seed);
    double[][] values = ToyTasks.run(fitter, job, toys, runner);
    int n = toys;
    double[] sb = values[0];
    double[] b = values[1];
    Arrays.sort(sb);
    Arrays.sort(b);
    double clsb = tail(sb, q);
    double clb = tail(b, q);
    if (!discovery && clb == 0) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "no background-only toy reached the observed %s = %.6g among %d toys, so CLs ="
                  + " CLs+b/CLb is undefined; run more toys",
              statistic.cliName(),
              q,
              n));
    }
    double[] band = new double[n];
    for (int k = 0; k < n; k++) {
      double pb = tail(sb, b[k]);
      band[k] = discovery ? pb : pb / tail(b, b[k]);
    }
    Arrays.sort(band);
    double[] expected = new double[PERCENTILES.length];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = percentile(band, PERCENTILES[i]);
    }
    return new Result(
        fitter.model().poi(),
        mu,
        statistic.cliName(),
        q,
        discovery ? clsb : clsb / clb,
        expected,
        clsb,
        clb,
        n,
        sb,
        b);
  }

  /** Fraction of the sorted {@code values} that are ≥ {@code x} (pyhf's empirical p-value). */
  static double tail(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (sorted.length - lo) / (double) sorted.length;
  }

  /** numpy's default (linear) percentile {@code p} (0…100) of sorted {@code values}. */
  static double percentile(double[] sorted, double p) {
    double rank = p / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }
}
