package org.sbi4j.samples.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.Permutations;

/**
 * Training samples over physics and nuisance parameters (docs/math.md §7.4): as {@link
 * TrainingSamples}, with every parameter point a pair (θ, ν), events drawn with probability ∝
 * dσ_e(θ,ν)⁺, and the parameter vector of every row θ ⊕ ν, as MadMiner's networks take it. The
 * sample's parameter names are the θ names followed by the ν names; its {@code theta0}/{@code
 * theta1} columns hold θ ⊕ ν and its scores have p + m entries ({@code TrainingFiles} writes the ν
 * part as {@code nu0}/{@code nu1}).
 */
public final class JointTrainingSamples {
  private final MorphingSetup setup;
  private final NuisanceMiner miner;
  private final NuisanceMorphing.Policy policy;
  private final double maxNegativeFraction;

  /**
   * @param setup the setup of the events
   * @param policy what to do with undefined nuisance coefficients
   * @param maxNegativeFraction largest fraction of Σ|dσ_e(θ,ν)| events with dσ_e ≤ 0 may carry
   */
  public JointTrainingSamples(
      MorphingSetup setup, NuisanceMorphing.Policy policy, double maxNegativeFraction) {
    this.setup = setup;
    this.miner = new NuisanceMiner(setup, policy);
    this.policy = policy;
    if (!(maxNegativeFraction >= 0 && maxNegativeFraction <= 1)) {
      throw new IllegalArgumentException(
          "max negative fraction " + maxNegativeFraction + " must lie in [0, 1]");
    }
    this.maxNegativeFraction = maxNegativeFraction;
  }

  /**
   * A SALLY sample of n rows at (θ_ref, ν_ref): x ~ p(x|θ_ref, ν_ref) with t(x,z|θ_ref,ν_ref) over
   * θ ⊕ ν.
   *
   * @param view the events σ(θ,ν) is summed over (the drawer's events)
   * @param drawer draws from {@code view}
   */
  public AugmentResult sally(
      EventSource view, EventDrawer drawer, double[] thetaRef, double[] nuRef, int n, long seed) {
    Check.positive("samples", n);
    setup.checkTheta("theta-ref", thetaRef);
    Nuisances nuisances = requireNuisances(view, nuRef, "nu-ref");
    double[][] thetas = {thetaRef};
    double[][] nus = {nuRef};
    Draws draws =
        drawer.draw(
            thetas, new NuisanceShift(nus, policy), new int[] {n}, maxNegativeFraction, seed);
    JointPoint ref = miner.at(view, thetas, nus)[0];
    EventSample ev = draws.events();
    NuisanceMorphing nm = ev.nuisanceMorphing(policy);
    int q = thetaRef.length + nuRef.length;
    int nb = setup.benchmarks().size();
    double[] w = ev.weights();
    double[] theta0 = new double[n * q];
    double[] t = new double[n * q];
    double[] g = new double[q];
    double[] point = ref.parameters();
    for (int i = 0; i < n; i++) {
      double d = ref.dsigma(w, i * nb, nm, i, g);
      ref.score(d, g, t, i * q);
      System.arraycopy(point, 0, theta0, i * q, q);
    }
    List<String> names = names(nuisances);
    EventSample out =
        EventSample.ofFeatures(ev.observables(), ev.x())
            .withColumn(Column.THETA0, theta0, names)
            .withColumn(Column.T_XZ0, t, names);
    return new AugmentResult(
        out,
        new double[][] {point},
        draws.effectiveSampleSize(),
        draws.negatives(),
        nuisances.names());
  }

