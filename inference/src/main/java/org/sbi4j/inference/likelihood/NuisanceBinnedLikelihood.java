package org.sbi4j.inference.likelihood;

import java.util.List;
import org.sbi4j.common.Check;

/**
 * The binned Poisson likelihood with nuisance parameters, HistFactory-like but with per-event
 * nuisance morphing (docs/math.md §7.3):
 *
 * <pre>ν_k(θ, ν) = L Σ_{e ∈ bin k} dσ_e(θ) exp(Σ_j a_ej ν_j + b_ej ν_j²),
 * log L(θ, ν) = Σ_k log Pois(n_k | ν_k(θ, ν)).</pre>
 *
 * The bins and the counts are those of a {@link HistogramModel}; a bin whose expectation is not
 * positive is floored as in {@link BinnedLikelihood} (and contributes no gradient there).
 */
public final class NuisanceBinnedLikelihood implements NuisanceLikelihood {
  private final NuisanceEvents bins;
  private final double[] counts;
  private final double luminosity;
  private final List<String> nuisances;
  private final int p;

  /**
   * @param model the nuisance-free histogram model (its bins, summary and templates)
   * @param summary the summary the model bins
   * @param rate the template events (the model's) with their nuisance morphing
   * @param counts n_k, one per bin
   * @param nuisanceNames names of the nuisance parameters
   */
  public NuisanceBinnedLikelihood(
      HistogramModel model,
      Summary summary,
      NuisanceEvents rate,
      double[] counts,
      List<String> nuisanceNames) {
    Check.length("bin counts", counts, model.binning().size());
    new BinnedLikelihood(model, counts); // the same checks on the counts
    if (rate.events().sample() != model.templates().sample()) {
      throw new IllegalArgumentException(
          "the nuisance morphing belongs to other events than the histogram templates");
    }
    double[] values = summary.values(rate.events().sample());
    int d = summary.dimension();
    int[] group = new int[rate.events().sample().size()];
    for (int e = 0; e < group.length; e++) {
      group[e] = model.binning().index(values, e * d);
    }
    this.bins = new NuisanceEvents(rate.events(), rate.morphing(), group, model.binning().size());
    this.counts = counts.clone();
    this.luminosity = model.luminosity();
    this.nuisances = List.copyOf(nuisanceNames);
    this.p = model.templates().dimension();
  }

  @Override
  public int dimension() {
    return p;
  }

  @Override
  public List<String> nuisanceNames() {
    return nuisances;
  }

  @Override
  public double evaluate(double[] theta, double[] nu, double[] gradient) {
    double[][] g = gradient == null ? null : new double[counts.length][nu.length];
    double[] e = bins.expected(theta, nu, g);
    double s = 0;
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
    }
    for (int k = 0; k < e.length; k++) {
      double mu = luminosity * e[k];
      boolean floored = !(mu > BinnedLikelihood.FLOOR);
      s += PoissonTerm.logPoisson(counts[k], floored ? BinnedLikelihood.FLOOR : mu);
      if (gradient != null && !floored) {
        double f = (counts[k] / mu - 1) * luminosity;
        for (int j = 0; j < nu.length; j++) {
          gradient[j] += f * g[k][j];
        }
      }
    }
    return s;
  }
}
