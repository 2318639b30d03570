package org.sbi4j.inference.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.morphing.Parameter;

/**
 * A rectangular grid in parameter space: one increasing axis per parameter. Grid points are
 * numbered with the first parameter varying slowest: point index = ((i₀·n₁ + i₁)·n₂ + i₂)….
 *
 * @param axes one axis per parameter, each with ≥ 2 strictly increasing finite values
 */
public record ParameterGrid(List<double[]> axes) {
  /** The most grid points a grid may have. */
  public static final long MAX_POINTS = 50_000_000L;

  public ParameterGrid {
    if (axes == null || axes.isEmpty()) {
      throw new InvalidValueException("grid", "a grid needs at least one axis, e.g. -1:1:41");
    }
    List<double[]> copy = new ArrayList<>();
    for (int a = 0; a < axes.size(); a++) {
      double[] v = axes.get(a);
      Check.finite("grid axis " + a, v);
      if (v.length < 2) {
        throw new InvalidValueException(
            "grid",
            String.format(
                Locale.ROOT,
                "grid axis %d has %d point(s); give at least 2 (lo:hi:n with n >= 2)",
                a,
                v.length));
      }
      for (int i = 1; i < v.length; i++) {
        if (!(v[i] > v[i - 1])) {
          throw new InvalidValueException(
              "grid",
              String.format(
                  Locale.ROOT,
                  "grid axis %d is not strictly increasing at point %d (%s after %s)",
                  a,
                  i,
                  v[i],
                  v[i - 1]));
        }
      }
      copy.add(v.clone());
    }
    axes = List.copyOf(copy);
  }

  /** n equally spaced points from lo to hi inclusive on each axis. */
  public static ParameterGrid uniform(double[] lo, double[] hi, int[] n) {
    List<double[]> axes = new ArrayList<>();
    for (int a = 0; a < lo.length; a++) {
      axes.add(linspace(lo[a], hi[a], n[a]));
    }
    return new ParameterGrid(axes);
  }

