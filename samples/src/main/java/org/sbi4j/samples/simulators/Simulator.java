package org.sbi4j.samples.simulators;

import java.util.List;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSample;

/**
 * A process with a tractable likelihood. The parton-level differential cross section is a
 * polynomial in θ, dσ(z|θ) = Σ_c m_c(θ) α_c(z), over the components of {@link #setup()}; the
 * detector maps z to x with a known smearing density, so p(x|θ) is exact.
 */
public interface Simulator {
  /** The name {@code sbi4j simulate --process} uses. */
  String name();

  /** Parameters, benchmarks (the morphing basis the weights are given at) and components. */
  MorphingSetup setup();

  /** Names of the d observables x. */
  List<String> observables();

  /** Names of the latent (parton-level) variables z. */
  List<String> latents();

  /**
   * Simulates {@code n} events and their latent histories.
   *
   * <p>Events are drawn from the generating benchmark {@link #generatingBenchmark()} and weighted
   * at every benchmark b by w_e(θ_b) = σ(θ_gen) dσ(z_e|θ_b) / (n dσ(z_e|θ_gen)), so that Σ_e
   * w_e(θ_b) is an unbiased estimate of σ(θ_b) and the weights morph exactly. The events are
   * shuffled with a seed derived from {@code seed}. Same seed, same events.
   */
  Simulation simulate(int n, long seed);

  /** Index of the benchmark events are generated at. */
  int generatingBenchmark();

  /** The simulated events only ({@link #simulate(int, long)}). */
  default EventSample events(int n, long seed) {
    return simulate(n, seed).events();
  }

  /** dσ(z|θ), the parton-level differential cross section (unnormalised). */
  double partonDensity(double[] z, double[] theta);

  /** σ(θ) = ∫ dσ(z|θ) dz, exact. */
  double crossSection(double[] theta);

  /** log p(x|θ), the exact normalised detector-level log density. */
  double logLikelihood(double[] x, double[] theta);

  /** t(x|θ) = ∇θ log p(x|θ), exact, one entry per parameter. */
  double[] score(double[] x, double[] theta);

  /** log r(x|θ0,θ1) = log p(x|θ0) − log p(x|θ1). */
  default double logRatio(double[] x, double[] theta0, double[] theta1) {
    return logLikelihood(x, theta0) - logLikelihood(x, theta1);
  }

  /**
   * The nuisance parameters ν of the process (docs/math.md §7), {@link Nuisances#NONE} when it has
   * none. Their nuisance benchmarks hold each event's weight at the reference benchmark with one ν
   * moved to ±1; {@link #simulate(int, long)} writes them.
   */
  default Nuisances nuisances() {
    return Nuisances.NONE;
  }

  /** dσ(z|θ,ν); ν has one value per nuisance parameter. */
  default double partonDensity(double[] z, double[] theta, double[] nu) {
    requireNoNuisances(nu);
    return partonDensity(z, theta);
  }

  /** σ(θ,ν) = ∫ dσ(z|θ,ν) dz, exact. */
  default double crossSection(double[] theta, double[] nu) {
    requireNoNuisances(nu);
    return crossSection(theta);
  }

  /** log p(x|θ,ν), the exact normalised detector-level log density. */
  default double logLikelihood(double[] x, double[] theta, double[] nu) {
    requireNoNuisances(nu);
    return logLikelihood(x, theta);
  }

  /** ∇ log p(x|θ,ν) over θ ⊕ ν, exact: p entries for θ, then one per nuisance parameter. */
  default double[] score(double[] x, double[] theta, double[] nu) {
    requireNoNuisances(nu);
    return score(x, theta);
  }

  private void requireNoNuisances(double[] nu) {
    if (nu.length != nuisances().size()) {
      throw new IllegalArgumentException(
          String.format(
              java.util.Locale.ROOT,
              "ν has %d values but %s has the nuisance parameters %s",
              nu.length,
              name(),
              nuisances().names()));
    }
  }
}
