package org.sbi4j.samples.mining;

import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.Check;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;

/**
 * Samples of x at parameter points without ratio or score targets (docs/math.md §12.2), MadMiner's
 * plain and test samples: n rows spread evenly over the points θ_k, each row drawn with probability
 * dσ_e⁺(θ_k)/σ⁺(θ_k) and carrying theta0 = θ_k. A test sample also carries {@code weights} = σ(θ_k)
 * / n_k (pb), so that a histogram of its rows estimates dσ/dx at θ_k.
 */
public final class PlainSampling {
  private PlainSampling() {}

  /**
   * A plain ({@code weighted} false) or test ({@code weighted} true) sample of n rows.
   *
   * @param drawer draws events at the points
   * @param setup the setup of the events
   * @param thetas the points θ_k (M × p)
   * @param maxNegativeFraction as {@link EventDrawer#draw}
   */
  public static AugmentResult sample(
      EventDrawer drawer,
      MorphingSetup setup,
      double[][] thetas,
      int n,
      boolean weighted,
      double maxNegativeFraction,
      long seed) {
    Check.positive("samples", n);
    int m = thetas.length;
    if (m == 0) {
      throw new IllegalArgumentException("a plain or test sample needs at least one θ point");
    }
    for (double[] t : thetas) {
      setup.checkTheta("theta0Prior", t);
    }
    int[] counts = evenly(n, m);
    Draws draws = drawer.draw(thetas, counts, maxNegativeFraction, seed);
    EventSample ev = draws.events();
    int rows = ev.size();
    int p = setup.parameters().size();
    double[] th = new double[rows * p];
    double[] w = new double[rows];
    double[] share = new double[m];
    if (weighted) {
      GoldMiner miner = new GoldMiner(setup);
      for (int k = 0; k < m; k++) {
        share[k] = miner.at(thetas[k], draws.benchmarkSigma()).sigma() / counts[k];
      }
    }
    for (int i = 0; i < rows; i++) {
      int k = draws.thetaIndex()[i];
      System.arraycopy(thetas[k], 0, th, i * p, p);
      w[i] = share[k];
    }
    List<String> names = setup.parameterNames();
    EventSample out =
        EventSample.ofFeatures(ev.observables(), ev.x()).withColumn(Column.THETA0, th, names);
    if (weighted) {
      out = out.withColumn(Column.WEIGHT, w, names);
    }
    return new AugmentResult(out, thetas, draws.effectiveSampleSize(), draws.negatives());
  }

  /** n split into m counts that differ by at most one, the larger ones first. */
  public static int[] evenly(int n, int m) {
    int[] counts = new int[m];
    for (int k = 0; k < m; k++) {
      counts[k] = n / m + (k < n % m ? 1 : 0);
    }
    return counts;
  }

  /**
   * The rows of several samples of the same columns, one after the other; the points and
   * diagnostics are concatenated too.
   */
  public static AugmentResult concat(List<AugmentResult> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    EventSample first = parts.get(0).sample();
    int d = first.featureCount();
    int total = parts.stream().mapToInt(a -> a.sample().size()).sum();
    double[] x = new double[total * d];
    int at = 0;
    for (AugmentResult a : parts) {
      double[] px = a.sample().x();
      System.arraycopy(px, 0, x, at, px.length);
      at += px.length;
    }
    EventSample out = EventSample.ofFeatures(first.observables(), x);
    for (Column c : first.columns()) {
      int width = first.width(c);
      double[] v = new double[total * width];
      at = 0;
      for (AugmentResult a : parts) {
        double[] pv = a.sample().column(c);
        System.arraycopy(pv, 0, v, at, pv.length);
        at += pv.length;
      }
      out = out.withColumn(c, v, first.parameterNames());
    }
    List<double[]> thetas = new ArrayList<>();
    List<Double> ess = new ArrayList<>();
    List<NegativeWeights> neg = new ArrayList<>();
    for (AugmentResult a : parts) {
      thetas.addAll(List.of(a.thetas()));
      for (int k = 0; k < a.effectiveSampleSize().length; k++) {
        ess.add(a.effectiveSampleSize()[k]);
        neg.add(a.negatives()[k]);
      }
    }
    return new AugmentResult(
        out,
        thetas.toArray(double[][]::new),
        ess.stream().mapToDouble(Double::doubleValue).toArray(),
        neg.toArray(NegativeWeights[]::new),
        parts.get(0).nuisanceNames());
  }
}
