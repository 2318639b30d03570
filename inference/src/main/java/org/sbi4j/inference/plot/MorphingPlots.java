package org.sbi4j.inference.plot;

import java.nio.file.Path;
import java.util.List;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.morphing.Parameter;

/**
 * The quality of a morphing basis: log10 Σ_b w_b(θ)² over the parameter ranges with the basis
 * points marked. One parameter: a curve; two: a colour map; more: the slice through the first two
 * parameters with the others at zero.
 */
public final class MorphingPlots {
  private static final int GRID = 101;

  private MorphingPlots() {}

  /** Writes {@code prefix.png} and {@code prefix.svg}. */
  public static void write(Morpher morpher, List<Parameter> parameters, Path prefix) {
    double[][] basis = morpher.basis();
    Parameter a = parameters.get(0);
    double[] xs = grid(a);
    if (parameters.size() == 1) {
      double[] y = new double[xs.length];
      for (int i = 0; i < xs.length; i++) {
        y[i] = Math.log10(morpher.squaredWeightSum(new double[] {xs[i]}));
      }
      double[] bx = new double[basis.length];
      double[] byv = new double[basis.length];
      for (int b = 0; b < basis.length; b++) {
        bx[b] = basis[b][0];
        byv[b] = Math.log10(morpher.squaredWeightSum(basis[b]));
      }
      new Figure("Morphing basis quality", a.name(), "log10 Σ_b w_b²")
          .line("log10 Σ w²", xs, y)
          .points("basis points", bx, byv)
          .save(prefix);
      return;
    }
    Parameter c = parameters.get(1);
    double[] ys = grid(c);
    double[][] z = new double[xs.length][ys.length];
    double[] theta = new double[parameters.size()];
    for (int i = 0; i < xs.length; i++) {
      for (int j = 0; j < ys.length; j++) {
        theta[0] = xs[i];
        theta[1] = ys[j];
        z[i][j] = Math.log10(morpher.squaredWeightSum(theta));
      }
    }
    double[] bx = new double[basis.length];
    double[] byv = new double[basis.length];
    for (int b = 0; b < basis.length; b++) {
      bx[b] = basis[b][0];
      byv[b] = basis[b][1];
    }
    String title =
        parameters.size() == 2
            ? "Morphing basis quality"
            : "Morphing basis quality (slice: other parameters at 0)";
    new Figure(title, a.name(), c.name())
        .heatMap(xs, ys, z, "log10 Σ_b w_b²")
        .points("basis points", bx, byv)
        .xRange(a.min(), a.max())
        .yRange(c.min(), c.max())
        .save(prefix);
  }

  private static double[] grid(Parameter p) {
    double[] g = new double[GRID];
    for (int i = 0; i < GRID; i++) {
      g[i] = p.min() + (p.max() - p.min()) * i / (GRID - 1);
    }
    return g;
  }
}
