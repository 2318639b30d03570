package org.sbi4j.inference.limits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.sbi4j.inference.likelihood.LogLikelihood;

/**
 * Grid scan of a log-likelihood with a continuous best fit and Wilks intervals (docs/math.md §4).
 *
 * <p>All grid points go through {@link LogLikelihood#evaluate(double[][])} in one call. The best
 * fit starts at the best grid point: Brent's method on the neighbouring grid cells for one
 * parameter, BOBYQA inside the grid box for several. One parameter: the 68 %/95 % ends are the
 * crossings q = 1.00/3.84, bracketed on the grid and solved on the continuous q(θ) with Brent's
 * root finder (so they are exact up to 1e-9, not limited by the grid spacing). Several parameters:
 * each is profiled on the grid (minimum over the other axes, refined by a parabola through the
 * three points around the minimum when there is one other axis) and the crossings of the profile
 * are linearly interpolated.
 */
public final class LikelihoodScan {
  private static final double ROOT_ACCURACY = 1e-10;

  private LikelihoodScan() {}

  /**
   * Scans {@code likelihood} over {@code grid}.
   *
   * @param likelihood log L(θ)
   * @param names parameter names, one per grid axis
   * @param grid the grid
   * @throws IllegalStateException when log L is not finite somewhere (the message names θ)
   */
  public static ScanResult run(LogLikelihood likelihood, List<String> names, ParameterGrid grid) {
    return run(likelihood, names, grid, likelihood::evaluate);
  }

