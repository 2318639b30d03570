package org.sbi4j.inference.likelihood;

import java.util.Arrays;
import java.util.Locale;
import org.sbi4j.morphing.NuisanceMorphing;

/**
 * Weighted events with nuisance morphing (docs/math.md §7.5): every event's differential cross
 * section is dσ_e(θ, ν) = dσ_e(θ) exp(Σ_j a_ej ν_j + b_ej ν_j²), and the events fall into groups
 * (histogram bins, or one group for the total rate):
 *
 * <pre>E_g(θ, ν) = Σ_{e ∈ g} dσ_e(θ, ν),   ∂E_g/∂ν_j = Σ_{e ∈ g} dσ_e(θ, ν) (a_ej + 2 b_ej ν_j).
 * </pre>
 *
 * With ν = 0 every factor is exactly 1, so E_g(θ, 0) is the nuisance-free sum. dσ_e(θ) is kept for
 * the last θ each thread asked for (profiling asks many ν at one θ, and profiles several θ at once
 * on different threads). Thread-safe.
 */
public final class NuisanceEvents {
  private final MorphedEvents events;
  private final NuisanceMorphing morphing;
  private final int[] group;
  private final int groups;

  /** Per thread: the last θ asked for and its dσ_e(θ). */
  private final ThreadLocal<double[][]> last = new ThreadLocal<>();

  /**
   * All events in one group: E_0(θ, ν) = σ(θ, ν).
   *
   * @param events the events and their θ morphing
   * @param morphing their nuisance-morphing coefficients (same events, same order)
   */
  public NuisanceEvents(MorphedEvents events, NuisanceMorphing morphing) {
    this(events, morphing, new int[events.sample().size()], 1);
  }

  /**
   * @param events the events and their θ morphing
   * @param morphing their nuisance-morphing coefficients
   * @param group the group of every event, in [0, groups)
   * @param groups number of groups
   */
  public NuisanceEvents(MorphedEvents events, NuisanceMorphing morphing, int[] group, int groups) {
    int n = events.sample().size();
    if (morphing.size() != n || group.length != n) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d events, %d nuisance-morphing rows and %d group indices; they must agree",
              n,
              morphing.size(),
              group.length));
    }
    this.events = events;
    this.morphing = morphing;
    this.group = group.clone();
    this.groups = groups;
  }

  public MorphedEvents events() {
    return events;
  }

  public NuisanceMorphing morphing() {
    return morphing;
  }

  /** Number of nuisance parameters m. */
  public int nuisanceCount() {
    return morphing.count();
  }

  /**
   * E_g(θ, ν) for every group.
   *
   * @param gradient null, or groups × m receiving ∂E_g/∂ν_j
   */
  public double[] expected(double[] theta, double[] nu, double[][] gradient) {
    double[] d = dsigma(theta);
    int m = morphing.count();
    double[] out = new double[groups];
    double[] g = new double[m];
    if (gradient != null) {
      for (double[] row : gradient) {
        Arrays.fill(row, 0);
      }
    }
    for (int e = 0; e < d.length; e++) {
      double v = d[e] * Math.exp(morphing.logFactor(e, nu));
      out[group[e]] += v;
      if (gradient != null) {
        morphing.gradient(e, nu, g);
        double[] row = gradient[group[e]];
        for (int j = 0; j < m; j++) {
          row[j] += v * g[j];
        }
      }
    }
    return out;
  }

  /** σ(θ, ν) = Σ_g E_g(θ, ν) in pb, with its ν-gradient into {@code gradient} when not null. */
  public double sigma(double[] theta, double[] nu, double[] gradient) {
    double[][] g = gradient == null ? null : new double[groups][nu.length];
    double[] e = expected(theta, nu, g);
    double s = 0;
    for (double v : e) {
      s += v;
    }
    if (gradient != null) {
      Arrays.fill(gradient, 0);
      for (double[] row : g) {
        for (int j = 0; j < row.length; j++) {
          gradient[j] += row[j];
        }
      }
    }
    return s;
  }

  private double[] dsigma(double[] theta) {
    double[][] cached = last.get();
    if (cached == null || !Arrays.equals(cached[0], theta)) {
      cached = new double[][] {theta.clone(), events.dsigma(theta)};
      last.set(cached);
    }
    return cached[1];
  }
}
