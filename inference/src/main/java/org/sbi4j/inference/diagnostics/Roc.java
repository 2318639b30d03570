package org.sbi4j.inference.diagnostics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The weighted ROC curve and AUC of a score separating class A from class B (docs/math.md §10.2),
 * where every event may belong to both classes with weights a_i and b_i (the same events weighted
 * to θ0 and to θ1): AUC = Σ_{i,j} â_i b̂_j ([s_i > s_j] + ½ [s_i = s_j]) with â, b̂ the weights
 * normalised to sum 1; TPR(t) = Σ â_i [s_i > t], FPR(t) = Σ b̂_i [s_i > t].
 *
 * @param auc the area under the curve
 * @param fpr false-positive rates of the curve's points, from 0 to 1
 * @param tpr true-positive rates at the same thresholds
 */
public record Roc(double auc, double[] fpr, double[] tpr) {
  /** Points kept on the curve (thinned by equal steps in the event order). */
  static final int POINTS = 101;

  public Roc {
    fpr = fpr.clone();
    tpr = tpr.clone();
  }

  @Override
  public double[] fpr() {
    return fpr.clone();
  }

  @Override
  public double[] tpr() {
    return tpr.clone();
  }

  /**
   * The ROC and AUC of {@code score} for class A (weights {@code a}) against class B (weights
   * {@code b}); each weight array must have a positive sum.
   */
  public static Roc of(double[] score, double[] a, double[] b) {
    int n = score.length;
    if (a.length != n || b.length != n) {
      throw new IllegalArgumentException("score and both weight arrays must have one entry each");
    }
    return sorted(score, order(score), a, b);
  }

  /** The event indices by descending score. */
  static Integer[] order(double[] score) {
    return IntStream.range(0, score.length)
        .boxed()
        .sorted(Comparator.comparingDouble(i -> -score[i]))
        .toArray(Integer[]::new);
  }

  /** {@link #of} with the events already in {@link #order}. */
  static Roc sorted(double[] score, Integer[] order, double[] a, double[] b) {
    int n = score.length;
    double sa = Arrays.stream(a).sum();
    double sb = Arrays.stream(b).sum();
    if (!(sa > 0) || !(sb > 0)) {
      throw new IllegalArgumentException("the weights of each class must have a positive sum");
    }
    // descending score; ties handled as blocks so that they count one half
    double[] fprAll = new double[n + 1];
    double[] tprAll = new double[n + 1];
    int points = 0;
    double ca = 0;
    double cb = 0;
    double area = 0;
    int k = 0;
    while (k < n) {
      int end = k;
      double ba = 0;
      double bb = 0;
      while (end < n && score[order[end]] == score[order[k]]) {
        ba += a[order[end]] / sa;
        bb += b[order[end]] / sb;
        end++;
      }
      // trapezoid over a tie block: pairs inside it count one half
      area += bb * (ca + 0.5 * ba);
      ca += ba;
      cb += bb;
      points++;
      fprAll[points] = cb;
      tprAll[points] = ca;
      k = end;
    }
    int keep = Math.min(POINTS, points + 1);
    double[] f = new double[keep];
    double[] t = new double[keep];
    for (int i = 0; i < keep; i++) {
      int idx = keep == 1 ? 0 : (int) Math.round((double) i * points / (keep - 1));
      f[i] = fprAll[idx];
      t[i] = tprAll[idx];
    }
    return new Roc(area, f, t);
  }
}
