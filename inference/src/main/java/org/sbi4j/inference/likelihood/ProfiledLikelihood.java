package org.sbi4j.inference.likelihood;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The profile likelihood (docs/math.md §7.5): log L_prof(θ) = max_ν [log L(θ, ν) − ½ Σ_j ν_j²], the
 * Gaussian constraint N(ν_j; 0, 1) of every nuisance parameter included (up to a constant), as a
 * {@link LogLikelihood} over θ alone for the grid scan.
 *
 * <p>Every θ gets its own continuous maximisation over the free ν (never a grid over ν): a
 * quasi-Newton method (BFGS on the inverse Hessian, backtracking line search, analytic ν-gradients,
 * or central differences for a likelihood without them). It starts from the ν̂̂ and the inverse
 * Hessian of the nearest θ profiled before (on a grid: the neighbouring point), so a scan needs a
 * few steps per point; the first point starts at the fixed values / 0 with a finite-difference
 * Hessian, and the start is moved along the line through the two nearest fits (linear extrapolation
 * of ν̂̂(θ); for one θ parameter along the parabola through the three nearest). A grid (the points
 * of one {@link #evaluate(double[][])} call) is fitted as two chains when the likelihood allows
 * concurrent calls: its middle point first, then the points below it in reverse order and the
 * points above it in order, the two chains at the same time, each warm-started only from the middle
 * point, the fits before the call and its own fits; the chains are fixed by the grid alone, so the
 * numbers do not depend on the number of threads. It stops when the Newton decrement ½ gᵀH⁻¹g falls
 * below {@value #TOLERANCE}, or, once it is below {@value #LAST_STEP}, after one last Newton step
 * whose gain agrees with the quadratic model to 10 % (its value computed without a gradient): log
 * L_prof is then exact to ~1e-7, q to ~2e-7, a θ end where dq/dθ ≳ 1 to ~1e-7. A line search whose
 * step would gain less than {@value #LAST_STEP} by the quadratic model ends the fit (a float32
 * network's log L carries rounding noise of about that size, on which halving would only waste
 * evaluations). Fixed nuisance parameters keep their value. Deterministic: the same θ asked in the
 * same order give the same numbers, on any number of threads. Not for concurrent use (it is
 * synchronized).
 */
public final class ProfiledLikelihood implements LogLikelihood {
  /** Newton decrement (log L units) below which the maximum is taken as found. */
  static final double TOLERANCE = 1e-9;

  /**
   * Newton decrement below which one last full step is taken and only its value computed: when the
   * gain matches the quadratic model's ½ gᵀH⁻¹g to 10 %, the rest is below 0.1 × {@value} in log L.
   */
  static final double LAST_STEP = 1e-6;

  private static final int MAX_ITERATIONS = 200;

  /** Fewest new points of one call that are fitted as two chains. */
  static final int CHAIN_POINTS = 8;

  private static final double STEP = 1e-5;

  /** One profiled point: θ, ν̂̂(θ), log L_prof(θ) and the inverse Hessian of −log L over free ν. */
  public record Fit(double[] theta, double[] nu, double value, double[][] inverseHessian) {
    public Fit {
      theta = theta.clone();
      nu = nu.clone();
    }

    @Override
    public double[] theta() {
      return theta.clone();
    }

    @Override
    public double[] nu() {
      return nu.clone();
    }
  }

  private final NuisanceLikelihood likelihood;
  private final boolean gradients;
  private final boolean concurrent;
  private final double[] start;
  private final int[] free;
  private final List<Fit> fits = new ArrayList<>();
  private final AtomicInteger evaluations = new AtomicInteger();

  /**
   * @param likelihood log L(θ, ν) without the constraint
   * @param fixed one value per nuisance parameter: NaN for a profiled one, else its fixed value
   * @param gradients whether {@code likelihood} computes ν-gradients (else central differences)
   */
  public ProfiledLikelihood(NuisanceLikelihood likelihood, double[] fixed, boolean gradients) {
    this(likelihood, fixed, gradients, false);
  }

  /**
   * @param likelihood log L(θ, ν) without the constraint
   * @param fixed one value per nuisance parameter: NaN for a profiled one, else its fixed value
   * @param gradients whether {@code likelihood} computes ν-gradients (else central differences)
   * @param concurrent whether {@code likelihood} may be evaluated from several threads at once, its
   *     values independent of the order of the calls (then grids are fitted as two chains)
   */
  public ProfiledLikelihood(
      NuisanceLikelihood likelihood, double[] fixed, boolean gradients, boolean concurrent) {
    int m = likelihood.nuisanceNames().size();
    if (fixed.length != m) {
      throw new IllegalArgumentException(
          fixed.length + " fixed values for the nuisance parameters " + likelihood.nuisanceNames());
    }
    this.likelihood = likelihood;
    this.gradients = gradients;
    this.concurrent = concurrent;
    this.start = new double[m];
    List<Integer> f = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      if (Double.isNaN(fixed[j])) {
        f.add(j);
      } else {
        start[j] = fixed[j];
      }
    }
    this.free = f.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public int dimension() {
    return likelihood.dimension();
  }

  public List<String> nuisanceNames() {
    return likelihood.nuisanceNames();
  }

  @Override
  public double[] evaluate(double[][] thetas) {
    if (concurrent) {
      fitChains(thetas);
    }
    double[] out = new double[thetas.length];
    for (int i = 0; i < thetas.length; i++) {
      out[i] = profile(thetas[i]).value();
    }
    return out;
  }

  /** How many times log L(θ, ν) was evaluated so far (with or without gradient). */
  public int evaluations() {
    return evaluations.get();
  }

  /**
   * The profile at θ: ν̂̂(θ) and log L_prof(θ). A θ profiled before is returned as it was.
   *
   * @throws IllegalStateException when the maximum cannot be found (log L not finite around it)
   */
  public synchronized Fit profile(double[] theta) {
    Fit fit = WarmStart.find(theta, fits);
    if (fit == null) {
      fit = fitNear(theta, fits);
      fits.add(fit);
    }
    return fit;
  }

  /**
   * The points of {@code thetas} not profiled yet (the first of equal ones), when at least {@value
   * #CHAIN_POINTS}: the middle one profiled first, then the two chains below and above it at the
   * same time; their fits join the known ones in a fixed order (lower chain, then upper).
   */
  private synchronized void fitChains(double[][] thetas) {
    List<double[]> todo = new ArrayList<>();
    for (double[] theta : thetas) {
      if (WarmStart.find(theta, fits) == null
          && todo.stream().noneMatch(t -> Arrays.equals(t, theta))) {
        todo.add(theta);
      }
    }
    if (todo.size() < CHAIN_POINTS) {
      return;
    }
    int mid = todo.size() / 2;
    profile(todo.get(mid));
    List<Fit> known = List.copyOf(fits);
    List<double[]> below = new ArrayList<>(todo.subList(0, mid));
    java.util.Collections.reverse(below);
    List<double[]> above = todo.subList(mid + 1, todo.size());
    List<List<Fit>> chains =
        IntStream.range(0, 2)
            .parallel()
            .mapToObj(c -> chain(c == 0 ? below : above, known))
            .toList();
    for (List<Fit> chain : chains) {
      fits.addAll(chain);
    }
  }

  /** Fits {@code points} in order, each warm-started from {@code known} and the chain's fits. */
  private List<Fit> chain(List<double[]> points, List<Fit> known) {
    List<Fit> all = new ArrayList<>(known);
    List<Fit> own = new ArrayList<>();
    for (double[] theta : points) {
      Fit f = fitNear(theta, all);
      all.add(f);
      own.add(f);
    }
    return own;
  }

  /** The fit at θ among {@code known}, else a new one started from the two nearest of them. */
  private Fit fitNear(double[] theta, List<Fit> known) {
    Fit[] nearest = WarmStart.nearest(theta, known);
    if (nearest[0] != null && WarmStart.distance2(nearest[0].theta(), theta) == 0) {
      return nearest[0];
    }
    return maximise(
        theta, nearest[0], nearest[0] == null ? null : WarmStart.startFrom(theta, nearest, free));
  }

  private Fit maximise(double[] theta, Fit near, double[] from) {
    int k = free.length;
    double[] nu = near == null ? start.clone() : from;
    if (k == 0) {
      return new Fit(theta, nu, objective(theta, nu, null), new double[0][0]);
    }
    double[] g = new double[k];
    double value = objective(theta, nu, g);
    double[][] h =
        near == null ? initialInverse(theta, nu, g) : QuasiNewton.copy(near.inverseHessian);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] step = QuasiNewton.times(h, g); // ascent direction H⁻¹g of −log L's inverse Hessian
      double decrement = QuasiNewton.dot(g, step);
      if (!(decrement > 0)) {
        h = QuasiNewton.identity(k);
        step = g.clone();
        decrement = QuasiNewton.dot(g, g);
      }
      if (0.5 * decrement < TOLERANCE) {
        break;
      }
      if (0.5 * decrement < LAST_STEP) {
        // Close to the maximum: one Newton step, its value checked against the quadratic model.
        double[] last = nu.clone();
        for (int a = 0; a < k; a++) {
          last[free[a]] = nu[free[a]] + step[a];
        }
        double v = objective(theta, last, null);
        if (Math.abs(v - value - 0.5 * decrement) <= 0.1 * 0.5 * decrement) {
          nu = last;
          value = v;
          break;
        }
      }
      double alpha = 1;
      double[] trial = nu.clone();
      double[] gTrial = new double[k];
      double vTrial = Double.NEGATIVE_INFINITY;
      boolean sufficient = false;
      for (int ls = 0; ls < 60; ls++) {
        for (int a = 0; a < k; a++) {
          trial[free[a]] = nu[free[a]] + alpha * step[a];
        }
        vTrial = objective(theta, trial, gTrial);
        if (vTrial >= value + 1e-4 * alpha * decrement) {
          sufficient = true;
          break;
        }
        if (0.5 * alpha * decrement < LAST_STEP) {
          // The step's predicted gain is below LAST_STEP: halving further cannot gain more than
          // that, and a likelihood with rounding noise of that size (a float32 network summed
          // over many events) would otherwise spend every remaining halving on the noise.
          break;
        }
        alpha *= 0.5;
      }
      if (!(vTrial >= value)) {
        break; // no ascent left at double precision
      }
      double[] s = new double[k];
      double[] y = new double[k];
      for (int a = 0; a < k; a++) {
        s[a] = trial[free[a]] - nu[free[a]];
        y[a] = g[a] - gTrial[a]; // gradient of −log L changes by −(g_new − g)
      }
      QuasiNewton.update(h, s, y);
      nu = trial.clone();
      g = gTrial.clone();
      value = vTrial;
      if (!sufficient) {
        break; // the line search ended below LAST_STEP of predicted gain: nothing left to find
      }
    }
    if (!Double.isFinite(value)) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "the profile likelihood at θ = %s is not finite (ν = %s)",
              Arrays.toString(theta),
              Arrays.toString(nu)));
    }
    return new Fit(theta, nu, value, h);
  }

  /** log L(θ, ν) − ½|ν|², and into {@code g} (free entries) its gradient, when not null. */
  private double objective(double[] theta, double[] nu, double[] g) {
    int m = nu.length;
    double c = 0;
    for (double v : nu) {
      c += v * v;
    }
    if (g == null) {
      evaluations.incrementAndGet();
      return likelihood.evaluate(theta, nu, null) - 0.5 * c;
    }
    double[] full = new double[m];
    double value;
    if (gradients) {
      evaluations.incrementAndGet();
      value = likelihood.evaluate(theta, nu, full);
    } else {
      evaluations.incrementAndGet();
      value = likelihood.evaluate(theta, nu, null);
      double[] at = nu.clone();
      for (int a : free) {
        at[a] = nu[a] + STEP;
        double up = likelihood.evaluate(theta, at, null);
        at[a] = nu[a] - STEP;
        double down = likelihood.evaluate(theta, at, null);
        at[a] = nu[a];
        evaluations.addAndGet(2);
        full[a] = (up - down) / (2 * STEP);
      }
    }
    for (int a = 0; a < free.length; a++) {
      g[a] = full[free[a]] - nu[free[a]];
    }
    return value - 0.5 * c;
  }

  /** −(∂²F)⁻¹ by forward differences of the gradient; the identity when not negative definite. */
  private double[][] initialInverse(double[] theta, double[] nu, double[] g) {
    int k = free.length;
    double[][] hess = new double[k][k];
    double[] at = nu.clone();
    double[] g2 = new double[k];
    double h = 1e-4;
    for (int a = 0; a < k; a++) {
      at[free[a]] = nu[free[a]] + h;
      objective(theta, at, g2);
      at[free[a]] = nu[free[a]];
      for (int b = 0; b < k; b++) {
        hess[b][a] = -(g2[b] - g[b]) / h;
      }
    }
    return QuasiNewton.negatedInverse(hess);
  }
}
