package org.sbi4j.training.nplm;

/**
 * The outcome of an NPLM fit with nuisances (docs/math.md §5.11): τ = −2 min over (f, ν) of the
 * extended loss with constraints, Δ = the same with f ≡ 0, and t = τ − Δ.
 *
 * @param tauFit the τ fit (its model is the learned f, its loss the τ loss)
 * @param delta Δ
 * @param nuTau ν̂ of the τ fit, in {@link NuisanceModel} order
 * @param nuDelta ν̂ of the Δ fit
 */
public record NuisanceFit(NplmFit tauFit, double delta, double[] nuTau, double[] nuDelta) {
  public NuisanceFit {
    nuTau = nuTau.clone();
    nuDelta = nuDelta.clone();
  }

  /** τ. */
  public double tau() {
    return tauFit.t();
  }

  /** The test statistic t = τ − Δ. */
  public double t() {
    return tau() - delta;
  }

  @Override
  public double[] nuTau() {
    return nuTau.clone();
  }

  @Override
  public double[] nuDelta() {
    return nuDelta.clone();
  }
}
