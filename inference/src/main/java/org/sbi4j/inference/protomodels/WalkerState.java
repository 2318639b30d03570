package org.sbi4j.inference.protomodels;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where one walker stands: the steps it has done, its current and best models with their verdicts,
 * its K after each step and how many steps it accepted. A walker continues from its state to the
 * same end as an uninterrupted run (docs/math.md §9.5).
 *
 * @param walker the walker's index
 * @param steps number of steps done
 * @param current the current model
 * @param currentEvaluation its verdict
 * @param best the best model met so far (the start included)
 * @param bestEvaluation its verdict
 * @param trajectory K of the current model after each step (length {@code steps})
 * @param accepted number of accepted steps
 */
public record WalkerState(
    int walker,
    int steps,
    ProtoModel current,
    Combiner.Evaluation currentEvaluation,
    ProtoModel best,
    Combiner.Evaluation bestEvaluation,
    double[] trajectory,
    int accepted)
    implements Serializable {
  public WalkerState {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(best, "best");
    if (trajectory.length != steps) {
      throw new IllegalArgumentException(
          "trajectory has " + trajectory.length + " values for " + steps + " steps");
    }
    trajectory = trajectory.clone();
  }

  @Override
  public double[] trajectory() {
    return trajectory.clone();
  }
}
