package org.sbi4j.training.nplm;

import java.io.Serializable;

/**
 * The {@code --optimizer lbfgs} schedule. The NPLM loss of a clipped sigmoid network has many
 * local minima (steps that saturate at the box), so one L-BFGS run from the Glorot start often
 * stops below what long Adam runs reach. The schedule:
 * <ol>
 *   <li>a coarse problem: the reference subsampled to at most {@code coarseRows} rows (weights
 *       rescaled so they still sum to N(0)), the data in full;
 *   <li>from each of {@code starts} Glorot starts, a continuation in the box: L-BFGS with the
 *       weights in [−W/9, W/9], then [−W/3, W/3], then [−W, W] (an unbounded W skips to the last),
 *       each from the previous minimiser — small boxes smooth the loss, the basins found there
 *       lead to deeper minima;
 *   <li>from each of {@code adamStarts} further Glorot starts, {@code adamEpochs} clipped Adam
 *       steps at learning rate {@code adamLearningRate} on the coarse problem (Adam follows the
 *       gradient flow into the basins that long Adam runs reach), then L-BFGS in [−W, W];
 *   <li>with {@code polishAll}, every candidate is polished by L-BFGS on the full problem and
 *       the lowest full loss wins (the coarse loss ranks basins poorly: on the 1D benchmark a
 *       10 000-row coarse reference picked a basin with t = 10.4 where others reach t ≈ 18);
 *       otherwise only the candidate with the lowest coarse loss is polished.
 * </ol>
 *
 * @param lbfgs the L-BFGS settings of every run
 * @param starts number of continuation starts, ≥ 0 (start 0 uses the training seed itself)
 * @param coarseRows reference rows of the coarse problem, ≥ 1
 * @param adamStarts number of Adam-guided starts, ≥ 0 (starts + adamStarts ≥ 1)
 * @param adamEpochs Adam steps of each Adam-guided start, ≥ 1
 * @param adamLearningRate their learning rate, > 0
 * @param polishAll whether every candidate (not only the coarse best) is polished in full
 */
public record FastMode(ProjectedLbfgs lbfgs, int starts, int coarseRows, int adamStarts,
    int adamEpochs, double adamLearningRate, boolean polishAll) implements Serializable {
  public FastMode {
    if (lbfgs == null || starts < 0 || adamStarts < 0 || starts + adamStarts < 1
        || coarseRows < 1 || adamEpochs < 1 || !(adamLearningRate > 0)) {
      throw new IllegalArgumentException("fast mode needs L-BFGS settings, starts ≥ 0, "
          + "adamStarts ≥ 0 (at least one start), coarseRows ≥ 1, adamEpochs ≥ 1 and a positive "
          + "learning rate, got " + lbfgs + ", " + starts + ", " + adamStarts + ", " + coarseRows
          + ", " + adamEpochs + ", " + adamLearningRate);
    }
  }

  /**
   * Two continuation starts and one Adam-guided start (3000 steps at η = 0.01) on a 30 000-row
   * coarse reference, every candidate polished in full, {@link ProjectedLbfgs#defaults()}. (With
   * 10 000 rows, 5 per expected event on the 1D benchmark, the coarse minima fit the coarse
   * reference's own fluctuations and lead to shallower full minima: t = 15.0 against 17.8.)
   */
  public static FastMode defaults() {
    return new FastMode(ProjectedLbfgs.defaults(), 2, 30_000, 1, 3000, 0.01, true);
  }

  /** The clip values of the continuation for a final clip W. */
  double[] clipStages(double clip) {
    return Double.isInfinite(clip) ? new double[] {clip}
        : new double[] {clip / 9, clip / 3, clip};
  }
}
