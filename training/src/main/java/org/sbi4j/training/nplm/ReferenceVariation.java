package org.sbi4j.training.nplm;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.InvalidValueException;

/**
 * How the reference density depends on shape nuisances ν_s (docs/math.md §5.11): the per-event log
 * ratio
 *
 * <p>ln[n(x|R_ν)/n(x|R_0)] = Σ_s Σ_{k=1..K} ν_s^k δ_{s,k}(x), δ_{s,k}(x) = Σ_j c_{s,k,j} φ_j(x),
 *
 * <p>with φ the monomials of total degree ≤ D of the standardised x (φ_0 = 1) and K ≤ 2 (linear or
 * quadratic in ν, the NPLM authors' expansion). The coefficients are learned from reference samples
 * generated at shifted ν by {@link #fit}, a convex maximum-likelihood fit. Shape variations are
 * normalised: the normalisation is a separate nuisance.
 *
 * @param input standardisation of x before φ (the nominal reference's weighted mean and spread)
 * @param degree D ≥ 0, the polynomial degree in x
 * @param coefficients c[s][k−1][j] for shape nuisance s, order k = 1..K, monomial j
 */
public record ReferenceVariation(Standardization input, int degree, double[][][] coefficients)
    implements Serializable {
  /** Newton steps of the fit at most. */
  static final int MAX_NEWTON = 100;

  public ReferenceVariation {
    int f = monomials(input.dimension(), degree).size();
    for (double[][] s : coefficients) {
      if (s.length < 1 || s.length > 2) {
        throw new IllegalArgumentException("a shape nuisance needs 1 or 2 orders in ν");
      }
      for (double[] c : s) {
        if (c.length != f) {
          throw new IllegalArgumentException(
              "expected " + f + " coefficients per order (degree " + degree + "), got " + c.length);
        }
      }
    }
    coefficients = deepCopy(coefficients);
  }

  @Override
  public double[][][] coefficients() {
    return deepCopy(coefficients);
  }

  /** Number of shape nuisances. */
  public int shapes() {
    return coefficients.length;
  }

  /**
   * δ_{s,k} at every row of raw x: out[s][k][i] for k = 0 (linear) and 1 (quadratic, zero where the
   * nuisance is linear only).
   */
  public double[][][] deltas(double[] rawX) {
    int d = input.dimension();
    double[] x = input.apply(rawX);
    int n = x.length / d;
    List<int[]> mono = monomials(d, degree);
    double[] phi = new double[mono.size()];
    double[][][] out = new double[coefficients.length][2][n];
    for (int i = 0; i < n; i++) {
      features(x, i, d, mono, phi);
      for (int s = 0; s < coefficients.length; s++) {
        for (int k = 0; k < coefficients[s].length; k++) {
          double v = 0;
          for (int j = 0; j < phi.length; j++) {
            v += coefficients[s][k][j] * phi[j];
          }
          out[s][k][i] = v;
        }
      }
    }
    return out;
  }

  /** One reference sample generated at ν_s = {@code nu} (other nuisances nominal). */
  public record Shift(double nu, double[] x, double[] weights) {
    public Shift {
      if (!Double.isFinite(nu * nu) || nu == 0) {
        throw new InvalidValueException(
            "reference-variation",
            "a reference variation at ν = " + nu + " says nothing; give a finite ν ≠ 0");
      }
    }
  }

  /**
   * Learns the coefficients: for each shape nuisance s, from its shifted samples (ν_v, V_v),
   * minimises the convex Σ_v [Σ_R w_R (e^{ℓ_v} − 1) − Σ_{V_v} w ℓ_v] with ℓ_v = Σ_k ν_v^k δ_k (both
   * samples' weights normalised to sum 1), whose population minimiser is the true log ratio when it
   * lies in the model. K = 2 needs at least two distinct ν per nuisance, K = 1 with one.
   *
   * @param d dimension
   * @param reference nominal reference rows (N_R × d)
   * @param referenceWeights their weights, or null for equal weights
   * @param shifts per shape nuisance, its shifted samples
   * @param degree polynomial degree D in x
   */
  public static ReferenceVariation fit(
      int d, double[] reference, double[] referenceWeights, List<List<Shift>> shifts, int degree) {
    if (degree < 0 || degree > 4) {
      throw new InvalidValueException(
          "variation-degree", "variation degree = " + degree + " must be in 0..4 (e.g. 2)");
    }
    NplmProblem nominal =
        NplmProblem.weighted(d, reference, referenceWeights, new double[0], new double[0], 1.0);
    Standardization input = Standardization.of(nominal);
    List<int[]> mono = monomials(d, degree);
    double[][] phiR = featureRows(input.apply(reference), d, mono);
    double[] wR = nominal.referenceWeights();
    double[][][] coefficients = new double[shifts.size()][][];
    for (int s = 0; s < shifts.size(); s++) {
      List<Shift> list = shifts.get(s);
      if (list.isEmpty()) {
        throw new InvalidValueException(
            "reference-variation", "shape nuisance " + s + " has no reference variation; give one");
      }
      int orders = list.stream().mapToDouble(Shift::nu).distinct().count() >= 2 ? 2 : 1;
      List<double[][]> phiV = new ArrayList<>();
      List<double[]> wV = new ArrayList<>();
      for (Shift sh : list) {
        NplmProblem v = NplmProblem.weighted(d, sh.x(), sh.weights(), new double[0], null, 1.0);
        phiV.add(featureRows(input.apply(sh.x()), d, mono));
        wV.add(v.referenceWeights());
      }
      double[] theta = newton(phiR, wR, list, phiV, wV, orders, mono.size());
      for (double v : theta) {
        if (!Double.isFinite(v)) {
          throw new InvalidValueException(
              "reference-variation",
              "the shape fit of nuisance "
                  + s
                  + " did not converge (coefficient "
                  + v
                  + "); give variations at ν of the order of σ");
        }
      }
      coefficients[s] = new double[orders][mono.size()];
      for (int k = 0; k < orders; k++) {
        System.arraycopy(theta, k * mono.size(), coefficients[s][k], 0, mono.size());
      }
    }
    return new ReferenceVariation(input, degree, coefficients);
  }

  /** Damped Newton on the convex variation loss; θ = (c_1, …, c_K) flattened. */
  private static double[] newton(
      double[][] phiR,
      double[] wR,
      List<Shift> shifts,
      List<double[][]> phiV,
      List<double[]> wV,
      int orders,
      int f) {
    int p = orders * f;
    double[] theta = new double[p];
    double[] g = new double[p];
    double[] h = new double[p * p];
    double value = loss(theta, phiR, wR, shifts, phiV, wV, orders, f, g, h);
    for (int it = 0; it < MAX_NEWTON; it++) {
      DenseCholesky chol;
      try {
        chol = new DenseCholesky(h, p);
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException(
            "reference-variation",
            "the reference variations do not determine the shape model (singular fit); give "
                + "variations at two distinct ν per nuisance, more events or a lower degree");
      }
      double[] step = g.clone();
      chol.solve(step);
      double decrement = 0;
      for (int a = 0; a < p; a++) {
        step[a] = -step[a];
        decrement -= g[a] * step[a];
      }
      if (decrement / 2 <= 1e-13) {
        break;
      }
      double s = 1;
      double[] trial = new double[p];
      double next = Double.NaN;
      double[] g2 = new double[p];
      double[] h2 = new double[p * p];
      for (int back = 0; back < 50; back++) {
        for (int a = 0; a < p; a++) {
          trial[a] = theta[a] + s * step[a];
        }
        next = loss(trial, phiR, wR, shifts, phiV, wV, orders, f, g2, h2);
        if (next <= value - 1e-4 * s * decrement) {
          break;
        }
        s /= 2;
      }
      if (!(next < value)) {
        break;
      }
      theta = trial;
      value = next;
      g = g2;
      h = h2;
    }
    return theta;
  }

  /** The variation loss at θ, with its gradient g and Hessian h. */
  private static double loss(
      double[] theta,
      double[][] phiR,
      double[] wR,
      List<Shift> shifts,
      List<double[][]> phiV,
      List<double[]> wV,
      int orders,
      int f,
      double[] g,
      double[] h) {
    int p = orders * f;
    Arrays.fill(g, 0);
    Arrays.fill(h, 0);
    double value = 0;
    double[] dl = new double[p];
    for (int v = 0; v < shifts.size(); v++) {
      double nu = shifts.get(v).nu();
      double[] pow = {nu, nu * nu};
      for (int i = 0; i < phiR.length; i++) {
        double l = logRatio(theta, phiR[i], pow, orders, f, dl);
        double e = wR[i] * Math.exp(l);
        value += e - wR[i];
        for (int a = 0; a < p; a++) {
          g[a] += e * dl[a];
          for (int b = 0; b <= a; b++) {
            h[a * p + b] += e * dl[a] * dl[b];
          }
        }
      }
      double[][] phi = phiV.get(v);
      double[] w = wV.get(v);
      for (int i = 0; i < phi.length; i++) {
        double l = logRatio(theta, phi[i], pow, orders, f, dl);
        value -= w[i] * l;
        for (int a = 0; a < p; a++) {
          g[a] -= w[i] * dl[a];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < a; b++) {
        h[b * p + a] = h[a * p + b];
      }
    }
    return value;
  }

  private static double logRatio(
      double[] theta, double[] phi, double[] pow, int orders, int f, double[] dl) {
    double l = 0;
    for (int k = 0; k < orders; k++) {
      for (int j = 0; j < f; j++) {
        dl[k * f + j] = pow[k] * phi[j];
        l += theta[k * f + j] * dl[k * f + j];
      }
    }
    return l;
  }

  private static double[][] featureRows(double[] x, int d, List<int[]> mono) {
    int n = x.length / d;
    double[][] out = new double[n][mono.size()];
    for (int i = 0; i < n; i++) {
      features(x, i, d, mono, out[i]);
    }
    return out;
  }

  private static void features(double[] x, int row, int d, List<int[]> mono, double[] out) {
    for (int j = 0; j < mono.size(); j++) {
      int[] e = mono.get(j);
      double v = 1;
      for (int q = 0; q < d; q++) {
        for (int r = 0; r < e[q]; r++) {
          v *= x[row * d + q];
        }
      }
      out[j] = v;
    }
  }

  /** The exponent vectors of the monomials of total degree ≤ D in d variables, by degree. */
  static List<int[]> monomials(int d, int degree) {
    List<int[]> out = new ArrayList<>();
    for (int total = 0; total <= degree; total++) {
      collect(new int[d], 0, total, out);
    }
    return out;
  }

  private static void collect(int[] e, int q, int left, List<int[]> out) {
    if (q == e.length - 1) {
      e[q] = left;
      out.add(e.clone());
      return;
    }
    for (int v = left; v >= 0; v--) {
      e[q] = v;
      collect(e, q + 1, left - v, out);
    }
    e[q] = 0;
  }

  private static double[][][] deepCopy(double[][][] c) {
    double[][][] out = new double[c.length][][];
    for (int s = 0; s < c.length; s++) {
      out[s] = new double[c[s].length][];
      for (int k = 0; k < c[s].length; k++) {
        out[s][k] = c[s][k].clone();
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "ReferenceVariation[degree=%d, %s, %s]",
        degree,
        input,
        Arrays.deepToString(coefficients));
  }
}
