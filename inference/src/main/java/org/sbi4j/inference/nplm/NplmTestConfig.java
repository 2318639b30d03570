package org.sbi4j.inference.nplm;

import java.nio.file.Path;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * How an NPLM test runs.
 *
 * @param training how each f (observed and toys) is trained
 * @param toys number K ≥ 2 of null toys (or permutations, for the symmetrized test)
 * @param seed root seed: the observed fit, every toy's data and every toy's training derive from it
 * @param toysDir folder where each toy's t is written as it finishes and from which an interrupted
 *     run resumes, or null to keep toys in memory only
 */
public record NplmTestConfig(NplmTrainingConfig training, int toys, long seed, Path toysDir) {
  /** Toys in memory only. */
  public NplmTestConfig(NplmTrainingConfig training, int toys, long seed) {
    this(training, toys, seed, null);
  }

  public NplmTestConfig {
    if (training == null) {
      throw new IllegalArgumentException("training config is missing");
    }
    if (toys < 2) {
      throw new InvalidValueException(
          "toys",
          "toys = " + toys + " is too few for a null distribution; use 100 toys or more (≥ 2)");
    }
  }
}
