package org.sbi4j.inference.protomodels;

import java.util.List;
import java.util.Locale;
import org.sbi4j.inference.plot.Figure;

/** The builder's plots, each written as PNG and SVG by {@link Figure#save}. */
public final class ProtoPlots {
  /** Walks drawn in the K plot (the best walker is always among them). */
  static final int MAX_WALKS = 12;

  private static final int BINS = 25;

  private ProtoPlots() {}

  /** K of the current model along each walk (at most {@value #MAX_WALKS} walkers). */
  public static Figure walks(List<WalkerState> walkers) {
    Figure f = new Figure("K along the walks", "step", "K");
    int best = Builder.bestWalker(walkers);
    int drawn = 0;
    for (int w = 0; w < walkers.size() && drawn < MAX_WALKS; w++) {
      if (w != best && drawn == MAX_WALKS - 1) {
        continue;
      }
      double[] k = walkers.get(w).trajectory();
      double[] x = new double[k.length];
      for (int t = 0; t < k.length; t++) {
        x[t] = t + 1;
      }
      f.line("walker " + w + (w == best ? " (best)" : ""), x, k);
      drawn++;
    }
    return f;
  }

  /** The fake databases' K as a histogram with the observed K. */
  public static Figure fakes(GlobalPValue.Result result) {
    double[] k = result.fakeK();
    double obs = result.observedK();
    double lo = Math.min(obs, java.util.Arrays.stream(k).min().orElse(obs));
    double hi = Math.max(obs, java.util.Arrays.stream(k).max().orElse(obs));
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double pad = 0.05 * (hi - lo);
    lo -= pad;
    hi += pad;
    double width = (hi - lo) / BINS;
    double[] edges = new double[BINS + 1];
    double[] counts = new double[BINS];
    for (int b = 0; b <= BINS; b++) {
      edges[b] = lo + b * width;
    }
    for (double v : k) {
      counts[(int) Math.min(BINS - 1, Math.max(0, (v - lo) / width))]++;
    }
    return new Figure("K of the fake databases", "K", "fake databases")
        .histogram(k.length + " fakes", edges, counts)
        .verticalLine(
            String.format(Locale.ROOT, "observed K = %.3g (p = %.3g)", obs, result.pValue()), obs);
  }
}