  /**
   * Parses {@code lo:hi:n[,lo:hi:n…]}, one triple per parameter.
   *
   * @throws IllegalArgumentException naming the bad triple
   */
  public static ParameterGrid parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new InvalidValueException(
          "grid", "empty grid; give lo:hi:n per parameter, e.g. -1:1:41");
    }
    String[] parts = spec.split(",");
    double[] lo = new double[parts.length];
    double[] hi = new double[parts.length];
    int[] n = new int[parts.length];
    double total = 1;
    for (int a = 0; a < parts.length; a++) {
      String part = parts[a];
      String[] f = part.trim().split(":");
      if (f.length != 3) {
        throw new InvalidValueException(
            "grid",
            "grid axis '"
                + part
                + "' is not lo:hi:n; write e.g. -1:1:41 (comma-separated per parameter)");
      }
      lo[a] = number(part, "lo", f[0]);
      hi[a] = number(part, "hi", f[1]);
      n[a] = count(part, f[2]);
      if (!(hi[a] > lo[a]) || n[a] < 2) {
        throw new InvalidValueException(
            "grid", "grid axis '" + part + "' needs lo < hi and n >= 2, e.g. -1:1:41");
      }
      total *= n[a];
    }
    if (total > MAX_POINTS) {
      throw new InvalidValueException(
          "grid",
          String.format(
              Locale.ROOT,
              "grid of %.0f points (about %s of memory) is too large; at most %d points are"
                  + " allowed, use fewer points per axis",
              total,
              MemoryBudget.size(total * bytesPerPoint(parts.length)),
              MAX_POINTS));
    }
    MemoryBudget.require(
        "grid",
        "grid points",
        (long) total,
        bytesPerPoint(parts.length),
        "use fewer points per axis");
    List<double[]> axes = new ArrayList<>();
    for (int a = 0; a < parts.length; a++) {
      axes.add(linspace(lo[a], hi[a], n[a]));
    }
    return new ParameterGrid(axes);
  }

  /**
   * Estimated bytes one grid point of a scan takes: its θ (an array of {@code dimension} doubles),
   * and a few doubles per point for the log-likelihoods, test statistics and intervals of a method.
   */
  public static long bytesPerPoint(int dimension) {
    return 24 + 8L * dimension + 8 + 8 * 8;
  }

  private static double number(String part, String name, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidValueException(
          "grid",
          "grid axis '"
              + part
              + "': "
              + name
              + " = '"
              + text
              + "' is not a number; write lo:hi:n, e.g. -1:1:41");
    }
  }

  private static int count(String part, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      String why;
      try {
        double d = Double.parseDouble(text);
        why =
            d == Math.rint(d)
                ? "n = " + text + " is too large; at most " + MAX_POINTS + " points are allowed"
                : "n must be an integer (got '" + text + "')";
      } catch (NumberFormatException notNumber) {
        why = "n must be an integer (got '" + text + "')";
      }
      throw new InvalidValueException(
          "grid", "grid axis '" + part + "': " + why + "; write lo:hi:n, e.g. -1:1:41");
    }
  }

  private static double[] linspace(double lo, double hi, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
    }
    return v;
  }

  @Override
  public List<double[]> axes() {
    return axes.stream().map(double[]::clone).toList();
  }

  /** Axis a (a copy). */
  public double[] axis(int a) {
    return axes.get(a).clone();
  }

  /** Number of parameters. */
  public int dimension() {
    return axes.size();
  }

  /** Number of grid points, the product of the axis lengths. */
  public int size() {
    long n = 1;
    for (double[] a : axes) {
      n *= a.length;
    }
    if (n > MAX_POINTS) {
      throw new InvalidValueException(
          "grid", "grid of " + n + " points is too large; use fewer points");
    }
    return (int) n;
  }

  /** The per-axis indices of point {@code index}. */
  public int[] indices(int index) {
    int[] idx = new int[axes.size()];
    int rest = index;
    for (int a = axes.size() - 1; a >= 0; a--) {
      int n = axes.get(a).length;
      idx[a] = rest % n;
      rest /= n;
    }
    return idx;
  }

  /** All points, size × dimension. */
  public double[][] points() {
    double[][] out = new double[size()][];
    for (int g = 0; g < out.length; g++) {
      int[] idx = indices(g);
      double[] theta = new double[idx.length];
      for (int a = 0; a < idx.length; a++) {
        theta[a] = axes.get(a)[idx[a]];
      }
      out[g] = theta;
    }
    return out;
  }

  /** Lower corner of the grid. */
  public double[] lower() {
    return axes.stream().mapToDouble(a -> a[0]).toArray();
  }

  /** Upper corner of the grid. */
  public double[] upper() {
    return axes.stream().mapToDouble(a -> a[a.length - 1]).toArray();
  }

  /** Throws unless the grid has one axis per parameter and lies inside every parameter's range. */
  public void checkInside(List<Parameter> parameters) {
    if (parameters.size() != axes.size()) {
      throw new InvalidValueException(
          "grid",
          String.format(
              Locale.ROOT,
              "grid has %d axes but there are %d parameters %s; give one lo:hi:n per parameter",
              axes.size(),
              parameters.size(),
              parameters.stream().map(Parameter::name).toList()));
    }
    for (int a = 0; a < axes.size(); a++) {
      Parameter p = parameters.get(a);
      double[] v = axes.get(a);
      if (v[0] < p.min() || v[v.length - 1] > p.max()) {
        throw new InvalidValueException(
            "grid",
            String.format(
                Locale.ROOT,
                "grid for '%s' spans [%s, %s], outside the parameter range [%s, %s]; shrink the grid",
                p.name(),
                v[0],
                v[v.length - 1],
                p.min(),
                p.max()));
      }
    }
  }
}
