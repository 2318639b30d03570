package org.sbi4j.inference.protomodels;

import java.io.Serializable;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;

/**
 * How the builder runs (docs/cli.md, {@code protomodels build}).
 *
 * @param walkers number of walkers, ≥ 1
 * @param steps steps per walker, ≥ 1
 * @param seed root seed
 * @param settings the prior's penalty and the critic's r_max
 * @param checkpointEvery steps between checkpoints of a walker, ≥ 1
 */
public record BuildConfig(
    int walkers, int steps, long seed, Combiner.Settings settings, int checkpointEvery)
    implements Serializable {
  /** Largest number of walkers × steps (each step keeps one K in the trajectories). */
  public static final long MAX_WALKER_STEPS = 200_000_000L;

  public BuildConfig {
    Check.positive("walkers", walkers);
    Check.positive("steps", steps);
    Check.positive("checkpointEvery", checkpointEvery);
    java.util.Objects.requireNonNull(settings, "settings");
    if ((long) walkers * steps > MAX_WALKER_STEPS) {
      throw new InvalidValueException(
          "steps",
          "walkers × steps must stay below "
              + MAX_WALKER_STEPS
              + ", got "
              + (long) walkers * steps);
    }
  }

  /** The same run from another root seed. */
  public BuildConfig withSeed(long other) {
    return new BuildConfig(walkers, steps, other, settings, checkpointEvery);
  }
}
