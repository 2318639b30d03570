package org.sbi4j.samples.mining;

import java.util.Arrays;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSource;

/**
 * Gold mining over physics and nuisance parameters (θ, ν) (docs/math.md §7.4). With dσ_e(θ) the
 * morphed weight of event e and L_e(ν) = Σ_j a_ej ν_j + b_ej ν_j² its nuisance morphing:
 *
 * <pre>
 *   dσ_e(θ,ν) = dσ_e(θ) e^{L_e(ν)},     σ(θ,ν) = Σ_e dσ_e(θ,ν),
 *   log r(x_e,z_e|θ0,ν0; θ1,ν1) = log[dσ_e(θ0,ν0)/σ(θ0,ν0)] − log[dσ_e(θ1,ν1)/σ(θ1,ν1)],
 *   t(x_e,z_e|θ,ν) = ∇dσ_e(θ,ν)/dσ_e(θ,ν) − ∇σ(θ,ν)/σ(θ,ν)   (∇ over θ ⊕ ν).
 * </pre>
 *
 * Unlike σ(θ), σ(θ,ν) is not a morphing of per-benchmark sums, so every point costs one pass over
 * the events ({@link #at}). Thread-safe.
 */
public final class NuisanceMiner {
  private final MorphingSetup setup;
  private final Morpher morpher;
  private final NuisanceMorphing.Policy policy;
  private final GoldMiner chunks;

  /**
   * @param setup the setup the sources' θ weight columns follow
   * @param policy what to do with undefined nuisance coefficients
   * @param chunkSize events per chunk, positive
   */
  public NuisanceMiner(MorphingSetup setup, NuisanceMorphing.Policy policy, int chunkSize) {
    this.setup = setup;
    this.morpher = setup.morpher();
    this.policy = policy;
    this.chunks = new GoldMiner(setup, Check.positive("chunkSize", chunkSize));
  }

  /** A miner with the default chunk size. */
  public NuisanceMiner(MorphingSetup setup, NuisanceMorphing.Policy policy) {
    this(setup, policy, GoldMiner.DEFAULT_CHUNK);
  }

  /** σ(θ_k, ν_k) and its gradient over θ ⊕ ν at every point, in one pass over {@code source}. */
  public JointPoint[] at(EventSource source, double[][] thetas, double[][] nus) {
    return points(thetas, nus, sums(source, thetas, nus));
  }

  /**
   * The points with σ and ∇σ from {@code sums} ({@link #sums}, possibly added over the parts of a
   * larger source), refusing σ ≤ 0.
   */
  public JointPoint[] points(double[][] thetas, double[][] nus, double[][] sums) {
    JointPoint[] out = new JointPoint[thetas.length];
    for (int k = 0; k < thetas.length; k++) {
      double sigma = sums[k][0];
      if (!(sigma > 0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "σ(θ,ν) = %.6g ≤ 0 at θ = %s, ν = %s; the events cannot describe this point (check"
                    + " the weights and the parameter ranges)",
                sigma,
                Arrays.toString(thetas[k]),
                Arrays.toString(nus[k])));
      }
      out[k] =
          new JointPoint(
              thetas[k],
              nus[k],
              morpher.weights(thetas[k]),
              morpher.weightGradients(thetas[k]),
              sigma,
              Arrays.copyOfRange(sums[k], 1, sums[k].length));
    }
    return out;
  }

  /**
   * Per point k: {σ(θ_k,ν_k), ∇σ(θ_k,ν_k)} (1 + p + m values) summed over the events of {@code
   * source}; sums of the parts of a source add up to the sums of the whole.
   */
  public double[][] sums(EventSource source, double[][] thetas, double[][] nus) {
    if (thetas.length != nus.length || thetas.length == 0) {
      throw new IllegalArgumentException(thetas.length + " θ points but " + nus.length + " ν rows");
    }
    int n = thetas.length;
    int p = setup.parameters().size();
    NuisanceShift shift = new NuisanceShift(nus, policy);
    int m = nus[0].length;
    double[][] w = new double[n][];
    double[][][] g = new double[n][][];
    double[] sigma = new double[n];
    double[][] grad = new double[n][p + m];
    JointPoint[] provisional = new JointPoint[n];
    for (int k = 0; k < n; k++) {
      setup.checkTheta("theta", thetas[k]);
      w[k] = morpher.weights(thetas[k]);
      g[k] = morpher.weightGradients(thetas[k]);
      provisional[k] = new JointPoint(thetas[k], nus[k], w[k], g[k], Double.NaN, null);
    }
    int nb = setup.benchmarks().size();
    double[] eventGrad = new double[p + m];
    chunks.forEachChunk(
        source,
        (from, part) -> {
          NuisanceMorphing nm = shift.morphing(part);
          double[] weights = part.weights();
          for (int i = 0; i < part.size(); i++) {
            for (int k = 0; k < n; k++) {
              sigma[k] += provisional[k].dsigma(weights, i * nb, nm, i, eventGrad);
              for (int c = 0; c < p + m; c++) {
                grad[k][c] += eventGrad[c];
              }
            }
          }
        });
    double[][] out = new double[n][1 + p + m];
    for (int k = 0; k < n; k++) {
      out[k][0] = sigma[k];
      System.arraycopy(grad[k], 0, out[k], 1, p + m);
    }
    return out;
  }

  /**
   * Mines every event of {@code source}, in its order, at (θ0, ν0) and (θ1, ν1): t0 and t1 have p +
   * m entries per event (θ then ν).
   *
   * @param maxNegativeFraction as in {@link GoldMiner#mine(EventSource, double[], double[],
   *     double)}
   */
  public MinedEvents mine(
      EventSource source,
      double[] theta0,
      double[] nu0,
      double[] theta1,
      double[] nu1,
      double maxNegativeFraction) {
    JointPoint[] pts = at(source, new double[][] {theta0, theta1}, new double[][] {nu0, nu1});
    MinedEvents mined = mine(source, pts[0], pts[1]);
    mined.negatives().check(maxNegativeFraction);
    return mined;
  }

  /** Mines every event of {@code source} with σ and its gradients given; no negative check. */
  public MinedEvents mine(EventSource source, JointPoint p0, JointPoint p1) {
    int n = Math.toIntExact(source.size());
    int q = p0.theta().length + p0.nu().length;
    MinedEvents.Builder out = new MinedEvents.Builder(n, q);
    NuisanceShift shift = new NuisanceShift(new double[][] {p0.nu(), p1.nu()}, policy);
    int nb = setup.benchmarks().size();
    double[] g0 = new double[q];
    double[] g1 = new double[q];
    chunks.forEachChunk(
        source,
        (from, part) -> {
          NuisanceMorphing nm = shift.morphing(part);
          double[] w = part.weights();
          for (int i = 0; i < part.size(); i++) {
            double d0 = p0.dsigma(w, i * nb, nm, i, g0);
            double d1 = p1.dsigma(w, i * nb, nm, i, g1);
            out.put((int) from + i, d0, d1, p0, p1, g0, g1);
          }
        });
    return out.build(p0.sigma(), p1.sigma());
  }
}
