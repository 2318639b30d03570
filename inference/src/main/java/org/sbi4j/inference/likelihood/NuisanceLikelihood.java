package org.sbi4j.inference.likelihood;

import java.util.List;

/**
 * A log-likelihood log L(θ, ν) with nuisance parameters ν (docs/math.md §7.5), up to a constant and
 * <em>without</em> the constraint term Σ log N(ν_j; 0, 1), which the profiling adds.
 */
public interface NuisanceLikelihood {
  /** Number of physics parameters p. */
  int dimension();

  /** Names of the nuisance parameters, in the order of the ν vector. */
  List<String> nuisanceNames();

  /**
   * log L(θ, ν).
   *
   * @param theta θ, p values
   * @param nu ν, one value per nuisance parameter
   * @param gradient null, or an array of length m that receives ∂ log L / ∂ν_j
   * @return log L(θ, ν); −∞ where (θ, ν) is impossible
   */
  double evaluate(double[] theta, double[] nu, double[] gradient);
}