  /**
   * A ratio sample of n rows: ⌊n/2⌋ drawn at the points (θ0_k, ν0_k) (spread evenly, y = 0), the
   * rest at (θ1, ν1) (y = 1), each paired with a point (θ0_k, ν0_k) chosen at random.
   *
   * @param theta0s M θ0 points
   * @param nu0s M ν0 rows, one per θ0 point
   */
  public AugmentResult ratio(
      EventSource view,
      EventDrawer drawer,
      double[][] theta0s,
      double[][] nu0s,
      double[] theta1,
      double[] nu1,
      int n,
      long seed) {
    TrainingSamples.checkRatioSize(n);
    setup.checkTheta("theta1", theta1);
    Nuisances nuisances = requireNuisances(view, nu1, "nu1");
    int m = theta0s.length;
    if (nu0s.length != m || m == 0) {
      throw new IllegalArgumentException(m + " θ0 points but " + nu0s.length + " ν0 rows");
    }
    int[] counts = TrainingSamples.ratioCounts(n, m);
    double[][] thetas = Arrays.copyOf(theta0s, m + 1);
    thetas[m] = theta1;
    double[][] nus = Arrays.copyOf(nu0s, m + 1);
    nus[m] = nu1;
    Draws draws =
        drawer.draw(
            thetas,
            new NuisanceShift(nus, policy),
            counts,
            maxNegativeFraction,
            Seeds.derive(seed, 1));
    JointPoint[] points = miner.at(view, thetas, nus);
    int[] pair = Permutations.random(Math.max(m, 1), Seeds.derive(seed, 2));
    double[][] rows = new double[m + 1][];
    for (int k = 0; k <= m; k++) {
      rows[k] = points[k].parameters();
    }
    return new AugmentResult(
        ratioColumns(draws, points, pair, names(nuisances)),
        rows,
        draws.effectiveSampleSize(),
        draws.negatives(),
        nuisances.names());
  }

  private EventSample ratioColumns(
      Draws draws, JointPoint[] points, int[] pair, List<String> names) {
    EventSample ev = draws.events();
    NuisanceMorphing nm = ev.nuisanceMorphing(policy);
    int n = ev.size();
    int m = points.length - 1;
    int q = names.size();
    int nb = setup.benchmarks().size();
    double[] w = ev.weights();
    double[] th0 = new double[n * q];
    double[] th1 = new double[n * q];
    double[] y = new double[n];
    double[] logR = new double[n];
    double[] t0 = new double[n * q];
    double[] t1 = new double[n * q];
    double[] g0 = new double[q];
    double[] g1 = new double[q];
    double[][] rows = new double[m + 1][];
    for (int k = 0; k <= m; k++) {
      rows[k] = points[k].parameters();
    }
    int paired = 0;
    for (int i = 0; i < n; i++) {
      int k = draws.thetaIndex()[i];
      int k0 = k < m ? k : pair[paired++ % pair.length] % m;
      JointPoint p0 = points[k0];
      JointPoint p1 = points[m];
      y[i] = k < m ? 0 : 1;
      double d0 = p0.dsigma(w, i * nb, nm, i, g0);
      double d1 = p1.dsigma(w, i * nb, nm, i, g1);
      if (!(d0 > 0 && d1 > 0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "event %d has dσ(θ0, ν0 = %s) = %.4g and dσ(θ1, ν1 = %s) = %.4g; the joint ratio"
                    + " needs both positive: narrow the priors or improve the basis",
                draws.eventIndex()[i],
                Arrays.toString(rows[k0]),
                d0,
                Arrays.toString(rows[m]),
                d1));
      }
      logR[i] = p0.logDensity(d0) - p1.logDensity(d1);
      p0.score(d0, g0, t0, i * q);
      p1.score(d1, g1, t1, i * q);
      System.arraycopy(rows[k0], 0, th0, i * q, q);
      System.arraycopy(rows[m], 0, th1, i * q, q);
    }
    return TrainingSamples.ratioSample(ev, names, th0, th1, y, logR, t0, t1);
  }

  /** θ names then ν names. */
  private List<String> names(Nuisances nuisances) {
    List<String> out = new ArrayList<>(setup.parameterNames());
    out.addAll(nuisances.names());
    return out;
  }

  private static Nuisances requireNuisances(EventSource view, double[] nu, String what) {
    Nuisances nuisances = Unweighter.nuisancesOf(view);
    if (nuisances.isEmpty()) {
      throw new IllegalArgumentException(
          "the events declare no nuisance parameters, so there is no ν to sample; use an event"
              + " file with nuisance benchmarks");
    }
    if (nu.length != nuisances.size()) {
      throw new IllegalArgumentException(
          what
              + " has "
              + nu.length
              + " values but there are "
              + nuisances.size()
              + " nuisance parameters "
              + nuisances.names()
              + "; give one per nuisance parameter");
    }
    return nuisances;
  }
}
