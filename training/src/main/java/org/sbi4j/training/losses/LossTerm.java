package org.sbi4j.training.losses;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One term of a per-row ratio loss (docs/math.md §3), defined once: its per-row value and
 * derivatives (read by the fused engine through {@link BatchLoss}) and, next to them, its SameDiff
 * expression (read by the training graph through {@link RatioLoss#rowLoss}). With l = log r̂
 * clipped to ±clip, ŝ = 1/(1 + e^l), y the label, s, r, 1/r the {@link JointLabel}s and w the
 * term's weight:
 *
 * <pre>
 *   LABEL_CROSS_ENTROPY  w · −[y log ŝ + (1−y) log(1−ŝ)] = w [softplus(l) − (1−y) l]
 *   JOINT_CROSS_ENTROPY  w · −[s log ŝ + (1−s) log(1−ŝ)] = w [softplus(l) − (1−s) l]
 *   RATIO_REGRESSION     w [y (e^l − r)² + (1−y) (e^−l − 1/r)²]
 *   SCORE                w (1−y) Σ_k (t̂_k − t_k)²
 * </pre>
 *
 * The first three are terms of l (their ∂/∂t̂ is 0), the last a term of t̂ (its ∂/∂l is 0). A
 * change to a term's formula changes {@link #value}, {@link #dLogRatio}/{@link #dScore}, the batch
 * loop and {@link #expression} below, all in this file; LossTermTest holds them to each other.
 */
public enum LossTerm {
  LABEL_CROSS_ENTROPY(List.of()),
  JOINT_CROSS_ENTROPY(List.of(JointLabel.S)),
  RATIO_REGRESSION(List.of(JointLabel.R, JointLabel.R_INV)),
  SCORE(List.of());

  private final List<JointLabel> jointLabels;

  LossTerm(List<JointLabel> jointLabels) {
    this.jointLabels = jointLabels;
  }

  /** The labels this term derives from the joint log ratio (empty when it does not read it). */
  public List<JointLabel> jointLabels() {
    return jointLabels;
  }

  /** True for the term of t̂; false for the terms of the clipped log r̂. */
  public boolean ofScore() {
    return this == SCORE;
  }

  // ---- One row: the definitions. ----

  /**
   * The term's value in one row.
   *
   * @param w the term's weight
   * @param l log r̂, clipped
   * @param tHat t̂ (p values; read by SCORE only)
   * @param t the score target t(x,z|θ0) (p values; read by SCORE only)
   * @param joint the row's {@link JointLabel} values, indexed by ordinal (read when listed in
   *     {@link #jointLabels()})
   */
  public double value(double w, double l, double[] tHat, double[] t, double y, double[] joint) {
    return switch (this) {
      case LABEL_CROSS_ENTROPY -> w * crossEntropy(l, y);
      case JOINT_CROSS_ENTROPY -> w * crossEntropy(l, joint[JointLabel.S.ordinal()]);
      case RATIO_REGRESSION ->
          w
              * ratioRegression(
                  Math.exp(l),
                  Math.exp(-l),
                  y,
                  joint[JointLabel.R.ordinal()],
                  joint[JointLabel.R_INV.ordinal()]);
      case SCORE -> {
        double v = 0;
        for (int k = 0; k < tHat.length; k++) {
          v += score(w, y, tHat[k] - t[k]);
        }
        yield v;
      }
    };
  }

  /** ∂{@link #value}/∂l in one row (same arguments); 0 for SCORE. */
  public double dLogRatio(double w, double l, double[] tHat, double[] t, double y, double[] joint) {
    return switch (this) {
      case LABEL_CROSS_ENTROPY -> w * crossEntropySlope(l, y);
      case JOINT_CROSS_ENTROPY -> w * crossEntropySlope(l, joint[JointLabel.S.ordinal()]);
      case RATIO_REGRESSION ->
          w
              * ratioRegressionSlope(
                  Math.exp(l),
                  Math.exp(-l),
                  y,
                  joint[JointLabel.R.ordinal()],
                  joint[JointLabel.R_INV.ordinal()]);
      case SCORE -> 0;
    };
  }

  /** ∂{@link #value}/∂t̂_k in one row (same arguments); 0 but for SCORE. */
  public double dScore(
      int k, double w, double l, double[] tHat, double[] t, double y, double[] joint) {
    return this == SCORE ? scoreSlope(w, y, tHat[k] - t[k]) : 0;
  }

  /** c softplus(l) + (1−c) softplus(−l) = softplus(l) − (1−c) l, softplus computed stably. */
  private static double crossEntropy(double l, double c) {
    double softplus = Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
    return softplus - (1 - c) * l;
  }

  private static double crossEntropySlope(double l, double c) {
    return 1 / (1 + Math.exp(-l)) - (1 - c);
  }

  /** Of r̂ = e^l and 1/r̂ = e^−l, which the caller computes once for value and slope. */
  private static double ratioRegression(
      double rHat, double rHatInv, double y, double r, double rInv) {
    double up = rHat - r;
    double down = rHatInv - rInv;
    return y * up * up + (1 - y) * down * down;
  }

  private static double ratioRegressionSlope(
      double rHat, double rHatInv, double y, double r, double rInv) {
    double up = rHat - r;
    double down = rHatInv - rInv;
    return 2 * y * up * rHat - 2 * (1 - y) * down * rHatInv;
  }

  /** One component k of SCORE, the weight inside (the order of the products is kept fixed). */
  private static double score(double w, double y, double diff) {
    return w * (1 - y) * diff * diff;
  }

  private static double scoreSlope(double w, double y, double diff) {
    return 2 * w * (1 - y) * diff;
  }

  // ---- A batch: the same definitions in one loop per term (no dispatch per row). ----

  /**
   * Adds w × this term of rows 0 … rows−1 to {@code b}'s per-row loss and derivative sums.
   *
   * @param out the network outputs: log r̂ of row i at i, t̂_k at (1 + k) bp + i
   */
  void accumulate(double w, BatchLoss b, float[] out, int bp, int rows) {
    double[] lr = b.logRatio;
    double[] rowLoss = b.rowLoss;
    double[] dLr = b.dLogRatio;
    double[] y = b.y;
    switch (this) {
      case LABEL_CROSS_ENTROPY, JOINT_CROSS_ENTROPY -> {
        double[] c = this == LABEL_CROSS_ENTROPY ? y : b.joint[JointLabel.S.ordinal()];
        for (int i = 0; i < rows; i++) {
          rowLoss[i] += w * crossEntropy(lr[i], c[i]);
          dLr[i] += w * crossEntropySlope(lr[i], c[i]);
        }
      }
      case RATIO_REGRESSION -> {
        double[] r = b.joint[JointLabel.R.ordinal()];
        double[] rInv = b.joint[JointLabel.R_INV.ordinal()];
        for (int i = 0; i < rows; i++) {
          double rHat = Math.exp(lr[i]);
          double rHatInv = Math.exp(-lr[i]);
          rowLoss[i] += w * ratioRegression(rHat, rHatInv, y[i], r[i], rInv[i]);
          dLr[i] += w * ratioRegressionSlope(rHat, rHatInv, y[i], r[i], rInv[i]);
        }
      }
      case SCORE -> {
        int p = b.p;
        double[] t = b.t;
        double[] dT = b.dScore;
        for (int i = 0; i < rows; i++) {
          for (int k = 0; k < p; k++) {
            double diff = out[(1 + k) * bp + i] - t[i * p + k];
            rowLoss[i] += score(w, y[i], diff);
            dT[i * p + k] += scoreSlope(w, y[i], diff);
          }
        }
      }
    }
  }

  // ---- The graph: the same definitions as SameDiff expressions. ----

  /**
   * The graph inputs of the terms (B × 1 each but t̂ and t, B × p).
   *
   * @param logRatio log r̂, clipped
   * @param t the score target (null when no term reads it)
   * @param joint the {@link JointLabel} placeholders the terms read
   */
  public record GraphInputs(
      SameDiff sd,
      SDVariable logRatio,
      SDVariable tHat,
      SDVariable t,
      SDVariable y,
      Map<JointLabel, SDVariable> joint,
      int p) {}

  /** This term of every row (B × 1), unweighted. */
  public SDVariable expression(GraphInputs in) {
    SameDiff sd = in.sd();
    SDVariable l = in.logRatio();
    SDVariable y = in.y();
    return switch (this) {
      case LABEL_CROSS_ENTROPY -> crossEntropy(sd, l, y);
      case JOINT_CROSS_ENTROPY -> crossEntropy(sd, l, in.joint().get(JointLabel.S));
      case RATIO_REGRESSION -> {
        SDVariable up = sd.math.square(sd.math.exp(l).sub(in.joint().get(JointLabel.R)));
        SDVariable down =
            sd.math.square(sd.math.exp(l.neg()).sub(in.joint().get(JointLabel.R_INV)));
        yield y.mul(up).add(y.rsub(1.0).mul(down));
      }
      case SCORE -> y.rsub(1.0).mul(squaredError(sd, in.tHat(), in.t(), in.p()));
    };
  }

  /** c softplus(l) + (1−c) softplus(−l). */
  private static SDVariable crossEntropy(SameDiff sd, SDVariable l, SDVariable c) {
    return c.mul(sd.nn.softplus(l)).add(c.rsub(1.0).mul(sd.nn.softplus(l.neg())));
  }

  /**
   * Σ_k (t̂_k − t_k)² of every row (B × 1), also SALLY's loss. The sum over the columns is a
   * product with a ones vector: SameDiff M2.1's training session fails on reductions along a
   * dimension (NullPointerException in BaseReduceOp), while matrix products and full reductions
   * work.
   */
  public static SDVariable squaredError(SameDiff sd, SDVariable tHat, SDVariable t, int p) {
    SDVariable sq = sd.math.square(tHat.sub(t));
    return p == 1 ? sq : sq.mmul(sd.constant(Nd4j.ones(tHat.dataType(), p, 1)));
  }
}
