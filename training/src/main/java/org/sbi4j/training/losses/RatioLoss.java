package org.sbi4j.training.losses;

import org.sbi4j.training.model.Scaling;
import java.util.EnumSet;
import java.util.Set;
import org.sbi4j.samples.Column;

/**
 * The per-row losses of the parameterized ratio methods (docs/math.md §3), averaged over the batch.
 * With ŝ = 1/(1 + r̂) the classifier output, s = 1/(1 + r(x,z)), y = 0 for rows drawn at θ0 and
 * y = 1 for rows drawn at θ1, and log r̂, log r clipped to ±{@code logRatioClip} wherever they are
 * exponentiated:
 *
 * <pre>
 *   CARL    −[y log ŝ + (1−y) log(1−ŝ)]
 *   ROLR    y (r̂ − r)² + (1−y) (1/r̂ − 1/r)²
 *   ALICE   −[s log ŝ + (1−s) log(1−ŝ)]
 *   CASCAL  CARL  + α (1−y) |t̂ − t(x,z|θ0)|²
 *   RASCAL  ROLR  + α (1−y) |t̂ − t(x,z|θ0)|²
 *   ALICES  ALICE + α (1−y) |t̂ − t(x,z|θ0)|²
 * </pre>
 *
 * The r term belongs to rows drawn at θ1 and the 1/r term to rows drawn at θ0, since
 * E[r(x,z)|x,θ1] = r(x) and E[1/r(x,z)|x,θ0] = 1/r(x). The score term is evaluated in standardised
 * θ units (t̂ and t multiplied by the θ scale of {@link Scaling}), the units the network sees.
 */
public enum RatioLoss {
  CARL(false, false),
  ROLR(true, false),
  ALICE(true, false),
  CASCAL(false, true),
  RASCAL(true, true),
  ALICES(true, true);

  private final boolean usesJointRatio;
  private final boolean usesScore;

  RatioLoss(boolean usesJointRatio, boolean usesScore) {
    this.usesJointRatio = usesJointRatio;
    this.usesScore = usesScore;
  }

  /** True when the loss reads the joint log ratio log r(x,z|θ0,θ1). */
  public boolean usesJointRatio() {
    return usesJointRatio;
  }

  /** True when the loss has the score term α (1−y) |t̂ − t(x,z|θ0)|². */
  public boolean usesScore() {
    return usesScore;
  }

  /**
   * α when the config does not set one: 0 without a score term, 1 for ALICES and CASCAL
   * (MadMiner's default), 10 for RASCAL. RASCAL's ratio terms are far noisier than the
   * cross-entropy: where dσ(z|θ0) has a zero (interference), 1/r(x,z) on rows drawn at θ0 has
   * infinite variance (cut only by the log r clip), so the well-behaved score term needs the larger
   * weight. Measured E[(log r̂ − log r)²] of RASCAL (bench/results/training.md): interference-1d
   * at CI size (20k rows, 2 × 64, 20 epochs) 0.117, 0.044, 0.028, 0.039 for α = 1, 10, 50, 200;
   * the Gaussian toy of TrainerTest 0.016, 0.014, 0.031 for α = 1, 10, 50. α = 10 improves both.
   */
  public double defaultAlpha() {
    if (!usesScore) {
      return 0.0;
    }
    return this == RASCAL ? 10.0 : 1.0;
  }

  /** Columns besides x and θ0 this loss reads. */
  public Set<Column> requiredColumns() {
    Set<Column> c = EnumSet.of(Column.THETA0, Column.Y);
    if (usesJointRatio) {
      c.add(Column.LOG_R_XZ);
    }
    if (usesScore) {
      c.add(Column.T_XZ0);
    }
    return c;
  }
}
