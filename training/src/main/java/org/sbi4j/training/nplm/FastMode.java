package org.sbi4j.training.nplm;

import java.io.Serializable;

/**
 * The {@code --optimizer lbfgs} schedule. The NPLM loss of a clipped sigmoid network has many local
 * minima (steps that saturate at the box), so one L-BFGS run from the Glorot start often stops
 * below what long Adam runs reach. The schedule:
 *
 * <ol>
 *   <li>a coarse problem: the reference subsampled to at most {@code coarseRows} rows (weights
 *       rescaled so they still sum to N(0)), the data in full;
 *   <li>from each of {@code starts} Glorot starts, a continuation in the box: L-BFGS with the
 *       weights in [−W/9, W/9], then [−W/3, W/3], then [−W, W] (an unbounded W skips to the last),
 *       each from the previous minimiser — small boxes smooth the loss, the basins found there lead
 *       to deeper minima;
 *   <li>from each of {@code adamStarts} further Glorot starts, {@code adamEpochs} clipped Adam
 *       steps at learning rate {@code adamLearningRate} on the coarse problem (Adam follows the
 *       gradient flow into the basins that long Adam runs reach), then L-BFGS in [−W, W];
 *   <li>with {@code polishAll}, every candidate is screened by 100 L-BFGS iterations on the full
 *       problem and the one with the lowest full loss is polished to convergence (the coarse loss
 *       ranks basins poorly: on the 1D benchmark a 10 000-row coarse reference picked a basin with
 *       t = 10.4 where others reach t ≈ 18); otherwise only the candidate with the lowest coarse
 *       loss is polished.
 * </ol>
 *
 * @param lbfgs the L-BFGS settings of every run
 * @param starts number of continuation starts, ≥ 0 (start i from the Glorot draw of the training
 *     seed itself for i = 0, of derive(seed, i) otherwise)
 * @param coarseRows reference rows of the coarse problem, ≥ 1
 * @param adamStarts number of Adam-guided starts, ≥ 0 (starts + adamStarts ≥ 1), drawn like the
 *     continuation starts (so both kinds share their first start points)
 * @param adamEpochs Adam steps of each Adam-guided start, ≥ 1
 * @param adamLearningRate their learning rate, > 0
 * @param polishAll whether every candidate (not only the coarse best) is polished in full
 */
public record FastMode(
    ProjectedLbfgs lbfgs,
    int starts,
    int coarseRows,
    int adamStarts,
    int adamEpochs,
    double adamLearningRate,
    boolean polishAll)
    implements Serializable {
  public FastMode {
    if (lbfgs == null
        || starts < 0
        || adamStarts < 0
        || starts + adamStarts < 1
        || coarseRows < 1
        || adamEpochs < 1
        || !(adamLearningRate > 0)) {
      throw new IllegalArgumentException(
          "fast mode needs L-BFGS settings, starts ≥ 0, "
              + "adamStarts ≥ 0 (at least one start), coarseRows ≥ 1, adamEpochs ≥ 1 and a positive "
              + "learning rate, got "
              + lbfgs
              + ", "
              + starts
              + ", "
              + adamStarts
              + ", "
              + coarseRows
              + ", "
              + adamEpochs
              + ", "
              + adamLearningRate);
    }
  }

  /**
   * Two continuation starts and four Adam-guided starts (3000 steps at η = 0.01) on a 30 000-row
   * coarse reference, every candidate screened in full, {@link ProjectedLbfgs#defaults()}. On six
   * full-size 1D benchmark toys the continuation starts found the deepest minimum on four, the
   * Adam-guided ones on two (t = 19.26 against 15.27 on one), so both kinds run. (With 10 000
   * coarse rows, 5 per expected event there, the coarse minima fit the coarse reference's own
   * fluctuations and lead to shallower full minima: t = 10.4 or 15.0 against 17.8.)
   */
  public static FastMode defaults() {
    return new FastMode(ProjectedLbfgs.defaults(), 2, 30_000, 4, 3000, 0.01, true);
  }

  /** The clip values of the continuation for a final clip W. */
  double[] clipStages(double clip) {
    return Double.isInfinite(clip) ? new double[] {clip} : new double[] {clip / 9, clip / 3, clip};
  }
}
