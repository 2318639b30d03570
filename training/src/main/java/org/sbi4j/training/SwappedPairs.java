package org.sbi4j.training;

import java.util.List;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;

/**
 * The swapped-pair augmentation of a doubly parameterised ratio sample (docs/math.md §3.8): every
 * row (θ0, θ1, y, log r(x,z|θ0,θ1), t(x,z|θ0), t(x,z|θ1)) is followed, after all rows, by its
 * mirror (θ1, θ0, 1 − y, −log r(x,z|θ0,θ1), t(x,z|θ1), t(x,z|θ0)). The mirror is an exact row of
 * the pair (θ1, θ0): log r(x,z|θ1,θ0) = −log r(x,z|θ0,θ1), a row drawn at θ0 is the one drawn at
 * the swapped pair's θ1 (y ↔ 1 − y), and the score at the swapped θ0 is the joint score at the old
 * θ1. So the network learns log r̂(x|θ0,θ1) and log r̂(x|θ1,θ0) = −log r̂(x|θ0,θ1) from the same
 * events.
 */
final class SwappedPairs {
  private SwappedPairs() {}

  /**
   * {@code s} followed by its mirrored rows (2n rows).
   *
   * @param needsScores whether the loss reads t(x,z|θ0): then the sample must also hold t(x,z|θ1),
   *     which becomes the mirrors' t(x,z|θ0)
   * @throws InvalidValueException when the sample lacks a column the mirror needs
   */
  static EventSample of(EventSample s, boolean needsScores) {
    if (needsScores && !s.has(Column.T_XZ1)) {
      throw new InvalidValueException(
          "trainingSample",
          "the doubly parameterised sample lacks 't_xz1', which training on swapped pairs (θ1, θ0)"
              + " needs as the score at the swapped θ0; augment the sample with a θ1 prior (which"
              + " stores the score at θ1), or leave swapPairs off in the training config");
    }
    int n = s.size();
    List<String> names = s.parameterNames();
    double[] x = s.x();
    double[] x2 = new double[2 * x.length];
    System.arraycopy(x, 0, x2, 0, x.length);
    System.arraycopy(x, 0, x2, x.length, x.length);
    EventSample out = EventSample.ofFeatures(s.observables(), x2);
    for (Column c : s.columns()) {
      double[] v = s.column(c);
      double[] mirrored =
          switch (c) {
            case THETA0 -> s.column(Column.THETA1);
            case THETA1 -> s.column(Column.THETA0);
            case T_XZ0 -> s.has(Column.T_XZ1) ? s.column(Column.T_XZ1) : null;
            case T_XZ1 -> s.column(Column.T_XZ0);
            case Y, LOG_R_XZ -> mirror(c, v);
            default -> v;
          };
      // without t(x,z|θ1) the mirrors have no score at their θ0; no loss reads it (checked above)
      if (mirrored != null && (c != Column.T_XZ1 || s.has(Column.T_XZ0))) {
        out = out.withColumn(c, concat(v, mirrored), names);
      }
    }
    return out;
  }

  /** The mirrors' y = 1 − y and log r(x,z|θ1,θ0) = −log r(x,z|θ0,θ1). */
  private static double[] mirror(Column c, double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = c == Column.Y ? 1 - v[i] : -v[i];
    }
    return out;
  }

  private static double[] concat(double[] first, double[] second) {
    double[] out = new double[first.length + second.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }
}
