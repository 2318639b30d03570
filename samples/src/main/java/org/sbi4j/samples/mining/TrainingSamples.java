package org.sbi4j.samples.mining;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.Permutations;

/**
 * Training samples as MadMiner defines them (docs/math.md §2), from a {@link WeightedView}:
 *
 * <ul>
 *   <li>SALLY: x ~ p(x|θ_ref) with target t(x,z|θ_ref) (columns theta0 = θ_ref, t_xz0);
 *   <li>ratio: half the rows drawn at θ0 (from the given points, y = 0), half at θ1 (y = 1, each
 *       paired with a θ0 point), every row with theta0, theta1, y, log_r_xz = log r(x,z|θ0,θ1),
 *       t_xz0 = t(x,z|θ0) and t_xz1 = t(x,z|θ1).
 * </ul>
 *
 * σ(θ) and ∇σ(θ) are those of the view's events (effective weights), as mining computes them.
 */
public final class TrainingSamples {
  private final MorphingSetup setup;
  private final GoldMiner miner;
  private final double maxNegativeFraction;

  /**
   * @param setup the setup of the events
   * @param maxNegativeFraction largest fraction of Σ|dσ_e(θ)| events with dσ_e(θ) ≤ 0 may carry
   */
  public TrainingSamples(MorphingSetup setup, double maxNegativeFraction) {
    this.setup = setup;
    this.miner = new GoldMiner(setup);
    if (!(maxNegativeFraction >= 0 && maxNegativeFraction <= 1)) {
      throw new IllegalArgumentException(
          "max negative fraction " + maxNegativeFraction + " must lie in [0, 1]");
    }
    this.maxNegativeFraction = maxNegativeFraction;
  }

  /** A SALLY sample of n rows at θ_ref, drawn from {@code view}. */
  public AugmentResult sally(EventSource view, double[] thetaRef, int n, long seed) {
    return sally(new Unweighter(miner).drawer(view), thetaRef, n, seed);
  }

  /** A SALLY sample of n rows at θ_ref, drawn by {@code drawer} (σ_b from its first pass). */
  public AugmentResult sally(EventDrawer drawer, double[] thetaRef, int n, long seed) {
    Check.positive("samples", n);
    setup.checkTheta("theta-ref", thetaRef);
    Draws draws = drawer.draw(new double[][] {thetaRef}, new int[] {n}, maxNegativeFraction, seed);
    ThetaPoint ref = miner.at(thetaRef, draws.benchmarkSigma());
    EventSample ev = draws.events();
    int p = thetaRef.length;
    int nb = setup.benchmarks().size();
    double[] w = ev.weights();
    double[] theta0 = new double[n * p];
    double[] t = new double[n * p];
    double[] g = new double[p];
    for (int i = 0; i < n; i++) {
      double d = ref.dsigma(w, i * nb, g);
      ref.score(d, g, t, i * p);
      System.arraycopy(thetaRef, 0, theta0, i * p, p);
    }
    List<String> names = setup.parameterNames();
    EventSample out =
        EventSample.ofFeatures(ev.observables(), ev.x())
            .withColumn(Column.THETA0, theta0, names)
            .withColumn(Column.T_XZ0, t, names);
    return new AugmentResult(
        out, new double[][] {thetaRef}, draws.effectiveSampleSize(), draws.negatives());
  }

  /**
   * A ratio sample of n rows: ⌊n/2⌋ drawn at the θ0 points (spread evenly over them, y = 0), the
   * rest at θ1 (y = 1), each paired with a θ0 point chosen at random.
   */
  public AugmentResult ratio(
      EventSource view, double[][] theta0s, double[] theta1, int n, long seed) {
    return ratio(new Unweighter(miner).drawer(view), theta0s, theta1, n, seed);
  }

  /** As {@link #ratio(EventSource, double[][], double[], int, long)}, drawn by {@code drawer}. */
  public AugmentResult ratio(
      EventDrawer drawer, double[][] theta0s, double[] theta1, int n, long seed) {
    checkRatioSize(n);
    setup.checkTheta("theta1", theta1);
    int m = theta0s.length;
    int[] counts = ratioCounts(n, m);
    double[][] thetas = Arrays.copyOf(theta0s, m + 1);
    thetas[m] = theta1;
    Draws draws = drawer.draw(thetas, counts, maxNegativeFraction, Seeds.derive(seed, 1));
    ThetaPoint[] points = new ThetaPoint[m + 1];
    for (int k = 0; k <= m; k++) {
      points[k] = miner.at(thetas[k], draws.benchmarkSigma());
    }
    int[] pair = Permutations.random(Math.max(m, 1), Seeds.derive(seed, 2));
    return new AugmentResult(
        ratioColumns(draws, points, pair), thetas, draws.effectiveSampleSize(), draws.negatives());
  }

  private EventSample ratioColumns(Draws draws, ThetaPoint[] points, int[] pair) {
    int n = draws.events().size();
    int m = points.length - 1;
    int[] at0 = new int[n];
    int[] at1 = new int[n];
    int paired = 0;
    for (int i = 0; i < n; i++) {
      int k = draws.thetaIndex()[i];
      at0[i] = k < m ? k : pair[paired++ % pair.length] % m;
      at1[i] = m;
    }
    return ratioColumns(draws, points, at0, at1, m);
  }

