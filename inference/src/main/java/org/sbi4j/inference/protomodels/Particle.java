package org.sbi4j.inference.protomodels;

import java.util.List;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;

/**
 * A particle the builder may add (docs/math.md §9.2): its mass range, its production cross section
 * σ(m) tabulated on a mass grid (interpolated linearly in ln σ) and its decay channels.
 *
 * @param name unique name
 * @param massMin lowest mass the walker may give it
 * @param massMax highest mass
 * @param tableMasses masses of the cross-section table, increasing, covering [massMin, massMax]
 * @param crossSections σ at those masses (fb, positive)
 * @param channels decay channel names, unique, at least one
 */
public record Particle(
    String name,
    double massMin,
    double massMax,
    double[] tableMasses,
    double[] crossSections,
    List<String> channels) {
  public Particle {
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("particles.name", "every particle needs a name");
    }
    String where = "particle " + name + ": ";
    if (!(massMin > 0) || !(massMax > massMin) || !Double.isFinite(massMax)) {
      throw new InvalidValueException(
          "massRange", where + "needs 0 < massMin < massMax, got " + massMin + ", " + massMax);
    }
    Check.length("crossSection.fb", crossSections, tableMasses.length);
    if (tableMasses.length < 2) {
      throw new InvalidValueException("crossSection", where + "needs at least two table masses");
    }
    for (int i = 0; i < tableMasses.length; i++) {
      if (i > 0 && !(tableMasses[i] > tableMasses[i - 1])) {
        throw new InvalidValueException(
            "crossSection.mass", where + "table masses must increase, got " + tableMasses[i]);
      }
      if (!(crossSections[i] > 0) || !Double.isFinite(crossSections[i])) {
        throw new InvalidValueException(
            "crossSection.fb", where + "cross sections must be positive, got " + crossSections[i]);
      }
    }
    if (tableMasses[0] > massMin || tableMasses[tableMasses.length - 1] < massMax) {
      throw new InvalidValueException(
          "crossSection.mass", where + "the table must cover the mass range");
    }
    if (channels == null
        || channels.isEmpty()
        || channels.stream().distinct().count() < channels.size()) {
      throw new InvalidValueException("channels", where + "needs at least one channel, unique");
    }
    tableMasses = tableMasses.clone();
    crossSections = crossSections.clone();
    channels = List.copyOf(channels);
  }

  @Override
  public double[] tableMasses() {
    return tableMasses.clone();
  }

  @Override
  public double[] crossSections() {
    return crossSections.clone();
  }

  /** σ(m) in fb, log-linear between table masses. */
  public double crossSection(double mass) {
    int k = Grid.segment(tableMasses, mass);
    if (k < 0) {
      throw new InvalidValueException(
          "mass", "particle " + name + ": mass " + mass + " is outside its cross-section table");
    }
    double t = (mass - tableMasses[k]) / (tableMasses[k + 1] - tableMasses[k]);
    return Math.exp((1 - t) * Math.log(crossSections[k]) + t * Math.log(crossSections[k + 1]));
  }
}
