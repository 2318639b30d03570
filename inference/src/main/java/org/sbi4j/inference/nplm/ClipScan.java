package org.sbi4j.inference.nplm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * The choice of the weight clip W (docs/math.md §5.6): for each W of a grid, K null toys; the toys
 * are compared with χ²_p, p the number of trainable parameters of the network, by a
 * Kolmogorov–Smirnov test, and the largest W whose toys are compatible (KS p-value ≥ {@link
 * #COMPATIBLE}) is chosen — below it the network behaves as a model with p free parameters and
 * Wilks's χ²_p holds, above it t grows past χ²_p. All W use the same toy seeds (the same toy data
 * sets), so the scan compares W alone.
 *
 * @param parameters p, the network's trainable parameters
 * @param entries one per W, in grid order
 * @param chosen the chosen W: the largest compatible one, or the smallest W of the grid when none
 *     is
 */
public record ClipScan(int parameters, List<Entry> entries, double chosen) {
  /** KS p-value at or above which the toys count as χ²_p distributed. */
  public static final double COMPATIBLE = 0.05;

  /**
   * The toys at one W.
   *
   * @param clip W
   * @param dof k of the χ²_k fitted to the toys
   * @param ksPValue KS p-value of the toys against χ²_p (p the parameter count, not fitted)
   * @param compatible ksPValue ≥ {@link #COMPATIBLE}
   * @param nullT the toys' t, in toy order
   */
  public record Entry(
      double clip, double dof, double ksPValue, boolean compatible, double[] nullT) {
    public Entry {
      nullT = nullT.clone();
    }

    @Override
    public double[] nullT() {
      return nullT.clone();
    }
  }

  public ClipScan {
    entries = List.copyOf(entries);
  }

  /** The entry of the chosen W. */
  public Entry chosenEntry() {
    return entries.stream().filter(e -> e.clip() == chosen).findFirst().orElseThrow();
  }

  /** Whether some W of the grid was compatible with χ²_p. */
  public boolean anyCompatible() {
    return entries.stream().anyMatch(Entry::compatible);
  }

  /** Warnings: no W of the grid compatible with χ²_p. */
  public List<String> warnings() {
    if (anyCompatible()) {
      return List.of();
    }
    return List.of(
        String.format(
            Locale.ROOT,
            "no clip in the scan gives toys compatible with χ²_%d (KS p ≥ %s); the smallest, W = "
                + "%s, is used: scan smaller values",
            parameters,
            COMPATIBLE,
            chosen));
  }

  /** The JSON of the scan: a list of {clip, dof, ksPValue, compatible} maps. */
  public List<Map<String, Object>> summary() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Entry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("clip", e.clip());
      m.put("dof", e.dof());
      m.put("ksPValue", e.ksPValue());
      m.put("compatible", e.compatible());
      out.add(m);
    }
    return out;
  }

  /**
   * Runs the scan: {@code count} null toys from {@code toys} at every W of {@code clips} (strictly
   * increasing, finite, > 0), each trained with {@code training} at that W, seeds as in {@link
   * NplmTest#nullDistribution}.
   */
  public static ClipScan run(
      ToySource toys,
      NplmTrainingConfig training,
      double[] clips,
      int count,
      long seed,
      TaskRunner runner) {
    checkGrid(clips);
    if (training.kernel() != null) {
      throw new InvalidValueException(
          "chooseClip", "the kernel model has no weight clip to choose; use the network model");
    }
    if (count < NplmResult.MIN_TOYS_FOR_CHI2) {
      throw new InvalidValueException(
          "toys",
          "toys = "
              + count
              + " is too few to compare the null with a χ² for each clip; use at least "
              + NplmResult.MIN_TOYS_FOR_CHI2);
    }
    int p = training.network().parameterCount();
    ChiSquaredDistribution wilks = new ChiSquaredDistribution(null, p);
    List<Entry> entries = new ArrayList<>();
    double chosen = clips[0];
    for (double w : clips) {
      double[] t = NplmTest.nullDistribution(toys, training.withClip(w), count, seed, runner);
      ChiSquaredFit fit = ChiSquaredFit.fit(t);
      double ks =
          Math.max(0, Math.min(1, new KolmogorovSmirnovTest().kolmogorovSmirnovTest(wilks, t)));
      boolean ok = ks >= COMPATIBLE;
      if (ok) {
        chosen = w;
      }
      entries.add(new Entry(w, fit.dof(), ks, ok, t));
    }
    return new ClipScan(p, entries, chosen);
  }

  /** Parses {@code lo:hi:n} into n ≥ 2 evenly spaced values from lo to hi (0 < lo < hi, finite). */
  public static double[] grid(String text) {
    String[] parts = text.split(":");
    String usage =
        "clip grid '" + text + "' must be lo:hi:n with 0 < lo < hi and n ≥ 2, e.g. 1:12:6";
    if (parts.length != 3) {
      throw new InvalidValueException("chooseClip", usage);
    }
    double lo;
    double hi;
    int n;
    try {
      lo = Double.parseDouble(parts[0].trim());
      hi = Double.parseDouble(parts[1].trim());
      n = Integer.parseInt(parts[2].trim());
    } catch (NumberFormatException e) {
      throw new InvalidValueException("chooseClip", usage);
    }
    if (!(lo > 0) || !(hi > lo) || !Double.isFinite(hi) || n < 2 || n > 1000) {
      throw new InvalidValueException("chooseClip", usage + " (at most 1000 values)");
    }
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
    }
    return w;
  }

  private static void checkGrid(double[] clips) {
    if (clips.length == 0) {
      throw new InvalidValueException("chooseClip", "the clip grid is empty; give lo:hi:n");
    }
    for (int i = 0; i < clips.length; i++) {
      if (!(clips[i] > 0) || !Double.isFinite(clips[i]) || (i > 0 && !(clips[i] > clips[i - 1]))) {
        throw new InvalidValueException(
            "chooseClip",
            "clip grid values must be finite, > 0 and increasing; value " + i + " is " + clips[i]);
      }
    }
  }
}
