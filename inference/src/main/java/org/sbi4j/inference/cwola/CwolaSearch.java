package org.sbi4j.inference.cwola;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Seeds;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.Permutations;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.RatioModel;

/**
 * CWoLa hunting (docs/math.md §5.10): events in the window are split into k folds; for each fold a
 * CARL classifier is trained on the other folds to tell signal-region events (label y = 0, the "θ0"
 * class) from sideband events (y = 1) on the features, scores the fold's events by log r̂ = ln
 * p(x|SR)/p(x|SB), and the top-ε fraction of the fold is kept. The kept events' m is then
 * bump-hunted ({@link BumpHunt}), as is the whole window for comparison.
 *
 * <p>Seeds: folds from derive(seed, 0); fold k's classifier from derive(seed, 1, k).
 */
public final class CwolaSearch {
  private CwolaSearch() {}

  /** Listener of finished folds (progress). */
  public interface Progress {
    /** Fold {@code done} of {@code total} finished. */
    void fold(int done, int total);
  }

  /**
   * Runs the search.
   *
   * @param m the resonant variable, n values
   * @param features n × d features (row-major), not including m
   * @param names the d feature names
   */
  public static CwolaResult run(
      double[] m,
      double[] features,
      List<String> names,
      CwolaConfig config,
      long seed,
      Progress progress) {
    int d = names.size();
    if (d < 1 || features.length != (long) m.length * d) {
      throw new InvalidValueException(
          "features", "give at least one feature and d values per event");
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < m.length; i++) {
      if (!Double.isFinite(m[i])) {
        throw new IllegalArgumentException(
            "event " + i + " has resonant variable " + m[i] + "; remove or fix that event");
      }
      if (config.inWindow(m[i])) {
        kept.add(i);
      }
    }
    int n = kept.size();
    double[] mw = new double[n];
    double[] xw = new double[n * d];
    int sr = 0;
    for (int i = 0; i < n; i++) {
      int e = kept.get(i);
      mw[i] = m[e];
      System.arraycopy(features, e * d, xw, i * d, d);
      sr += config.inSignalRegion(mw[i]) ? 1 : 0;
    }
    int k = config.folds();
    if (sr < k || n - sr < k) {
      throw new InvalidValueException(
          "signalRegion",
          String.format(
              Locale.ROOT,
              "the signal region holds %d and the sidebands %d of the %d events; each needs at "
                  + "least one event per fold (%d)",
              sr,
              n - sr,
              n,
              k));
    }
    BumpHunt inclusive = BumpHunt.of(mw, config);
    int[] perm = Permutations.random(n, Seeds.derive(seed, 0));
    List<Double> selectedM = new ArrayList<>();
    Trainer trainer = new Trainer(config.classifier());
    for (int fold = 0; fold < k; fold++) {
      List<Integer> test = new ArrayList<>();
      List<Integer> train = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        (i % k == fold ? test : train).add(perm[i]);
      }
      EventSample trainSample = sample(names, xw, mw, train, config, true);
      RatioModel model =
          new RatioModel(
              trainer.train(trainSample, Method.CARL, Seeds.derive(seed, 1, fold)).model());
      EventSample testSample = sample(names, xw, mw, test, config, false);
      double[] score = model.logRatio(testSample, new double[][] {{0}})[0];
      Integer[] order = new Integer[test.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
      int keep = (int) Math.ceil(config.efficiency() * test.size());
      for (int i = 0; i < keep; i++) {
        selectedM.add(mw[test.get(order[i])]);
      }
      if (progress != null) {
        progress.fold(fold + 1, k);
      }
    }
    double[] sel = selectedM.stream().mapToDouble(Double::doubleValue).toArray();
    return new CwolaResult(
        inclusive, BumpHunt.of(sel, config), n, sr, sel.length, k, config.efficiency());
  }

  /** The classifier's sample of {@code rows}: features, θ0 ≡ 0 and (for training) y = SB. */
  private static EventSample sample(
      List<String> names,
      double[] x,
      double[] m,
      List<Integer> rows,
      CwolaConfig config,
      boolean labels) {
    int d = names.size();
    double[] sx = new double[rows.size() * d];
    double[] y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      int r = rows.get(i);
      System.arraycopy(x, r * d, sx, i * d, d);
      y[i] = config.inSignalRegion(m[r]) ? 0 : 1;
    }
    EventSample s =
        EventSample.ofFeatures(names, sx)
            .withColumn(Column.THETA0, new double[rows.size()], List.of("none"));
    return labels ? s.withColumn(Column.Y, y, List.of("none")) : s;
  }
}
