package org.sbi4j.training.nplm;

/**
 * Box-constrained minimisation by projected L-BFGS: the two-metric projection method of Bertsekas
 * (SIAM J. Control Optim. 20, 1982) with a limited-memory quasi-Newton metric (Nocedal and Wright,
 * Numerical Optimization, alg. 7.4) on the free variables.
 *
 * <p>Each iteration: the binding set B = {i : x_i = l_i, g_i > 0 or x_i = u_i, g_i < 0} is frozen;
 * on the others the direction is d = −H g by the two-loop recursion over the stored pairs (dot
 * products over the free variables); if d is not a descent direction the memory is dropped and d =
 * −g. The step follows the projected path x(α) = P(x + α d) with Armijo backtracking f(x(α)) ≤ f(x)
 * + c₁ gᵀ(x(α) − x). A pair (s, y) is kept only when sᵀy > 0 (curvature).
 *
 * <p>Stops when the projected gradient ‖P(x − g) − x‖_∞ ≤ gradientTolerance, when the relative
 * decrease over the last 10 iterations, (f_{k−10} − f_k)/max(1, |f_k|), is ≤ relativeTolerance (the
 * slow drift of saturating units moves t by less than that), when the line search cannot decrease
 * f, or after maxIterations.
 *
 * @param memory number of stored (s, y) pairs, ≥ 1
 * @param maxIterations iteration cap, ≥ 1
 * @param relativeTolerance relative decrease threshold, ≥ 0
 * @param gradientTolerance projected-gradient threshold, ≥ 0
 */