  /**
   * A doubly parameterised ratio sample of n rows (docs/math.md §3.8): the pairs (θ0_k, θ1_k) of
   * {@code theta0s[k mod |theta0s|]} and {@code theta1s[k mod |theta1s|]}, k below the larger
   * count; ⌊n/2⌋ rows drawn at the θ0's (y = 0), the rest at the θ1's (y = 1), spread evenly over
   * the pairs, each row with its pair's θ0 and θ1.
   */
  public AugmentResult doublyRatio(
      EventDrawer drawer, double[][] theta0s, double[][] theta1s, int n, long seed) {
    checkRatioSize(n);
    if (theta0s.length == 0 || theta1s.length == 0) {
      throw new IllegalArgumentException("a doubly parameterised sample needs θ0 and θ1 points");
    }
    int pairs = Math.max(theta0s.length, theta1s.length);
    double[][] thetas = new double[2 * pairs][];
    for (int k = 0; k < pairs; k++) {
      thetas[k] = theta0s[k % theta0s.length];
      thetas[pairs + k] = theta1s[k % theta1s.length];
      setup.checkTheta("theta1", thetas[pairs + k]);
    }
    int n0 = n / 2;
    int[] counts = new int[2 * pairs];
    for (int k = 0; k < pairs; k++) {
      counts[k] = n0 / pairs + (k < n0 % pairs ? 1 : 0);
      counts[pairs + k] = (n - n0) / pairs + (k < (n - n0) % pairs ? 1 : 0);
    }
    Draws draws = drawer.draw(thetas, counts, maxNegativeFraction, Seeds.derive(seed, 1));
    ThetaPoint[] points = new ThetaPoint[2 * pairs];
    for (int k = 0; k < points.length; k++) {
      points[k] = miner.at(thetas[k], draws.benchmarkSigma());
    }
    int rows = draws.events().size();
    int[] at0 = new int[rows];
    int[] at1 = new int[rows];
    for (int i = 0; i < rows; i++) {
      int k = draws.thetaIndex()[i] % pairs;
      at0[i] = k;
      at1[i] = pairs + k;
    }
    return new AugmentResult(
        ratioColumns(draws, points, at0, at1, pairs),
        thetas,
        draws.effectiveSampleSize(),
        draws.negatives());
  }

  /**
   * The ratio columns of every drawn row i: θ0 = points[at0[i]], θ1 = points[at1[i]], y = 0 when
   * the row was drawn at one of the first {@code firstTheta1} points (the θ0's), else 1.
   */
  private EventSample ratioColumns(
      Draws draws, ThetaPoint[] points, int[] at0, int[] at1, int firstTheta1) {
    EventSample ev = draws.events();
    int n = ev.size();
    int p = setup.parameters().size();
    int nb = setup.benchmarks().size();
    double[] w = ev.weights();
    double[] th0 = new double[n * p];
    double[] th1 = new double[n * p];
    double[] y = new double[n];
    double[] logR = new double[n];
    double[] t0 = new double[n * p];
    double[] t1 = new double[n * p];
    double[] g0 = new double[p];
    double[] g1 = new double[p];
    for (int i = 0; i < n; i++) {
      ThetaPoint p0 = points[at0[i]];
      ThetaPoint p1 = points[at1[i]];
      y[i] = draws.thetaIndex()[i] < firstTheta1 ? 0 : 1;
      double d0 = p0.dsigma(w, i * nb, g0);
      double d1 = p1.dsigma(w, i * nb, g1);
      if (!(d0 > 0 && d1 > 0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "event %d has dσ(θ0 = %s) = %.4g and dσ(θ1 = %s) = %.4g; the joint ratio needs both "
                    + "positive: narrow the θ0 prior or improve the basis",
                draws.eventIndex()[i],
                Arrays.toString(p0.theta()),
                d0,
                Arrays.toString(p1.theta()),
                d1));
      }
      logR[i] = p0.logDensity(d0) - p1.logDensity(d1);
      p0.score(d0, g0, t0, i * p);
      p1.score(d1, g1, t1, i * p);
      System.arraycopy(p0.theta(), 0, th0, i * p, p);
      System.arraycopy(p1.theta(), 0, th1, i * p, p);
    }
    List<String> names = setup.parameterNames();
    return ratioSample(ev, names, th0, th1, y, logR, t0, t1);
  }

  /** Refuses a ratio sample of fewer than 2 rows. */
  static void checkRatioSize(int n) {
    Check.positive("samples", n);
    if (n < 2) {
      throw new IllegalArgumentException("a ratio sample needs at least 2 rows, got " + n);
    }
  }

  /** Rows per θ point of a ratio sample: ⌊n/2⌋ spread evenly over the m θ0 points, the rest θ1. */
  static int[] ratioCounts(int n, int m) {
    int n0 = n / 2;
    int[] counts = new int[m + 1];
    for (int k = 0; k < m; k++) {
      counts[k] = n0 / m + (k < n0 % m ? 1 : 0);
    }
    counts[m] = n - n0;
    return counts;
  }

  /** The ratio sample's columns beside the drawn events' features. */
  static EventSample ratioSample(
      EventSample ev,
      List<String> names,
      double[] th0,
      double[] th1,
      double[] y,
      double[] logR,
      double[] t0,
      double[] t1) {
    return EventSample.ofFeatures(ev.observables(), ev.x())
        .withColumn(Column.THETA0, th0, names)
        .withColumn(Column.THETA1, th1, names)
        .withColumn(Column.Y, y, names)
        .withColumn(Column.LOG_R_XZ, logR, names)
        .withColumn(Column.T_XZ0, t0, names)
        .withColumn(Column.T_XZ1, t1, names);
  }
}
