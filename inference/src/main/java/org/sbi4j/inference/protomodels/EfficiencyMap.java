package org.sbi4j.inference.protomodels;

import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;

/**
 * The efficiency × acceptance of one analysis's regions for one particle decaying through one
 * channel, on a mass grid, linear in mass between grid points and 0 outside the grid (docs/math.md
 * §9.2).
 *
 * @param particle the particle's name
 * @param channel the decay channel's name
 * @param masses increasing grid masses
 * @param efficiencies [mass][region], each in [0, 1]
 */
public record EfficiencyMap(
    String particle, String channel, double[] masses, double[][] efficiencies) {
  public EfficiencyMap {
    if (masses.length < 2) {
      throw new InvalidValueException("efficiencies.mass", "a map needs at least two masses");
    }
    Check.rectangular("efficiencies.efficiency", efficiencies, efficiencies[0].length);
    if (efficiencies.length != masses.length) {
      throw new InvalidValueException(
          "efficiencies.efficiency", "needs one row per mass, got " + efficiencies.length);
    }
    for (int i = 0; i < masses.length; i++) {
      if (i > 0 && !(masses[i] > masses[i - 1])) {
        throw new InvalidValueException("efficiencies.mass", "masses must increase");
      }
      for (double e : efficiencies[i]) {
        if (!(e >= 0 && e <= 1)) {
          throw new InvalidValueException(
              "efficiencies.efficiency", "efficiencies must lie in [0, 1], got " + e);
        }
      }
    }
    masses = masses.clone();
    efficiencies = Check.copy(efficiencies);
  }

  @Override
  public double[] masses() {
    return masses.clone();
  }

  @Override
  public double[][] efficiencies() {
    return Check.copy(efficiencies);
  }

  /** Number of regions. */
  public int regions() {
    return efficiencies[0].length;
  }

  /** Adds {@code weight} × ε(m) to {@code out}, region by region. */
  void accumulate(double mass, double weight, double[] out) {
    int k = Grid.segment(masses, mass);
    if (k < 0) {
      return;
    }
    double t = (mass - masses[k]) / (masses[k + 1] - masses[k]);
    for (int r = 0; r < out.length; r++) {
      out[r] += weight * ((1 - t) * efficiencies[k][r] + t * efficiencies[k + 1][r]);
    }
  }
}
