package org.sbi4j.inference.plot;

import java.nio.file.Path;
import java.util.List;
import org.sbi4j.inference.fisher.FisherMatrix;
import org.sbi4j.inference.limits.Wilks;

/**
 * The Cramér–Rao plot of a Fisher matrix: the expected 68 %/95 % ellipses of the first two
 * parameters (the others profiled), or for one parameter the parabola q = I(θ−θ0)² with the
 * thresholds.
 */
public final class FisherPlot {
  private FisherPlot() {}

  /**
   * @param fisher the information
   * @param centre θ0
   * @param prefix writes prefix.png and prefix.svg
   */
  public static void write(FisherMatrix fisher, double[] centre, Path prefix) {
    List<String> names = fisher.parameters();
    Figure f;
    if (names.size() == 1) {
      double info = fisher.matrix()[0][0];
      double half = 2.5 * Math.sqrt(3.84 / info);
      int n = 201;
      double[] xs = new double[n];
      double[] q = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = centre[0] - half + 2 * half * i / (n - 1);
        q[i] = info * (xs[i] - centre[0]) * (xs[i] - centre[0]);
      }
      f =
          new Figure("Cramér–Rao", names.get(0), "q = I (θ − θ0)²")
              .line("Cramér–Rao", xs, q)
              .dashed("68 % / 95 %", new double[] {xs[0], xs[n - 1]}, new double[] {1, 1})
              .dashed("", new double[] {xs[0], xs[n - 1]}, new double[] {3.84, 3.84})
              .yRange(0, 8);
    } else {
      FisherMatrix two = fisher.profile(names.subList(0, 2));
      double[] c = {centre[0], centre[1]};
      double[][] e68 = two.ellipse(c, Wilks.threshold(Wilks.CL68, 2), 121);
      double[][] e95 = two.ellipse(c, Wilks.threshold(Wilks.CL95, 2), 121);
      f =
          new Figure("Cramér–Rao", names.get(0), names.get(1))
              .line("68 %", e68[0], e68[1])
              .line("95 %", e95[0], e95[1])
              .points("", new double[] {c[0]}, new double[] {c[1]});
    }
    f.save(prefix);
  }
}
