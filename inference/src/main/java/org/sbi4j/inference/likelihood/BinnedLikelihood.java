package org.sbi4j.inference.likelihood;

import org.sbi4j.common.Check;

/**
 * The binned Poisson likelihood log L(θ) = Σ_k log Pois(n_k | ν_k(θ)) (docs/math.md §4, histogram
 * variant), continuous in n_k so Asimov counts need no rounding. A bin whose morphed expectation is
 * not positive (negative event weights can do that far from the benchmarks) is floored at {@value
 * #FLOOR} events, which makes such θ strongly disfavoured instead of undefined.
 */
public final class BinnedLikelihood implements LogLikelihood {
  static final double FLOOR = 1e-9;

  private final HistogramModel model;
  private final double[] counts;

  /**
   * @param model ν_k(θ)
   * @param counts n_k ≥ 0, one per bin
   */
  public BinnedLikelihood(HistogramModel model, double[] counts) {
    Check.length("bin counts", counts, model.binning().size());
    Check.finite("bin counts", counts);
    for (double c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException(
            "bin count "
                + c
                + " is negative; data counts must be "
                + ">= 0 (check for negative event weights at θ_true)");
      }
    }
    this.model = model;
    this.counts = counts.clone();
  }

  @Override
  public int dimension() {
    return model.templates().dimension();
  }

  @Override
  public double[] evaluate(double[][] thetas) {
    double[] out = new double[thetas.length];
    for (int j = 0; j < thetas.length; j++) {
      double[] nu = model.expected(thetas[j]);
      double s = 0;
      for (int k = 0; k < nu.length; k++) {
        s += PoissonTerm.logPoisson(counts[k], Math.max(nu[k], FLOOR));
      }
      out[j] = s;
    }
    return out;
  }
}
