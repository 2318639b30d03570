package org.sbi4j.inference.plot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sbi4j.inference.fisher.FisherMatrix;
import org.sbi4j.inference.limits.EnsembleBand;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.ScanResult;
import org.sbi4j.inference.limits.Wilks;

/**
 * The limits plot: for one parameter, q(θ) of every method with the 68 %/95 % thresholds and the
 * best fits; for two, the p-value map of the first method with the 68 %/95 % contours (q = 2.30,
 * 5.99) of every method and the best fits. Expected results are drawn solid, observed dashed. A
 * Fisher matrix adds the Cramér–Rao expectation: the parabola I(θ−θ0)² in 1D, the 68 %/95 %
 * ellipses in 2D. With more than two parameters the profile of the first is drawn.
 */
public final class LimitsPlot {
  private LimitsPlot() {}

  /**
   * Builds the figure.
   *
   * @param results one or more results over the same parameters
   * @param fisher Fisher information for the Cramér–Rao overlay, or null
   * @param centre θ0 of the overlay (θ_true), or null
   */
  public static Figure figure(List<LimitsResult> results, FisherMatrix fisher, double[] centre) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("nothing to plot: no limits results");
    }
    ScanResult first = results.get(0).scan();
    return first.grid().dimension() == 2
        ? plane(results, fisher, centre)
        : curves(results, fisher, centre);
  }

  /**
   * As {@link #figure(List, FisherMatrix, double[])}, with the band of every ensemble in {@code
   * bands} (by result index): in 1D the members' pointwise lowest and highest q (dotted pair), in
   * 2D each member's 95 % contour.
   */
  public static Figure figure(
      List<LimitsResult> results,
      Map<Integer, EnsembleBand> bands,
      FisherMatrix fisher,
      double[] centre) {
    Figure f = figure(results, fisher, centre);
    for (Map.Entry<Integer, EnsembleBand> e : bands.entrySet()) {
      LimitsResult r = results.get(e.getKey());
      EnsembleBand band = e.getValue();
      String label = r.method() + " members";
      if (r.scan().grid().dimension() == 1) {
        double[][] q = band.qRange();
        double[] xs = r.scan().grid().axis(0);
        f.dashed(label + " (band)", xs, q[0]);
        f.dashed("", xs, q[1]);
      } else if (r.scan().grid().dimension() == 2) {
        double c95 = Wilks.threshold(Wilks.CL95, 2);
        for (int k = 0; k < band.members().size(); k++) {
          ScanResult s = band.members().get(k);
          f.contour(
              k == 0 ? label + " 95 %" : "", s.grid().axis(0), s.grid().axis(1), s.qPlane(), c95);
        }
      }
    }
    return f;
  }

  /** Writes the figure with ensemble bands to {@code prefix.png} and {@code prefix.svg}. */
  public static void write(
      List<LimitsResult> results,
      Map<Integer, EnsembleBand> bands,
      FisherMatrix fisher,
      double[] centre,
      Path prefix) {
    figure(results, bands, fisher, centre).save(prefix);
  }

  /** Builds the figure and writes {@code prefix.png} and {@code prefix.svg}. */
  public static void write(
      List<LimitsResult> results, FisherMatrix fisher, double[] centre, Path prefix) {
    figure(results, fisher, centre).save(prefix);
  }

  private static String label(LimitsResult r) {
    return r.method() + (r.expected() ? " (expected)" : " (observed)");
  }

  private static Figure curves(List<LimitsResult> results, FisherMatrix fisher, double[] centre) {
    ScanResult first = results.get(0).scan();
    String name = first.parameters().get(0);
    Figure f = new Figure("Likelihood scan", name, "q = −2 Δ log L");
    double[] xs = first.grid().axis(0);
    double top = 0;
    for (LimitsResult r : results) {
      double[] q = profile(r.scan());
      for (double v : q) {
        top = Math.max(top, v);
      }
      if (r.expected()) {
        f.line(label(r), r.scan().grid().axis(0), q);
      } else {
        f.dashed(label(r), r.scan().grid().axis(0), q);
      }
    }
    if (fisher != null && centre != null) {
      double info = fisher.profile(List.of(name)).matrix()[0][0];
      double[] q = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        q[i] = info * (xs[i] - centre[0]) * (xs[i] - centre[0]);
      }
      f.dashed("Cramér–Rao", xs, q);
    }
    double[] edge = {xs[0], xs[xs.length - 1]};
    f.dashed("68 % / 95 %", edge, new double[] {1, 1});
    f.dashed("", edge, new double[] {3.84, 3.84});
    for (LimitsResult r : results) {
      f.points("", new double[] {r.scan().bestFit()[0]}, new double[] {0});
    }
    f.xRange(edge[0], edge[1]);
    f.yRange(0, Math.max(5, Math.min(top, 12)));
    return f;
  }

  /** q of a 1D scan, or the profile of the first parameter of a larger one. */
  private static double[] profile(ScanResult s) {
    if (s.grid().dimension() == 1) {
      return s.q();
    }
    double[] axis = s.grid().axis(0);
    double[] out = new double[axis.length];
    java.util.Arrays.fill(out, Double.POSITIVE_INFINITY);
    double[] q = s.q();
    for (int g = 0; g < q.length; g++) {
      int i = s.grid().indices(g)[0];
      out[i] = Math.min(out[i], q[g]);
    }
    return out;
  }

  private static Figure plane(List<LimitsResult> results, FisherMatrix fisher, double[] centre) {
    ScanResult first = results.get(0).scan();
    Figure f = new Figure("Limits", first.parameters().get(0), first.parameters().get(1));
    double[] xs = first.grid().axis(0);
    double[] ys = first.grid().axis(1);
    f.heatMap(xs, ys, first.pValuePlane(), "p-value (" + results.get(0).method() + ")");
    double c68 = Wilks.threshold(Wilks.CL68, 2);
    double c95 = Wilks.threshold(Wilks.CL95, 2);
    for (LimitsResult r : results) {
      ScanResult s = r.scan();
      f.contour(label(r) + " 68 %", s.grid().axis(0), s.grid().axis(1), s.qPlane(), c68);
      f.contour(label(r) + " 95 %", s.grid().axis(0), s.grid().axis(1), s.qPlane(), c95);
    }
    if (fisher != null && centre != null) {
      FisherMatrix two = fisher.profile(first.parameters());
      double[][] e68 = two.ellipse(centre, c68, 121);
      double[][] e95 = two.ellipse(centre, c95, 121);
      f.dashed("Cramér–Rao 68 %", e68[0], e68[1]);
      f.dashed("Cramér–Rao 95 %", e95[0], e95[1]);
    }
    for (LimitsResult r : results) {
      double[] b = r.scan().bestFit();
      f.points("", new double[] {b[0]}, new double[] {b[1]});
    }
    f.xRange(xs[0], xs[xs.length - 1]);
    f.yRange(ys[0], ys[ys.length - 1]);
    return f;
  }
}