  /**
   * As {@link #run(LogLikelihood, List, ParameterGrid)}, with the grid values from {@code
   * gridValues} (e.g. grid blocks run as tasks); the best fit and intervals use {@code likelihood}.
   */
  public static ScanResult run(
      LogLikelihood likelihood,
      List<String> names,
      ParameterGrid grid,
      java.util.function.Function<double[][], double[]> gridValues) {
    if (likelihood.dimension() != grid.dimension() || names.size() != grid.dimension()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "likelihood has %d parameters, names %s, grid %d axes; they must agree",
              likelihood.dimension(),
              names,
              grid.dimension()));
    }
    double[][] points = grid.points();
    double[] logL = gridValues.apply(points);
    if (logL.length != points.length) {
      throw new IllegalStateException(
          logL.length + " log L values for " + points.length + " grid points");
    }
    int best = 0;
    for (int g = 0; g < logL.length; g++) {
      requireFinite(logL[g], points[g]);
      if (logL[g] > logL[best]) {
        best = g;
      }
    }
    PointValuePair fit = bestFit(likelihood, grid, points[best], logL[best]);
    double max = fit.getValue();
    int k = grid.dimension();
    double[] q = new double[logL.length];
    double[] p = new double[logL.length];
    for (int g = 0; g < q.length; g++) {
      q[g] = Math.max(0, -2 * (logL[g] - max));
      p[g] = Wilks.pValue(q[g], k);
    }
    List<String> warnings = new ArrayList<>();
    Map<String, Intervals> intervals = new LinkedHashMap<>();
    for (int a = 0; a < k; a++) {
      Intervals iv =
          k == 1
              ? oneDimensional(likelihood, grid.axis(0), q, fit.getPoint()[0], max)
              : profiled(grid, q, a, fit.getPoint()[a]);
      intervals.put(names.get(a), iv);
      edgeWarnings(names.get(a), iv, warnings);
    }
    return new ScanResult(names, grid, logL, fit.getPoint(), max, q, p, intervals, warnings);
  }

  private static void requireFinite(double value, double[] theta) {
    if (!Double.isFinite(value)) {
      throw new IllegalStateException(
          "log L(θ = "
              + Arrays.toString(theta)
              + ") = "
              + value
              + "; the likelihood must be finite on the whole grid");
    }
  }

  /**
   * The continuous maximum of log L inside the box of {@code grid}: the best grid point, refined as
   * in {@link #run} (Brent's method in 1D, BOBYQA otherwise); never worse than the grid.
   *
   * @return the maximising θ and log L there
   * @throws IllegalStateException when log L is not finite somewhere on the grid
   */
  public static PointValuePair maximum(LogLikelihood likelihood, ParameterGrid grid) {
    double[][] points = grid.points();
    double[] logL = likelihood.evaluate(points);
    int best = 0;
    for (int g = 0; g < logL.length; g++) {
      requireFinite(logL[g], points[g]);
      if (logL[g] > logL[best]) {
        best = g;
      }
    }
    return bestFit(likelihood, grid, points[best], logL[best]);
  }

  /** Continuous maximum of log L started at the best grid point; never worse than the grid. */
  static PointValuePair bestFit(
      LogLikelihood ll, ParameterGrid grid, double[] start, double startValue) {
    double[] lo = grid.lower();
    double[] hi = grid.upper();
    PointValuePair fit;
    if (grid.dimension() == 1) {
      double[] axis = grid.axis(0);
      int i = Arrays.binarySearch(axis, start[0]);
      double a = axis[Math.max(i - 1, 0)];
      double b = axis[Math.min(i + 1, axis.length - 1)];
      UnivariatePointValuePair r =
          new BrentOptimizer(1e-12, 1e-12)
              .optimize(
                  new MaxEval(500),
                  GoalType.MAXIMIZE,
                  new SearchInterval(a, b, start[0]),
                  new UnivariateObjectiveFunction(x -> ll.evaluate(new double[] {x})));
      fit = new PointValuePair(new double[] {r.getPoint()}, r.getValue());
    } else {
      double radius = Double.POSITIVE_INFINITY;
      for (int d = 0; d < grid.dimension(); d++) {
        double[] axis = grid.axis(d);
        radius = Math.min(radius, axis[1] - axis[0]);
      }
      int n = grid.dimension();
      BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * n + 1, 0.5 * radius, 1e-10);
      fit =
          opt.optimize(
              new MaxEval(20_000),
              GoalType.MAXIMIZE,
              new ObjectiveFunction(ll::evaluate),
              new InitialGuess(start),
              new SimpleBounds(lo, hi));
    }
    requireFinite(fit.getValue(), fit.getPoint());
    return fit.getValue() >= startValue ? fit : new PointValuePair(start.clone(), startValue);
  }

  private static Intervals oneDimensional(
      LogLikelihood ll, double[] axis, double[] q, double best, double max) {
    DoubleUnaryOperator qOf = x -> -2 * (ll.evaluate(new double[] {x}) - max);
    return new Intervals(
        crossings(axis, q, best, Wilks.threshold(Wilks.CL68, 1), qOf),
        crossings(axis, q, best, Wilks.threshold(Wilks.CL95, 1), qOf));
  }

  /**
   * The hull of {q < level} on a 1D axis; each inner end is the crossing of the continuous {@code
   * qOf} (or, when null, of the linear interpolation of the grid values).
   */
  static Interval crossings(
      double[] axis, double[] q, double best, double level, DoubleUnaryOperator qOf) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < q.length; i++) {
      if (q[i] < level) {
        last = i;
        if (first < 0) {
          first = i;
        }
      }
    }
    if (first < 0) {
      // No grid point below the level: the interval is the best fit itself at this resolution.
      return new Interval(best, best, false, false);
    }
    double lower =
        first == 0
            ? axis[0]
            : solve(
                axis[first - 1],
                Math.min(axis[first], best),
                q[first - 1],
                q[first],
                level,
                qOf,
                axis[first - 1],
                axis[first]);
    double upper =
        last == q.length - 1
            ? axis[last]
            : solve(
                Math.max(axis[last], best),
                axis[last + 1],
                q[last],
                q[last + 1],
                level,
                qOf,
                axis[last],
                axis[last + 1]);
    return new Interval(
        Math.min(lower, best), Math.max(upper, best), first == 0, last == q.length - 1);
  }

  private static double solve(
      double a,
      double b,
      double qa,
      double qb,
      double level,
      DoubleUnaryOperator qOf,
      double gridA,
      double gridB) {
    double linear = gridA + (level - qa) / (qb - qa) * (gridB - gridA);
    if (qOf == null || !(b > a)) {
      return linear;
    }
    double fa = qOf.applyAsDouble(a) - level;
    double fb = qOf.applyAsDouble(b) - level;
    if (fa * fb > 0) {
      return linear;
    }
    return new BrentSolver(ROOT_ACCURACY).solve(200, x -> qOf.applyAsDouble(x) - level, a, b);
  }

  /** Profile of q along axis a: minimum over the other axes at every point of axis a. */
  static double[] profile(ParameterGrid grid, double[] q, int a) {
    double[] axis = grid.axis(a);
    double[] prof = new double[axis.length];
    Arrays.fill(prof, Double.POSITIVE_INFINITY);
    int[] argmin = new int[axis.length];
    for (int g = 0; g < q.length; g++) {
      int i = grid.indices(g)[a];
      if (q[g] < prof[i]) {
        prof[i] = q[g];
        argmin[i] = g;
      }
    }
    if (grid.dimension() == 2) {
      int other = 1 - a;
      double[] oAxis = grid.axis(other);
      for (int i = 0; i < axis.length; i++) {
        int j = grid.indices(argmin[i])[other];
        if (j > 0 && j < oAxis.length - 1) {
          int stride = other == 1 ? 1 : axis.length;
          prof[i] =
              parabolaMinimum(
                  oAxis[j - 1],
                  oAxis[j],
                  oAxis[j + 1],
                  q[argmin[i] - stride],
                  q[argmin[i]],
                  q[argmin[i] + stride]);
        }
      }
    }
    return prof;
  }

  /** Minimum of the parabola through three points (x1 the middle one, y1 the smallest). */
  static double parabolaMinimum(double x0, double x1, double x2, double y0, double y1, double y2) {
    double d0 = (y1 - y0) / (x1 - x0);
    double d1 = (y2 - y1) / (x2 - x1);
    double curvature = (d1 - d0) / (x2 - x0);
    if (!(curvature > 0)) {
      return y1;
    }
    double slope = d0 + curvature * (x1 - x0);
    return Math.max(0, Math.min(y1, y1 - slope * slope / (4 * curvature)));
  }

  private static Intervals profiled(ParameterGrid grid, double[] q, int a, double best) {
    double[] axis = grid.axis(a);
    double[] prof = profile(grid, q, a);
    return new Intervals(
        crossings(axis, prof, best, Wilks.threshold(Wilks.CL68, 1), null),
        crossings(axis, prof, best, Wilks.threshold(Wilks.CL95, 1), null));
  }

  private static void edgeWarnings(String name, Intervals iv, List<String> warnings) {
    for (Object[] c : new Object[][] {{"68 %", iv.cl68()}, {"95 %", iv.cl95()}}) {
      Interval i = (Interval) c[1];
      if (i.lowerAtEdge() || i.upperAtEdge()) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "the %s interval of '%s' reaches the %s edge of the grid; widen the grid",
                c[0],
                name,
                i.lowerAtEdge() && i.upperAtEdge()
                    ? "lower and upper"
                    : i.lowerAtEdge() ? "lower" : "upper"));
      }
    }
  }
}
