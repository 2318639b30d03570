package org.sbi4j.inference.diagnostics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.inference.plot.Figure;

/**
 * The plots of {@code sbi4j diagnose}: PREFIX-closure (E_θ1[r̂] and E_θ0[1/r̂] with their standard
 * errors against θ0, or against the grid index for several parameters), PREFIX-roc (the ROC curves
 * at the probe θ0, the exact one dashed) and PREFIX-reliability (the observed fraction of θ1
 * against ŝ at the probe θ0). The probe is the θ0 where the first model's AUC is largest: where the
 * two hypotheses are told apart best.
 */
public final class DiagnosePlots {
  private DiagnosePlots() {}

  /** Writes the three plots (PNG and SVG each); returns the files. */
  public static List<String> write(
      List<ModelDiagnostics> models, List<String> parameters, double[][] grid, Path prefix) {
    int probe = probe(models.get(0));
    List<String> files = new ArrayList<>();
    for (var e :
        List.of(
            java.util.Map.entry("closure", closure(models, parameters, grid)),
            java.util.Map.entry("roc", roc(models, grid[probe], probe)),
            java.util.Map.entry("reliability", reliability(models, grid[probe], probe)))) {
      Path p = Path.of(prefix + "-" + e.getKey());
      e.getValue().save(p);
      files.add(p + ".png");
      files.add(p + ".svg");
    }
    return files;
  }

  /** The grid index of the largest AUC of {@code m}. */
  static int probe(ModelDiagnostics m) {
    int best = 0;
    for (int j = 1; j < m.auc().length; j++) {
      if (m.auc()[j] > m.auc()[best]) {
        best = j;
      }
    }
    return best;
  }

  /** The closure figure. */
  public static Figure closure(
      List<ModelDiagnostics> models, List<String> parameters, double[][] grid) {
    boolean oneD = parameters.size() == 1;
    double[] xs = new double[grid.length];
    for (int j = 0; j < grid.length; j++) {
      xs[j] = oneD ? grid[j][0] : j;
    }
    double step = grid.length > 1 ? 0.15 * Math.abs(xs[1] - xs[0]) : 0.05;
    Figure f =
        new Figure(
            "Ratio closure (flagged beyond 3 s.e.)",
            oneD ? parameters.get(0) + "0" : "θ0 grid point",
            "E[r̂] under θ1, E[1/r̂] under θ0");
    double lo = 1;
    double hi = 1;
    for (int m = 0; m < models.size(); m++) {
      ModelDiagnostics d = models.get(m);
      int n = grid.length;
      double[][] v = new double[4][n];
      for (int j = 0; j < n; j++) {
        ClosurePoint c = d.closure().get(j);
        v[0][j] = c.meanR().mean();
        v[1][j] = c.meanR().error();
        v[2][j] = c.meanInvR().mean();
        v[3][j] = c.meanInvR().error();
        lo = Math.min(lo, Math.min(v[0][j] - v[1][j], v[2][j] - v[3][j]));
        hi = Math.max(hi, Math.max(v[0][j] + v[1][j], v[2][j] + v[3][j]));
      }
      double[] left = shifted(xs, -step * (m + 0.5) / models.size());
      double[] right = shifted(xs, step * (m + 0.5) / models.size());
      f.line(d.label() + ": E_θ1[r̂]", left, v[0]).errorBars(left, v[0], v[1]);
      f.dashed(d.label() + ": E_θ0[1/r̂]", right, v[2]).errorBars(right, v[2], v[3]);
    }
    f.dashed("closure = 1", new double[] {xs[0], xs[xs.length - 1]}, new double[] {1, 1});
    double pad = 0.05 * Math.max(hi - lo, 0.02);
    // every point in view, the line at 1 included, but a runaway model clipped at 0 and 3
    f.yRange(Math.max(0, Math.min(lo - pad, 0.9)), Math.min(3, Math.max(hi + pad, 1.1)));
    return f;
  }

  private static double[] shifted(double[] xs, double d) {
    double[] out = new double[xs.length];
    for (int j = 0; j < xs.length; j++) {
      out[j] = xs[j] + d;
    }
    return out;
  }

  /** The ROC figure at grid point {@code probe}. */
  public static Figure roc(List<ModelDiagnostics> models, double[] theta0, int probe) {
    Figure f =
        new Figure(
            "ROC of r̂: x ~ θ0 = " + point(theta0) + " against x ~ θ1",
            "false-positive rate (θ1)",
            "true-positive rate (θ0)");
    for (ModelDiagnostics d : models) {
      Roc r = d.roc().get(probe);
      f.line(String.format(Locale.ROOT, "%s (AUC %.4f)", d.label(), r.auc()), r.fpr(), r.tpr());
    }
    ModelDiagnostics first = models.get(0);
    if (first.rocExact() != null) {
      Roc r = first.rocExact().get(probe);
      f.dashed(String.format(Locale.ROOT, "exact (AUC %.4f)", r.auc()), r.fpr(), r.tpr());
    }
    f.dashed("chance", new double[] {0, 1}, new double[] {0, 1});
    return f.xRange(0, 1).yRange(0, 1);
  }

  /** The reliability figure at grid point {@code probe}. */
  public static Figure reliability(List<ModelDiagnostics> models, double[] theta0, int probe) {
    Figure f =
        new Figure(
            "Reliability of ŝ = 1/(1 + r̂) at θ0 = " + point(theta0),
            "mean ŝ in the bin",
            "observed fraction of θ1");
    for (ModelDiagnostics d : models) {
      List<Reliability.Bin> bins = d.reliability().get(probe);
      double[] x = new double[bins.size()];
      double[] y = new double[bins.size()];
      double[] e = new double[bins.size()];
      for (int k = 0; k < x.length; k++) {
        x[k] = bins.get(k).meanS();
        y[k] = bins.get(k).fractionTheta1();
        e[k] = bins.get(k).fractionError();
      }
      f.line(d.label(), x, y).errorBars(x, y, e);
    }
    f.dashed("calibrated", new double[] {0, 1}, new double[] {0, 1});
    return f.xRange(0, 1).yRange(0, 1);
  }

  private static String point(double[] theta) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < theta.length; i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", theta[i]));
    }
    return theta.length == 1 ? b.toString() : "(" + b + ")";
  }
}