public record ProjectedLbfgs(
    int memory, int maxIterations, double relativeTolerance, double gradientTolerance)
    implements java.io.Serializable {
  private static final double ARMIJO = 1e-4;
  private static final int MAX_BACKTRACKS = 60;
  private static final int WINDOW = 10;

  public ProjectedLbfgs {
    if (memory < 1 || maxIterations < 1 || !(relativeTolerance >= 0) || !(gradientTolerance >= 0)) {
      throw new IllegalArgumentException(
          "L-BFGS needs memory ≥ 1, maxIterations ≥ 1 and "
              + "tolerances ≥ 0, got "
              + memory
              + ", "
              + maxIterations
              + ", "
              + relativeTolerance
              + ", "
              + gradientTolerance);
    }
  }

  /** Defaults for NPLM fits: 10 pairs, 20 000 iterations, window decrease 1e−8, gradient 1e−9. */
  public static ProjectedLbfgs defaults() {
    return new ProjectedLbfgs(10, 20_000, 1e-8, 1e-9);
  }

  /** Outcome: the minimiser, its value, iterations and objective evaluations used. */
  public record Result(
      double[] x, double value, int iterations, int evaluations, boolean converged) {
    public Result {
      x = x.clone();
    }

    @Override
    public double[] x() {
      return x.clone();
    }
  }

  /** Clamps x into [lower, upper] in place. */
  public static void project(double[] x, double[] lower, double[] upper) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
    }
  }

  /** Minimises {@code f} over the box from {@code start} (projected into the box first). */
  public Result minimize(Objective f, double[] start, double[] lower, double[] upper) {
    int n = start.length;
    if (lower.length != n || upper.length != n) {
      throw new IllegalArgumentException(
          "bounds have "
              + lower.length
              + " and "
              + upper.length
              + " entries for "
              + n
              + " variables");
    }
    for (int i = 0; i < n; i++) {
      if (!(lower[i] <= upper[i])) {
        throw new IllegalArgumentException(
            "bound " + i + " is empty: [" + lower[i] + ", " + upper[i] + "]");
      }
    }
    double[] x = start.clone();
    project(x, lower, upper);
    double[] g = new double[n];
    double fx = checked(f.valueAndGradient(x, g), 0);
    int evaluations = 1;
    Memory mem = new Memory(memory, n);
    boolean[] free = new boolean[n];
    double[] d = new double[n];
    double[] xn = new double[n];
    double[] gn = new double[n];
    double[] history = new double[WINDOW];
    int iter = 0;
    boolean converged = false;
    while (iter < maxIterations) {
      if (projectedGradientNorm(x, g, lower, upper) <= gradientTolerance) {
        converged = true;
        break;
      }
      iter++;
      for (int i = 0; i < n; i++) {
        free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
      }
      double slope = mem.direction(g, free, d);
      if (!(slope < 0)) {
        mem.clear();
        slope = mem.direction(g, free, d);
      }
      double alpha = mem.isEmpty() ? 1.0 / Math.max(1.0, norm(d)) : 1.0;
      double fn = Double.NaN;
      boolean accepted = false;
      for (int k = 0; k < MAX_BACKTRACKS && !accepted; k++) {
        for (int i = 0; i < n; i++) {
          xn[i] = Math.min(upper[i], Math.max(lower[i], x[i] + alpha * d[i]));
        }
        fn = f.valueAndGradient(xn, gn);
        evaluations++;
        double decrease = 0;
        for (int i = 0; i < n; i++) {
          decrease += g[i] * (xn[i] - x[i]);
        }
        accepted = Double.isFinite(fn) && decrease < 0 && fn <= fx + ARMIJO * decrease;
        alpha *= 0.5;
      }
      if (!accepted) {
        converged = true;
        break;
      }
      mem.push(x, xn, g, gn);
      double before = iter > WINDOW ? history[iter % WINDOW] : Double.POSITIVE_INFINITY;
      history[iter % WINDOW] = fn;
      System.arraycopy(xn, 0, x, 0, n);
      System.arraycopy(gn, 0, g, 0, n);
      fx = fn;
      if (before - fn <= relativeTolerance * Math.max(1.0, Math.abs(fn))) {
        converged = true;
        break;
      }
    }
    return new Result(x, fx, iter, evaluations, converged);
  }

  private static double checked(double value, int iteration) {
    if (!Double.isFinite(value)) {
      throw new ArithmeticException(
          "objective is "
              + value
              + " at L-BFGS iteration "
              + iteration
              + "; check the inputs or tighten the bounds");
    }
    return value;
  }

  static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
    double max = 0;
    for (int i = 0; i < x.length; i++) {
      double step = Math.min(upper[i], Math.max(lower[i], x[i] - g[i])) - x[i];
      max = Math.max(max, Math.abs(step));
    }
    return max;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double e : v) {
      s += e * e;
    }
    return Math.sqrt(s);
  }

  /** The stored pairs (circular, newest last) and the two-loop recursion. */
  private static final class Memory {
    private final double[][] s;
    private final double[][] y;
    private final double[] alpha;
    private int count;
    private int head;

    Memory(int m, int n) {
      s = new double[m][n];
      y = new double[m][n];
      alpha = new double[m];
    }

    boolean isEmpty() {
      return count == 0;
    }

    void clear() {
      count = 0;
    }

    void push(double[] x, double[] xn, double[] g, double[] gn) {
      double sy = 0;
      double yy = 0;
      for (int i = 0; i < x.length; i++) {
        double si = xn[i] - x[i];
        double yi = gn[i] - g[i];
        sy += si * yi;
        yy += yi * yi;
      }
      if (!(sy > 1e-12 * yy) || yy == 0) {
        return;
      }
      int slot = (head + count) % s.length;
      for (int i = 0; i < x.length; i++) {
        s[slot][i] = xn[i] - x[i];
        y[slot][i] = gn[i] - g[i];
      }
      if (count < s.length) {
        count++;
      } else {
        head = (head + 1) % s.length;
      }
    }

    /** Writes d = −H g on the free variables (0 elsewhere); returns gᵀd. */
    double direction(double[] g, boolean[] free, double[] d) {
      int n = g.length;
      for (int i = 0; i < n; i++) {
        d[i] = free[i] ? -g[i] : 0.0;
      }
      double gamma = 1.0;
      int used = 0;
      boolean[] ok = new boolean[s.length];
      double[] rho = new double[s.length];
      for (int k = count - 1; k >= 0; k--) {
        int slot = (head + k) % s.length;
        double sy = dot(s[slot], y[slot], free);
        if (!(sy > 0)) {
          continue;
        }
        ok[k] = true;
        rho[k] = 1.0 / sy;
        alpha[k] = rho[k] * dot(s[slot], d, free);
        axpy(-alpha[k], y[slot], d, free);
        double yy = dot(y[slot], y[slot], free);
        if (used++ == 0 && yy > 0) {
          gamma = sy / yy;
        }
      }
      for (int i = 0; i < n; i++) {
        d[i] *= gamma;
      }
      for (int k = 0; k < count; k++) {
        if (ok[k]) {
          int slot = (head + k) % s.length;
          double beta = rho[k] * dot(y[slot], d, free);
          axpy(alpha[k] - beta, s[slot], d, free);
        }
      }
      double slope = 0;
      for (int i = 0; i < n; i++) {
        slope += g[i] * d[i];
      }
      return slope;
    }

    private static double dot(double[] a, double[] b, boolean[] free) {
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        if (free[i]) {
          sum += a[i] * b[i];
        }
      }
      return sum;
    }

    private static void axpy(double a, double[] x, double[] y, boolean[] free) {
      for (int i = 0; i < x.length; i++) {
        if (free[i]) {
          y[i] += a * x[i];
        }
      }
    }
  }
}
