package org.sbi4j.inference.histfactory;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;
import org.sbi4j.training.nplm.ProjectedLbfgs;

/**
 * Bounded maximum-likelihood fits of a {@link HistFactoryModel} (docs/math.md §6.3): minimises −ln
 * L over the free parameters by projected L-BFGS with the analytic gradient; fixed parameters (and
 * the POI in a conditional fit) stay at their starting values.
 */
public final class Fitter {
  private static final ProjectedLbfgs LBFGS = new ProjectedLbfgs(20, 20_000, 1e-15, 1e-10);

  private final HistFactoryModel model;
  private final double[] inits;
  private final double[] lower;
  private final double[] upper;
  private final boolean[] fixed;

  /** A fitter with the model's suggested starting values, bounds and fixed flags. */
  public Fitter(HistFactoryModel model) {
    this(model, model.inits(), model.lower(), model.upper(), model.fixed());
  }

  /** A fitter with explicit starting values, bounds and fixed flags. */
  public Fitter(
      HistFactoryModel model, double[] inits, double[] lower, double[] upper, boolean[] fixed) {
    this.model = model;
    this.inits = inits.clone();
    this.lower = lower.clone();
    this.upper = upper.clone();
    this.fixed = fixed.clone();
  }

  /** The model. */
  public HistFactoryModel model() {
    return model;
  }

  /**
   * The fitter a test statistic needs: for q̃ a POI lower bound below 0 is raised to 0 (its free
   * fit has μ̂ ≥ 0); q and the others use the bounds as given.
   */
  public Fitter forStatistic(TestStatistic statistic) {
    return statistic == TestStatistic.QTILDE && poiBounds()[0] < 0 ? withPoiLower(0) : this;
  }

  /** This fitter with the POI's lower bound moved to {@code low}. */
  public Fitter withPoiLower(double low) {
    double[] lo = lower.clone();
    lo[model.poiIndex()] = low;
    return new Fitter(model, inits, lo, upper, fixed);
  }

  /** The POI's bounds [low, high]. */
  public double[] poiBounds() {
    return new double[] {lower[model.poiIndex()], upper[model.poiIndex()]};
  }

  /** Outcome of a fit: the parameters, −ln L there and whether the optimiser converged. */
  public record Fit(double[] parameters, double nll, boolean converged) {
    public Fit {
      parameters = parameters.clone();
    }

    @Override
    public double[] parameters() {
      return parameters.clone();
    }
  }

  /** The unconditional fit to {@code data}. */
  public Fit fit(Data data) {
    return minimise(data, fixed.clone(), inits.clone());
  }

  /** The conditional fit with the POI fixed at {@code mu}. */
  public Fit fixedPoiFit(Data data, double mu) {
    boolean[] f = fixed.clone();
    double[] start = inits.clone();
    f[model.poiIndex()] = true;
    start[model.poiIndex()] = mu;
    return minimise(data, f, start);
  }

  /**
   * The fit with the parameters {@code indices} fixed at {@code values} (on top of the fixed ones)
   * and every other free parameter started at its entry of {@code start} (a warm start, e.g. the
   * previous fit of a profile). Throws when −ln L is not finite at the start.
   */
  public Fit fitFixing(Data data, int[] indices, double[] values, double[] start) {
    if (indices.length != values.length || start.length != inits.length) {
      throw new IllegalArgumentException(
          indices.length
              + " fixed indices, "
              + values.length
              + " values, "
              + start.length
              + " starting values for "
              + inits.length
              + " parameters");
    }
    boolean[] f = fixed.clone();
    double[] x0 = start.clone();
    for (int i = 0; i < indices.length; i++) {
      f[indices[i]] = true;
      x0[indices[i]] = values[i];
    }
    for (int i = 0; i < x0.length; i++) {
      if (!f[i]) {
        x0[i] = Math.min(upper[i], Math.max(lower[i], x0[i]));
      }
    }
    return minimise(data, f, x0);
  }

  private Fit minimise(Data data, boolean[] isFixed, double[] start) {
    int n = start.length;
    int[] map = java.util.stream.IntStream.range(0, n).filter(i -> !isFixed[i]).toArray();
    int free = map.length;
    double[] lo = new double[free];
    double[] hi = new double[free];
    double[] x0 = new double[free];
    for (int j = 0; j < free; j++) {
      lo[j] = lower[map[j]];
      hi[j] = upper[map[j]];
      x0[j] = start[map[j]];
    }
    double[] full = start.clone();
    double[] fullGrad = new double[n];
    if (!Double.isFinite(model.negativeLogLikelihood(full, data, null))) {
      throw new IllegalArgumentException(
          "the likelihood is zero at the starting values: some bin expects ≤ 0 events but has"
              + " counts, or a yield is negative; check the samples' data and the inits");
    }
    if (free == 0) {
      return new Fit(full, model.negativeLogLikelihood(full, data, null), true);
    }
    ProjectedLbfgs.Result r =
        LBFGS.minimize(
            (x, g) -> {
              for (int j = 0; j < free; j++) {
                full[map[j]] = x[j];
              }
              double v = model.negativeLogLikelihood(full, data, fullGrad);
              for (int j = 0; j < free; j++) {
                g[j] = fullGrad[map[j]];
              }
              return v;
            },
            x0,
            lo,
            hi);
    double[] best = start.clone();
    double[] x = r.x();
    for (int j = 0; j < free; j++) {
      best[map[j]] = x[j];
    }
    return new Fit(best, model.negativeLogLikelihood(best, data, null), r.converged());
  }

  /**
   * Uncertainties σ_i = sqrt((H⁻¹)_ii) from the Hessian H of −ln L at {@code best}, by central
   * differences of the analytic gradient over the free parameters; 0 for fixed ones.
   */
  public double[] uncertainties(Data data, double[] best) {
    int n = best.length;
    int[] map = java.util.stream.IntStream.range(0, n).filter(i -> !fixed[i]).toArray();
    int m = map.length;
    double[][] h = new double[m][m];
    double[] gp = new double[n];
    double[] gm = new double[n];
    for (int a = 0; a < m; a++) {
      int i = map[a];
      double step = 1e-5 * Math.max(1, Math.abs(best[i]));
      double[] xp = best.clone();
      double[] xm = best.clone();
      xp[i] += step;
      xm[i] -= step;
      model.negativeLogLikelihood(xp, data, gp);
      model.negativeLogLikelihood(xm, data, gm);
      for (int b = 0; b < m; b++) {
        h[a][b] = (gp[map[b]] - gm[map[b]]) / (2 * step);
      }
    }
    for (int a = 0; a < m; a++) {
      for (int b = 0; b < a; b++) {
        double s = 0.5 * (h[a][b] + h[b][a]);
        h[a][b] = s;
        h[b][a] = s;
      }
    }
    double[] out = new double[n];
    if (m == 0) {
      return out;
    }
    RealMatrix inv =
        new LUDecomposition(new Array2DRowRealMatrix(h, false)).getSolver().getInverse();
    for (int a = 0; a < m; a++) {
      out[map[a]] = Math.sqrt(Math.max(0, inv.getEntry(a, a)));
    }
    return out;
  }
}
