package org.sbi4j.training.nplm;

import java.util.Locale;

/**
 * The data of one NPLM fit: reference rows R with weights w_R and data rows D with weights w_D,
 * both d-dimensional, for the loss L[f] = Σ_{x∈R} w_R (e^{f(x)} − 1) − Σ_{x∈D} w_D f(x)
 * (docs/math.md §5).
 *
 * <p>Arrays are flat row-major (row i occupies [i·d, (i+1)·d)) and are not copied: the factories
 * copy, the canonical constructor shares (for toys, which build many problems from one pool).
 *
 * @param dimension d ≥ 1
 * @param reference N_R × d reference features, N_R ≥ 1
 * @param referenceWeights N_R weights w_R (usually N(0)/N_R each), finite, ≥ 0
 * @param data N_D × d data features, N_D ≥ 0
 * @param dataWeights N_D data weights (usually 1), finite
 */
public record NplmProblem(
    int dimension,
    double[] reference,
    double[] referenceWeights,
    double[] data,
    double[] dataWeights) {
  public NplmProblem {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension = " + dimension + " must be ≥ 1");
    }
    if (reference.length % dimension != 0
        || reference.length / dimension != referenceWeights.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "reference has %d values and %d weights, not %d-dimensional rows with one weight each",
              reference.length,
              referenceWeights.length,
              dimension));
    }
    if (referenceWeights.length == 0) {
      throw new IllegalArgumentException("the reference sample is empty; give it events");
    }
    if (data.length % dimension != 0 || data.length / dimension != dataWeights.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "data has %d values and %d weights, not %d-dimensional rows with one weight each",
              data.length,
              dataWeights.length,
              dimension));
    }
  }

  /**
   * The standard problem: every reference event weighs N(0)/N_R, every data event 1.
   *
   * @param reference N_R rows of d features
   * @param data N_D rows of d features (the same d)
   * @param expected N(0), the expected number of data events under the reference hypothesis
   */
  public static NplmProblem of(double[][] reference, double[][] data, double expected) {
    double[] ref = flatten("reference", reference, dimensionOf("reference", reference));
    int d = dimensionOf("reference", reference);
    if (data.length > 0 && data[0].length != d) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "data has %d columns but the reference has %d; give both the same observables",
              data[0].length,
              d));
    }
    double[] dat = flatten("data", data, d);
    return weighted(d, ref, null, dat, null, expected);
  }

  /**
   * A problem from flat arrays with optional per-event weights: reference weights are scaled to sum
   * to N(0) (w_R = N(0)·w_i/Σw, or N(0)/N_R without weights), data weights are used as given (1
   * without weights). Checks every value and names the first bad row.
   */
  public static NplmProblem weighted(
      int d,
      double[] reference,
      double[] referenceWeights,
      double[] data,
      double[] dataWeights,
      double expected) {
    if (!(expected > 0) || !Double.isFinite(expected)) {
      throw new IllegalArgumentException(
          "expected number of events N(0) = " + expected + " must be positive and finite");
    }
    checkRows("reference", reference, d);
    checkRows("data", data, d);
    int nr = reference.length / d;
    double[] wr = new double[nr];
    if (referenceWeights == null) {
      java.util.Arrays.fill(wr, expected / nr);
    } else {
      checkWeights("reference", referenceWeights, nr);
      double sum = 0;
      for (double w : referenceWeights) {
        sum += w;
      }
      if (!(sum > 0)) {
        throw new IllegalArgumentException(
            "reference weights sum to " + sum + "; they must sum to a positive number");
      }
      for (int i = 0; i < nr; i++) {
        wr[i] = expected * referenceWeights[i] / sum;
      }
    }
    int nd = data.length / d;
    double[] wd = new double[nd];
    if (dataWeights == null) {
      java.util.Arrays.fill(wd, 1.0);
    } else {
      checkWeights("data", dataWeights, nd);
      wd = dataWeights.clone();
    }
    return new NplmProblem(d, reference.clone(), wr, data.clone(), wd);
  }

  /** N_R. */
  public int referenceSize() {
    return referenceWeights.length;
  }

  /** N_D. */
  public int dataSize() {
    return dataWeights.length;
  }

  private static int dimensionOf(String name, double[][] rows) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("the " + name + " sample is empty; give it events");
    }
    return rows[0].length;
  }

  private static double[] flatten(String name, double[][] rows, int d) {
    double[] flat = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != d) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s row %d has %d columns but %d are expected",
                name,
                i,
                rows[i].length,
                d));
      }
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    return flat;
  }

  private static void checkRows(String name, double[] x, int d) {
    if (d < 1 || x.length % d != 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "%s has %d values, not rows of %d features", name, x.length, d));
    }
    for (int k = 0; k < x.length; k++) {
      if (!Double.isFinite(x[k])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s row %d, column %d is %s; remove or fix that event",
                name,
                k / d,
                k % d,
                x[k]));
      }
    }
  }

  private static void checkWeights(String name, double[] w, int n) {
    if (w.length != n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s has %d weights for %d events; give one weight per event",
              name,
              w.length,
              n));
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(w[i]) || w[i] < 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s row %d has weight %s; weights must be finite and ≥ 0",
                name,
                i,
                w[i]));
      }
    }
  }
}
