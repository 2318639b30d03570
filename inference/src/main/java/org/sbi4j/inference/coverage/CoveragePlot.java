package org.sbi4j.inference.coverage;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.sbi4j.inference.limits.Wilks;
import org.sbi4j.inference.plot.Figure;

/** The plot of a coverage study: the toys' q(θ_true) against the χ²_k density of Wilks' theorem. */
public final class CoveragePlot {
  private static final int BINS = 40;
  private static final int POINTS = 240;

  private CoveragePlot() {}

  /**
   * A density histogram of q(θ_true), the χ²_k density, and the 68 % and 95 % thresholds; the axis
   * runs to the larger of the 99.5 % χ²_k quantile and the toys' 99th percentile, so a few extreme
   * toys do not squeeze the histogram (they are counted in the last bin).
   */
  public static Figure figure(CoverageResult r) {
    int k = r.degreesOfFreedom();
    ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(k);
    double[] q = r.q();
    double max = Math.max(chi2.inverseCumulativeProbability(0.995), r.quantile(0.99));
    double width = max / BINS;
    double[] edges = new double[BINS + 1];
    for (int b = 0; b <= BINS; b++) {
      edges[b] = b * width;
    }
    double[] density = new double[BINS];
    for (double v : q) {
      int b = (int) Math.min(BINS - 1, Math.max(0, v / width));
      density[b] += 1.0 / (q.length * width);
    }
    double[] x = new double[POINTS];
    double[] y = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      x[i] = max * (i + 0.5) / POINTS;
      y[i] = chi2.density(x[i]);
    }
    double top = Math.max(Arrays.stream(density).max().orElse(1), y[Math.min(POINTS - 1, 4)]);
    return new Figure(
            String.format(
                Locale.ROOT,
                "Coverage of %s: 68 %% %.3f ± %.3f, 95 %% %.3f ± %.3f",
                r.source(),
                r.coverage(Wilks.CL68),
                r.coverageError(Wilks.CL68),
                r.coverage(Wilks.CL95),
                r.coverageError(Wilks.CL95)),
            "q(θ_true)",
            "density")
        .histogram(r.toys() + " toys", edges, density)
        .line(String.format(Locale.ROOT, "χ²_%d (Wilks)", k), x, y)
        .verticalLine("68 % threshold", Wilks.threshold(Wilks.CL68, k))
        .verticalLine("95 % threshold", Wilks.threshold(Wilks.CL95, k))
        .xRange(0, max)
        .yRange(0, 1.1 * Math.min(top, 2.0));
  }
}
