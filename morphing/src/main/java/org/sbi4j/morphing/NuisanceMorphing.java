package org.sbi4j.morphing;

import java.util.Locale;
import org.sbi4j.common.InvalidValueException;

/**
 * Per-event nuisance morphing (docs/math.md §7):
 *
 * <pre>dσ(x|θ,ν) / dσ(x|θ,0) = exp(Σ_i a_i(x) ν_i + b_i(x) ν_i²)</pre>
 *
 * with a_i = ½ log(w₊/w₋), b_i = ½ log(w₊w₋/w₀²) for a two-sided nuisance and a_i = log(w₊/w₀), b_i
 * = 0 for a one-sided one, where w₀ is the event's weight at the reference benchmark and w± its
 * weights at the nuisance benchmarks. A ratio that is not positive and finite makes a coefficient
 * undefined: by default that is an error naming how many coefficients are affected; with {@link
 * Policy#CLAMP} every coefficient is sanitised as MadMiner does (non-finite → 0, then clipped to
 * [−10, 10]).
 */
public final class NuisanceMorphing {
  /**
   * The value name ({@link InvalidValueException#value()}) of the undefined-coefficient error: a
   * front end maps it to the switch that selects {@link Policy#CLAMP}.
   */
  public static final String POLICY_VALUE = "nuisance_policy";

  /** MadMiner's clip for the coefficients. */
  public static final double CLAMP = 10;

  /** What to do with undefined coefficients. */
  public enum Policy {
    /** Refuse them (the default). */
    ERROR,
    /** Sanitise every coefficient as MadMiner does: non-finite → 0, then clip to [−10, 10]. */
    CLAMP
  }

  private final int size;
  private final int count;
  private final double[] a;
  private final double[] b;
  private final int undefined;

  private NuisanceMorphing(int size, int count, double[] a, double[] b, int undefined) {
    this.size = size;
    this.count = count;
    this.a = a;
    this.b = b;
    this.undefined = undefined;
  }

  /**
   * The coefficients of n events.
   *
   * @param nuisances the nuisance parameters and their weight columns
   * @param reference n weights at the reference benchmark
   * @param nuisanceWeights n × K weights at the nuisance benchmarks, row-major, in the column order
   *     of {@link Nuisances#benchmarks()}
   * @param policy what to do with undefined coefficients
   * @throws InvalidValueException ({@link #POLICY_VALUE}) under {@link Policy#ERROR} when a
   *     coefficient is undefined
   */
  public static NuisanceMorphing of(
      Nuisances nuisances, double[] reference, double[] nuisanceWeights, Policy policy) {
    int n = reference.length;
    int k = nuisances.benchmarks().size();
    int m = nuisances.size();
    if (nuisanceWeights.length != (long) n * k) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%d nuisance weights for %d events × %d nuisance benchmarks",
              nuisanceWeights.length,
              n,
              k));
    }
    double[] a = new double[n * m];
    double[] b = new double[n * m];
    int bad = 0;
    int firstEvent = -1;
    String firstName = null;
    for (int j = 0; j < m; j++) {
      int plus = nuisances.plusColumn(j);
      int minus = nuisances.minusColumn(j);
      for (int i = 0; i < n; i++) {
        double w0 = reference[i];
        double wp = nuisanceWeights[i * k + plus];
        double wm = minus < 0 ? Double.NaN : nuisanceWeights[i * k + minus];
        // differences of logarithms: ratios of tiny and huge weights must not under/overflow
        double ai = minus < 0 ? Math.log(wp) - Math.log(w0) : 0.5 * (Math.log(wp) - Math.log(wm));
        double bi = minus < 0 ? 0 : 0.5 * (Math.log(wp) + Math.log(wm) - 2 * Math.log(w0));
        boolean ok =
            w0 > 0 && wp > 0 && (minus < 0 || wm > 0) && Double.isFinite(ai) && Double.isFinite(bi);
        if (!ok) {
          if (bad == 0) {
            firstEvent = i;
            firstName = nuisances.parameters().get(j).name();
          }
          bad++;
        }
        a[i * m + j] = policy == Policy.CLAMP ? clamp(ai) : ai;
        b[i * m + j] = policy == Policy.CLAMP ? clamp(bi) : bi;
      }
    }
    if (bad > 0 && policy == Policy.ERROR) {
      throw new InvalidValueException(
          POLICY_VALUE,
          String.format(
              Locale.ROOT,
              "%d nuisance coefficients are undefined (a weight ratio that is not positive and"
                  + " finite; first: event %d, nuisance '%s'); fix the weights or clamp the"
                  + " coefficients as MadMiner does",
              bad,
              firstEvent,
              firstName));
    }
    return new NuisanceMorphing(n, m, a, b, bad);
  }

  /** MadMiner's sanitising: non-finite → 0, then clipped to [−{@value #CLAMP}, {@value #CLAMP}]. */
  static double clamp(double v) {
    return Double.isFinite(v) ? Math.max(-CLAMP, Math.min(CLAMP, v)) : 0;
  }

  /** Number of events. */
  public int size() {
    return size;
  }

  /** Number of nuisance parameters. */
  public int count() {
    return count;
  }

  /** How many coefficients were undefined (and clamped). */
  public int undefined() {
    return undefined;
  }

  /** a_j(x_i). */
  public double a(int i, int j) {
    return a[i * count + j];
  }

  /** b_j(x_i). */
  public double b(int i, int j) {
    return b[i * count + j];
  }

  /** log of the factor dσ(x_i|θ,ν)/dσ(x_i|θ,0) = Σ_j a_j ν_j + b_j ν_j². */
  public double logFactor(int i, double[] nu) {
    double s = 0;
    int o = i * count;
    for (int j = 0; j < count; j++) {
      s += nu[j] * (a[o + j] + b[o + j] * nu[j]);
    }
    return s;
  }

  /** ∂ log factor / ∂ν_j = a_j + 2 b_j ν_j for event i, into {@code out} (length = count). */
  public void gradient(int i, double[] nu, double[] out) {
    int o = i * count;
    for (int j = 0; j < count; j++) {
      out[j] = a[o + j] + 2 * b[o + j] * nu[j];
    }
  }
}
