package org.sbi4j.inference.protomodels;

import java.util.List;
import java.util.Objects;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;

/**
 * One analysis of the database (docs/formats.md): its likelihood and how a proto-model's particles
 * feed its regions.
 *
 * @param name unique name
 * @param luminosity integrated luminosity (fb⁻¹): signal events = luminosity × σ κ BR ε
 * @param likelihood its likelihood in signal events per region
 * @param efficiencies the efficiency maps, each with one column per region
 * @param templates the EFT morphing templates, each with one column per region; only on counting
 *     likelihoods, which accept the negative signals of destructive interference
 */
public record Analysis(
    String name,
    double luminosity,
    AnalysisLikelihood likelihood,
    List<EfficiencyMap> efficiencies,
    List<EftTemplate> templates) {
  /** An analysis without EFT templates. */
  public Analysis(
      String name,
      double luminosity,
      AnalysisLikelihood likelihood,
      List<EfficiencyMap> efficiencies) {
    this(name, luminosity, likelihood, efficiencies, List.of());
  }

  public Analysis {
    if (name == null || name.isBlank()) {
      throw new InvalidValueException("analyses.name", "every analysis needs a name");
    }
    Check.positive("luminosity", luminosity);
    Objects.requireNonNull(likelihood, "likelihood");
    efficiencies = List.copyOf(efficiencies);
    for (EfficiencyMap m : efficiencies) {
      if (m.regions() != likelihood.regions()) {
        throw new InvalidValueException(
            "efficiencies",
            "analysis "
                + name
                + ": a map for "
                + m.particle()
                + "/"
                + m.channel()
                + " has "
                + m.regions()
                + " regions, the likelihood "
                + likelihood.regions());
      }
    }
    templates = List.copyOf(templates);
    for (EftTemplate t : templates) {
      if (!(likelihood instanceof CountingLikelihood)) {
        throw new InvalidValueException(
            "templates",
            "analysis "
                + name
                + ": EFT templates need a counting likelihood (their signal may be negative)");
      }
      if (t.regions() != likelihood.regions()) {
        throw new InvalidValueException(
            "templates",
            "analysis "
                + name
                + ": a template over "
                + t.operators()
                + " has "
                + t.regions()
                + " regions, the likelihood "
                + likelihood.regions());
      }
    }
  }

  /** This analysis with another likelihood (a fake observation). */
  public Analysis withLikelihood(AnalysisLikelihood other) {
    return new Analysis(name, luminosity, other, efficiencies, templates);
  }
}
