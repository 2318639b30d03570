package org.sbi4j.inference.plot;

import java.nio.file.Path;
import org.sbi4j.inference.histfactory.UpperLimit;

/** CLs against the POI with the expected band (the "Brazil band") of an upper-limit scan. */
public final class BrazilPlot {
  private static final String[] BANDS = {
    "expected −2σ", "expected −1σ", "expected median", "expected +1σ", "expected +2σ"
  };

  private BrazilPlot() {}

  /** Writes PREFIX.png and PREFIX.svg. */
  public static void write(UpperLimit.Result r, String poi, double alpha, Path prefix) {
    double[] mu = r.scan();
    Figure f = new Figure("CLs scan", poi, "CLs");
    for (int k = 0; k < 5; k++) {
      double[] y = new double[mu.length];
      for (int i = 0; i < mu.length; i++) {
        y[i] = r.clsExpected()[i][k];
      }
      if (k == 2) {
        f.line(BANDS[k], mu, y);
      } else {
        f.dashed(BANDS[k], mu, y);
      }
    }
    f.line("observed", mu, r.clsObserved());
    f.dashed("α = " + alpha, new double[] {mu[0], mu[mu.length - 1]}, new double[] {alpha, alpha});
    f.verticalLine("observed limit", r.observed());
    f.xRange(mu[0], mu[mu.length - 1]);
    f.yRange(0, 1);
    f.save(prefix);
  }
}
