package org.sbi4j.inference.histfactory;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;

/**
 * Upper limits on the POI (docs/math.md §6.6): asymptotic CLs on a scan of μ, then for the observed
 * curve and each of the five expected ones the first crossing of CLs = α, refined by Brent's method
 * between the bracketing scan points.
 */
public final class UpperLimit {
  private UpperLimit() {}

  /**
   * The limits and the scan behind them.
   *
   * @param observed observed upper limit
   * @param expected expected upper limits at −2σ, −1σ, median, +1σ, +2σ
   * @param scan the scanned POI values
   * @param clsObserved observed CLs on the scan
   * @param clsExpected expected CLs on the scan, [point][band]
   */
  public record Result(
      double observed,
      double[] expected,
      double[] scan,
      double[] clsObserved,
      double[][] clsExpected) {}

  /** Limits at level {@code alpha} (0.05 for 95 % CL) from a scan of n points over [lo, hi]. */
  public static Result compute(
      Fitter fitter,
      Data data,
      TestStatistic statistic,
      double lo,
      double hi,
      int n,
      double alpha) {
    if (!(lo < hi) || n < 2) {
      throw new InvalidValueException(
          "scan", "the scan needs lo < hi and at least 2 points, got " + lo + ":" + hi + ":" + n);
    }
    if (statistic == TestStatistic.Q0 || statistic == TestStatistic.TMU) {
      throw new InvalidValueException(
          "test statistic", "upper limits use q or qtilde, not " + statistic.cliName());
    }
    AsymptoticCalculator calc = new AsymptoticCalculator(fitter, data, statistic);
    Map<Double, double[]> cache = new HashMap<>();
    double[] scan = new double[n];
    double[] obs = new double[n];
    double[][] exp = new double[n][];
    for (int i = 0; i < n; i++) {
      scan[i] = lo + (hi - lo) * i / (n - 1);
      double[] c = curves(calc, cache, scan[i]);
      obs[i] = c[0];
      exp[i] = java.util.Arrays.copyOfRange(c, 1, 6);
    }
    double[] limits = new double[6];
    for (int k = 0; k < 6; k++) {
      int curve = k;
      int cross = -1;
      for (int i = 1; i < n && cross < 0; i++) {
        double before = curve == 0 ? obs[i - 1] : exp[i - 1][curve - 1];
        double after = curve == 0 ? obs[i] : exp[i][curve - 1];
        if (before >= alpha && after < alpha) {
          cross = i;
        }
      }
      if (cross < 0) {
        throw new InvalidValueException(
            "scan",
            (curve == 0 ? "observed" : "expected")
                + " CLs does not cross "
                + alpha
                + " from above in ["
                + lo
                + ", "
                + hi
                + "]; widen the scan");
      }
      limits[k] =
          new BrentSolver(1e-10, 1e-8)
              .solve(
                  200, mu -> curves(calc, cache, mu)[curve] - alpha, scan[cross - 1], scan[cross]);
    }
    return new Result(limits[0], java.util.Arrays.copyOfRange(limits, 1, 6), scan, obs, exp);
  }

  private static double[] curves(
      AsymptoticCalculator calc, Map<Double, double[]> cache, double mu) {
    return cache.computeIfAbsent(
        mu,
        m -> {
          AsymptoticCalculator.Result r = calc.test(m);
          double[] out = new double[6];
          out[0] = r.clsObserved();
          System.arraycopy(r.clsExpected(), 0, out, 1, 5);
          return out;
        });
  }
}
