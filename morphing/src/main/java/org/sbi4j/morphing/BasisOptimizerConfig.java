package org.sbi4j.morphing;

import org.sbi4j.common.Check;

/**
 * Settings of the basis search.
 *
 * @param trials random candidate bases tried (default 500)
 * @param testPoints θ drawn uniformly in the ranges to evaluate the mean Σ_b w_b² (default 1000)
 * @param refinementSteps local moves after the random search (default 2000)
 * @param maxCondition candidate bases with a larger cond(M) are rejected (default 1e10)
 */
public record BasisOptimizerConfig(
    int trials, int testPoints, int refinementSteps, double maxCondition) {
  public BasisOptimizerConfig {
    Check.positive("trials", trials);
    Check.positive("testPoints", testPoints);
    Check.nonNegative("refinementSteps", refinementSteps);
    Check.positive("maxCondition", maxCondition);
  }

  public static BasisOptimizerConfig defaults() {
    return new BasisOptimizerConfig(500, 1000, 2000, Morpher.DEFAULT_MAX_CONDITION);
  }

  public BasisOptimizerConfig withTrials(int newTrials) {
    return new BasisOptimizerConfig(newTrials, testPoints, refinementSteps, maxCondition);
  }
}
