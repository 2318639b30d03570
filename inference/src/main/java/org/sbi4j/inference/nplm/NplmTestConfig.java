package org.sbi4j.inference.nplm;

import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * How an NPLM test runs.
 *
 * @param training how each f (observed and toys) is trained
 * @param toys number K ≥ 2 of null toys (or permutations, for the symmetrized test)
 * @param seed root seed: the observed fit, every toy's data and every toy's training derive from it
 */
public record NplmTestConfig(NplmTrainingConfig training, int toys, long seed) {
  public NplmTestConfig {
    if (training == null) {
      throw new IllegalArgumentException("training config is missing");
    }
    if (toys < 2) {
      throw new IllegalArgumentException("toys = " + toys
          + " is too few for a null distribution; use --toys 100 or more (≥ 2)");
    }
  }
}
