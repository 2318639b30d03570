package org.sbi4j.training.losses;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.sbi4j.samples.Column;
import org.sbi4j.training.model.Scaling;

/**
 * The per-row losses of the parameterized ratio methods (docs/math.md §3), averaged over the batch.
 * With ŝ = 1/(1 + r̂) the classifier output, s = 1/(1 + r(x,z)), y = 0 for rows drawn at θ0 and y =
 * 1 for rows drawn at θ1, and log r̂, log r clipped to ±{@code logRatioClip} wherever they are
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
 * The r term belongs to rows drawn at θ1 and the 1/r term to rows drawn at θ0, since E[r(x,z)|x,θ1]
 * = r(x) and E[1/r(x,z)|x,θ0] = 1/r(x). The score term is evaluated in standardised θ units (t̂ and
 * t multiplied by the θ scale of {@link Scaling}), the units the network sees.
 *
 * <p>Each loss is a list of {@link LossTerm}s (weight α for the score term, 1 for the others); both
 * engines build the loss from the terms: the graph from {@link #rowLoss}, the fused engine from
 * {@link BatchLoss}. A new method made of these terms is one constant here.
 */
public enum RatioLoss {
  CARL(LossTerm.LABEL_CROSS_ENTROPY),
  ROLR(LossTerm.RATIO_REGRESSION),
  ALICE(LossTerm.JOINT_CROSS_ENTROPY),
  CASCAL(LossTerm.LABEL_CROSS_ENTROPY, LossTerm.SCORE),
  RASCAL(LossTerm.RATIO_REGRESSION, LossTerm.SCORE),
  ALICES(LossTerm.JOINT_CROSS_ENTROPY, LossTerm.SCORE);

  private final List<LossTerm> terms;
  private final List<JointLabel> jointLabels;

  RatioLoss(LossTerm... terms) {
    this.terms = List.of(terms);
    Set<JointLabel> labels = EnumSet.noneOf(JointLabel.class);
    for (LossTerm t : terms) {
      labels.addAll(t.jointLabels());
    }
    this.jointLabels = List.copyOf(labels);
  }

  /** The terms whose weighted sum is the per-row loss, in the order they are added. */
  public List<LossTerm> terms() {
    return terms;
  }

  /** The weight of {@code term}: α for the score term, 1 for the others. */
  public double weight(LossTerm term, double alpha) {
    return term.ofScore() ? alpha : 1.0;
  }

  /** The labels the terms derive from the joint log ratio, in {@link JointLabel} order. */
  public List<JointLabel> jointLabels() {
    return jointLabels;
  }

  /** True when the loss reads the joint log ratio log r(x,z|θ0,θ1). */
  public boolean usesJointRatio() {
    return !jointLabels.isEmpty();
  }

  /** True when the loss has the score term α (1−y) |t̂ − t(x,z|θ0)|². */
  public boolean usesScore() {
    return terms.contains(LossTerm.SCORE);
  }

  /**
   * The per-row loss as a SameDiff expression (B × 1): Σ_j w_j term_j, each term's {@link
   * LossTerm#expression} multiplied by its weight unless that is 1.
   */
  public SDVariable rowLoss(LossTerm.GraphInputs in, double alpha) {
    SDVariable row = null;
    for (LossTerm term : terms) {
      SDVariable e = term.expression(in);
      double w = weight(term, alpha);
      if (w != 1.0) {
        e = e.mul(w);
      }
      row = row == null ? e : row.add(e);
    }
    return row;
  }

  /**
   * α when the config does not set one: 0 without a score term, 1 for ALICES and CASCAL (MadMiner's
   * default), 10 for RASCAL. RASCAL's ratio terms are far noisier than the cross-entropy: where
   * dσ(z|θ0) has a zero (interference), 1/r(x,z) on rows drawn at θ0 has infinite variance (cut
   * only by the log r clip), so the well-behaved score term needs the larger weight. Measured
   * E[(log r̂ − log r)²] of RASCAL (bench/results/training.md): interference-1d at CI size (20k
   * rows, 2 × 64, 20 epochs) 0.117, 0.044, 0.028, 0.039 for α = 1, 10, 50, 200; the Gaussian toy of
   * TrainerTest 0.016, 0.014, 0.031 for α = 1, 10, 50. α = 10 improves both.
   */
  public double defaultAlpha() {
    if (!usesScore()) {
      return 0.0;
    }
    return this == RASCAL ? 10.0 : 1.0;
  }

  /**
   * The largest L2 norm of each weight array's gradient when the config does not set one: 10 for
   * the losses with the ratio-regression term (ROLR, RASCAL), none (null) for the others. The 1/r
   * target of rows drawn at θ0 has infinite variance where dσ(z|θ0) has a zero (only the log r clip
   * bounds it): on interference-1d one row in 100 000 holds 69 % of the ROLR loss at the exact r.
   * Unclipped, the batches holding such rows take steps far beyond the others' and pull r̂ towards
   * their labels; which rows land in the training partition then decides the accuracy. Measured
   * E[(log r̂ − log r)²] of ROLR on bench/vs-madminer.sh's data (100k rows, 3 × 100, 20 epochs;
   * bench/results/vs-madminer.md, docs/math.md §3.5) over training seeds 5–9: unclipped mean 0.118
   * (0.050–0.151), clip 10 mean 0.042 (0.024–0.093), MadMiner mean 0.055; clips 1, 100 and 0.1 were
   * worse than 10 on seeds 5–6. The cross-entropy terms are bounded in l and need no default clip.
   */
  public Double defaultGradientClip() {
    return terms.contains(LossTerm.RATIO_REGRESSION) ? 10.0 : null;
  }

  /** Columns besides x and θ0 this loss reads. */
  public Set<Column> requiredColumns() {
    Set<Column> c = EnumSet.of(Column.THETA0, Column.Y);
    if (usesJointRatio()) {
      c.add(Column.LOG_R_XZ);
    }
    if (usesScore()) {
      c.add(Column.T_XZ0);
    }
    return c;
  }
}
