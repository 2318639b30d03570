package org.sbi4j.inference.histfactory;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;

/**
 * Upper limits on the POI (docs/math.md §6.6, §6.8): CLs on a scan of μ, then for the observed
 * curve and each of the five expected ones the first crossing of CLs = α. With the asymptotic
 * formulae the crossing is refined by Brent's method between the bracketing scan points; with toys
 * (every μ tested with the same seed, so the curves are smooth in μ up to the toys' resolution) it
 * is the linear interpolation between them.
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

  /**
   * Asymptotic limits at level {@code alpha} (0.05 for 95 % CL) from a scan of n points over [lo,
   * hi].
   */
  public static Result compute(
      Fitter fitter,
      Data data,
      TestStatistic statistic,
      double lo,
      double hi,
      int n,
      double alpha) {
    check(statistic, lo, hi, n);
    AsymptoticCalculator calc = new AsymptoticCalculator(fitter, data, statistic);
    Map<Double, double[]> cache = new HashMap<>();
    DoubleFunction<double[]> curves =
        mu ->
            cache.computeIfAbsent(
                mu,
                m -> {
                  AsymptoticCalculator.Result r = calc.test(m);
                  return curves(r.clsObserved(), r.clsExpected());
                });
    return scan(curves, lo, hi, n, alpha, true);
  }

  /**
   * Limits at level {@code alpha} from toys: at every scan point a {@link ToyCalculator} with
   * {@code toys} toys per hypothesis and the same {@code seed}, run on {@code runner}; {@code
   * progress} (or null) gets one line per scan point.
   */
  public static Result computeToys(
      Fitter fitter,
      Data data,
      TestStatistic statistic,
      double lo,
      double hi,
      int n,
      double alpha,
      int toys,
      long seed,
      TaskRunner runner,
      PrintStream progress) {
    check(statistic, lo, hi, n);
    ToyCalculator calc = new ToyCalculator(fitter, data, statistic, toys, seed);
    int[] done = {0};
    long start = System.nanoTime();
    DoubleFunction<double[]> curves =
        mu -> {
          ToyCalculator.Result r;
          try {
            r = calc.test(mu, runner);
          } catch (InvalidValueException e) {
            throw e;
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "at " + fitter.model().poi() + " = " + compact(mu) + ": " + e.getMessage(), e);
          }
          done[0]++;
          if (progress != null) {
            progress.printf(
                Locale.ROOT,
                "[%d/%d] %s = %s: CLs %.4g (%.1f s)%n",
                done[0],
                n,
                fitter.model().poi(),
                compact(mu),
                r.clsObserved(),
                (System.nanoTime() - start) / 1e9);
          }
          return curves(r.clsObserved(), r.clsExpected());
        };
    return scan(curves, lo, hi, n, alpha, false);
  }

  /** {@code x} to 6 significant digits without trailing zeros ("1", "0.3"). */
  static String compact(double x) {
    return new java.math.BigDecimal(x)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static void check(TestStatistic statistic, double lo, double hi, int n) {
    if (!(lo < hi) || n < 2) {
      throw new InvalidValueException(
          "scan", "the scan needs lo < hi and at least 2 points, got " + lo + ":" + hi + ":" + n);
    }
    if (statistic == TestStatistic.Q0 || statistic == TestStatistic.TMU) {
      throw new InvalidValueException(
          "test statistic", "upper limits use q or qtilde, not " + statistic.cliName());
    }
  }

  private static double[] curves(double observed, double[] expected) {
    double[] out = new double[6];
    out[0] = observed;
    System.arraycopy(expected, 0, out, 1, 5);
    return out;
  }

  /**
   * Scans [lo, hi] in n points and finds each curve's first downward crossing of alpha: by Brent's
   * method on {@code curves} ({@code refine}) or by linear interpolation of the scan.
   */
  private static Result scan(
      DoubleFunction<double[]> curves, double lo, double hi, int n, double alpha, boolean refine) {
    double[] scan = new double[n];
    double[] obs = new double[n];
    double[][] exp = new double[n][];
    for (int i = 0; i < n; i++) {
      scan[i] = lo + (hi - lo) * i / (n - 1);
      double[] c = curves.apply(scan[i]);
      obs[i] = c[0];
      exp[i] = Arrays.copyOfRange(c, 1, 6);
    }
    double[] limits = new double[6];
    for (int k = 0; k < 6; k++) {
      int curve = k;
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = curve == 0 ? obs[i] : exp[i][curve - 1];
      }
      int cross = -1;
      for (int i = 1; i < n && cross < 0; i++) {
        if (y[i - 1] >= alpha && y[i] < alpha) {
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
      double a = scan[cross - 1];
      double b = scan[cross];
      limits[k] =
          refine
              ? new BrentSolver(1e-10, 1e-8).solve(200, mu -> curves.apply(mu)[curve] - alpha, a, b)
              : a + (b - a) * (y[cross - 1] - alpha) / (y[cross - 1] - y[cross]);
    }
    return new Result(limits[0], Arrays.copyOfRange(limits, 1, 6), scan, obs, exp);
  }
}
