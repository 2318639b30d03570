package org.sbi4j.inference.coverage;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.Fitter;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.TestStatistic;

/**
 * Toys of a HistFactory workspace (docs/math.md §8.3): main counts and auxiliary data drawn from
 * the model at μ_true with the nuisance parameters at their conditional maximum-likelihood values
 * for the observed data at μ_true (pyhf's and ROOT's convention), or at their nominal starting
 * values when asked; each toy's statistic is the two-sided t_μ at μ_true from its own fits, to be
 * compared with χ²_1.
 */
public final class WorkspaceToys implements ToyStatistic {
  private final Fitter fitter;
  private final double muTrue;
  private final double[] generating;

  /**
   * @param model the workspace's model
   * @param muTrue μ_true, inside the POI bounds
   * @param nominal true: nuisances at their starting values; false: at the conditional fit to the
   *     observed data at μ_true
   */
  public WorkspaceToys(HistFactoryModel model, double muTrue, boolean nominal) {
    this.fitter = new Fitter(model);
    double[] bounds = fitter.poiBounds();
    if (!Double.isFinite(muTrue) || muTrue < bounds[0] || muTrue > bounds[1]) {
      throw new InvalidValueException(
          "poi value",
          String.format(
              Locale.ROOT,
              "μ_true = %s of '%s' must lie inside the POI bounds [%s, %s]",
              muTrue,
              model.poi(),
              bounds[0],
              bounds[1]));
    }
    this.muTrue = muTrue;
    if (nominal) {
      generating = model.inits();
      generating[model.poiIndex()] = muTrue;
    } else {
      generating = fitter.fixedPoiFit(model.observedData(), muTrue).parameters();
    }
  }

  /** The parameters the toys are drawn at. */
  public double[] generatingParameters() {
    return generating.clone();
  }

  @Override
  public double q(UniformRandomProvider rng) {
    HistFactoryModel.Data toy = fitter.model().sample(generating, rng);
    return TestStatistic.TMU.evaluate(fitter, toy, muTrue).value();
  }
}
