package org.sbi4j.morphing;

import org.sbi4j.common.Check;

/**
 * The result of a basis search.
 *
 * @param basis benchmarks × parameters, the fixed benchmarks first
 * @param meanSquaredWeight mean over the test points of Σ_b w_b(θ)²
 * @param conditionNumber cond(M) of the chosen basis
 */
public record OptimizedBasis(double[][] basis, double meanSquaredWeight, double conditionNumber) {
  public OptimizedBasis {
    basis = Check.copy(basis);
  }

  @Override
  public double[][] basis() {
    return Check.copy(basis);
  }
}
