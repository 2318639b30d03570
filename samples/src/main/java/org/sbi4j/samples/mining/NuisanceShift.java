package org.sbi4j.samples.mining;

import java.io.Serializable;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;

/**
 * The nuisance values ν_k of M parameter points and how undefined nuisance coefficients are handled
 * (docs/math.md §7.4): at point k every event's weight is multiplied by exp(Σ_j a_j ν_kj + b_j
 * ν_kj²). Unweighting and mining at (θ, ν) use it.
 *
 * @param nus M × m nuisance values, one row per parameter point
 * @param policy what to do with undefined nuisance coefficients
 */
public record NuisanceShift(double[][] nus, NuisanceMorphing.Policy policy)
    implements Serializable {
  public NuisanceShift {
    if (nus.length == 0 || policy == null) {
      throw new IllegalArgumentException("a nuisance shift needs ν rows and a policy");
    }
    double[][] copy = new double[nus.length][];
    for (int k = 0; k < nus.length; k++) {
      if (nus[k].length != nus[0].length) {
        throw new IllegalArgumentException(
            "ν row " + k + " has " + nus[k].length + " values, row 0 has " + nus[0].length);
      }
      for (double v : nus[k]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("ν row " + k + " has a non-finite value " + v);
        }
      }
      copy[k] = nus[k].clone();
    }
    nus = copy;
  }

  /** Number of points M. */
  public int points() {
    return nus.length;
  }

  /** The factor exp(L_i(ν_k)) of event i of {@code nm} at point k. */
  public double factor(NuisanceMorphing nm, int i, int k) {
    return Math.exp(nm.logFactor(i, nus[k]));
  }

  /** The nuisance morphing of {@code part}, checked against the width of ν. */
  public NuisanceMorphing morphing(EventSample part) {
    if (part.nuisances().isEmpty()) {
      throw new IllegalArgumentException(
          "ν is given but the events declare no nuisance parameters; use an event file with"
              + " nuisance benchmarks or leave ν out");
    }
    if (part.nuisances().size() != nus[0].length) {
      throw new IllegalArgumentException(
          "ν has "
              + nus[0].length
              + " values but the events have the nuisance parameters "
              + part.nuisances().names()
              + "; give one value per nuisance parameter");
    }
    return part.nuisanceMorphing(policy);
  }
}
