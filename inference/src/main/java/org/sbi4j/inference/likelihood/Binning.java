package org.sbi4j.inference.likelihood;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;

/**
 * Histogram bins in d ≥ 1 dimensions: increasing edges per dimension. The outermost bins are open:
 * values below the first edge fall into the first bin, values above the last into the last, so no
 * event is lost. Flat bin index: first dimension slowest.
 *
 * @param edges per dimension, ≥ 2 strictly increasing finite values
 */
public record Binning(List<double[]> edges) {
  public Binning {
    if (edges == null || edges.isEmpty()) {
      throw new IllegalArgumentException("a binning needs edges for at least one dimension");
    }
    List<double[]> copy = new ArrayList<>();
    for (int d = 0; d < edges.size(); d++) {
      double[] e = edges.get(d);
      Check.finite("bin edges of dimension " + d, e);
      if (e.length < 2) {
        throw new IllegalArgumentException(
            "dimension " + d + " has " + e.length + " bin edge(s); give at least 2");
      }
      for (int i = 1; i < e.length; i++) {
        if (!(e[i] > e[i - 1])) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "bin edges of dimension %d are not increasing: %s; sort them",
                  d,
                  Arrays.toString(e)));
        }
      }
      copy.add(e.clone());
    }
    edges = List.copyOf(copy);
  }

  @Override
  public List<double[]> edges() {
    return edges.stream().map(double[]::clone).toList();
  }

  public int dimension() {
    return edges.size();
  }

  /** Total number of bins, the product over dimensions. */
  public int size() {
    int n = 1;
    for (double[] e : edges) {
      n *= e.length - 1;
    }
    return n;
  }

  /** Flat bin of the point row[offset .. offset+d). */
  public int index(double[] values, int offset) {
    int flat = 0;
    for (int d = 0; d < edges.size(); d++) {
      double[] e = edges.get(d);
      int nb = e.length - 1;
      int pos = Arrays.binarySearch(e, values[offset + d]);
      int bin = pos >= 0 ? pos : -pos - 2;
      bin = Math.max(0, Math.min(nb - 1, bin));
      flat = flat * nb + bin;
    }
    return flat;
  }

  /**
   * Bins with (about) equal weighted content per dimension: the edges of dimension d are the
   * weighted quantiles k/B of the values, k = 1 … B−1, between the smallest and largest value.
   * Negative weights count as zero; repeated edges (discrete values) are merged.
   *
   * @param values n × d row-major
   * @param d dimensions
   * @param weights n weights (dσ_e(θ_ref))
   * @param binsPerDimension B ≥ 1
   */
  public static Binning adaptive(double[] values, int d, double[] weights, int binsPerDimension) {
    Check.positive("bins per dimension", binsPerDimension);
    int n = weights.length;
    if (n == 0 || values.length != n * d) {
      throw new IllegalArgumentException("adaptive binning needs events; got " + n);
    }
    List<double[]> edges = new ArrayList<>();
    for (int k = 0; k < d; k++) {
      edges.add(quantileEdges(values, d, k, weights, binsPerDimension));
    }
    return new Binning(edges);
  }

  private static double[] quantileEdges(double[] values, int d, int k, double[] weights, int bins) {
    int n = weights.length;
    Integer[] order = new Integer[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      order[i] = i;
      total += Math.max(weights[i], 0);
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException(
          "adaptive binning: the events carry no positive weight "
              + "at the reference point; give explicit bin edges");
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a * d + k], values[b * d + k]));
    double lo = values[order[0] * d + k];
    double hi = values[order[n - 1] * d + k];
    List<Double> e = new ArrayList<>();
    e.add(lo);
    double cum = 0;
    int next = 1;
    for (int r = 0; r < n && next < bins; r++) {
      cum += Math.max(weights[order[r]], 0);
      while (next < bins && cum >= total * next / bins) {
        double v =
            r + 1 < n
                ? 0.5 * (values[order[r] * d + k] + values[order[r + 1] * d + k])
                : values[order[r] * d + k];
        if (v > e.get(e.size() - 1) && v < hi) {
          e.add(v);
        }
        next++;
      }
    }
    if (hi > e.get(e.size() - 1)) {
      e.add(hi);
    }
    if (e.size() < 2) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "summary %d takes a single value %s on every event; it cannot be histogrammed",
              k,
              lo));
    }
    return e.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
