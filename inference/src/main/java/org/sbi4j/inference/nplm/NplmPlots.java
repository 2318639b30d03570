package org.sbi4j.inference.nplm;

import java.nio.file.Path;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.sbi4j.inference.plot.Figure;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.nplm.NplmModel;

/** Plots of an NPLM test, each written as PNG and SVG. */
public final class NplmPlots {
  private static final int BINS = 40;
  private static final int GRID = 60;

  private NplmPlots() {}

  /**
   * Writes {@code prefix-null.{png,svg}} and, when the result has a network and the reference has 1
   * or 2 observables, {@code prefix-f.{png,svg}}.
   *
   * @param reference the reference sample of the test, or null (symmetrized test)
   */
  public static void save(NplmResult result, EventSample reference, Path prefix) {
    nullDistribution(result).save(sibling(prefix, "-null"));
    if (reference != null && result.network() != null && reference.featureCount() <= 2) {
      learnedRatio(result.network(), reference).save(sibling(prefix, "-f"));
    }
  }

  private static Path sibling(Path prefix, String suffix) {
    return prefix.resolveSibling(prefix.getFileName() + suffix);
  }

  /** The toys' t as a density histogram, the fitted χ²_k density and the observed t. */
  public static Figure nullDistribution(NplmResult result) {
    double[] t = result.nullT();
    double max = Math.max(result.t(), java.util.Arrays.stream(t).max().orElse(1)) * 1.1;
    double[] edges = new double[BINS + 1];
    double[] density = new double[BINS];
    double width = max / BINS;
    for (int k = 0; k <= BINS; k++) {
      edges[k] = k * width;
    }
    for (double v : t) {
      int k = (int) Math.min(BINS - 1, Math.max(0, v / width));
      density[k] += 1.0 / (t.length * width);
    }
    Figure figure =
        new Figure("NPLM null distribution", "t", "density")
            .histogram(t.length + " toys", edges, density);
    if (result.chiSquaredFitted()) {
      double[] x = new double[GRID * 4];
      double[] y = new double[x.length];
      ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(result.dof());
      for (int i = 0; i < x.length; i++) {
        x[i] = max * (i + 0.5) / x.length;
        y[i] = chi2.density(x[i]);
      }
      figure =
          figure.line(String.format(java.util.Locale.ROOT, "χ² (k = %.2f)", result.dof()), x, y);
    }
    return figure.verticalLine(
        String.format(java.util.Locale.ROOT, "observed t = %.3g", result.t()), result.t());
  }

  /**
   * 1D: the reference histogram scaled to N(0) events and the same reweighted by e^{f(x)} (the
   * learned data density); 2D: a heat map of e^{f(x)} over the reference's range.
   */
  public static Figure learnedRatio(NplmModel network, EventSample reference) {
    double[] x = reference.x();
    int d = reference.featureCount();
    double[] f = network.evaluate(x);
    if (d == 1) {
      double lo = java.util.Arrays.stream(x).min().orElse(0);
      double hi = java.util.Arrays.stream(x).max().orElse(1);
      double width = (hi - lo) / BINS;
      double[] edges = new double[BINS + 1];
      double[] ref = new double[BINS];
      double[] learned = new double[BINS];
      for (int k = 0; k <= BINS; k++) {
        edges[k] = lo + k * width;
      }
      for (int i = 0; i < x.length; i++) {
        int k = (int) Math.min(BINS - 1, Math.max(0, (x[i] - lo) / width));
        ref[k] += 1.0 / x.length;
        learned[k] += Math.exp(f[i]) / x.length;
      }
      return new Figure(
              "NPLM: learned density over the reference",
              reference.observables().get(0),
              "fraction of reference events")
          .logY(true)
          .histogram("reference", edges, ref)
          .histogram("reference × e^f (learned)", edges, learned);
    }
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < x.length; i++) {
      min[i % 2] = Math.min(min[i % 2], x[i]);
      max[i % 2] = Math.max(max[i % 2], x[i]);
    }
    double[] xs = new double[GRID];
    double[] ys = new double[GRID];
    for (int k = 0; k < GRID; k++) {
      xs[k] = min[0] + (max[0] - min[0]) * k / (GRID - 1);
      ys[k] = min[1] + (max[1] - min[1]) * k / (GRID - 1);
    }
    double[][] z = new double[GRID][GRID];
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; j < GRID; j++) {
        z[i][j] = Math.exp(network.f(new double[] {xs[i], ys[j]}));
      }
    }
    return new Figure(
            "NPLM: learned e^f", reference.observables().get(0), reference.observables().get(1))
        .heatMap(xs, ys, z, "e^f(x)");
  }
}
