package org.sbi4j.morphing;

import java.util.Locale;
import org.sbi4j.common.InvalidValueException;

/** A morphing basis whose matrix M is singular or too badly conditioned to invert reliably. */
public final class IllConditionedBasisException extends InvalidValueException {
  private static final long serialVersionUID = 1L;

  /** Beyond this cond(M) the matrix is singular to double precision (about 1/ε). */
  static final double SINGULAR = 1e15;

  private final double conditionNumber;

  public IllConditionedBasisException(double conditionNumber, double limit) {
    super(
        "benchmarks",
        String.format(
            Locale.ROOT,
            "morphing basis is %s: cond(M) = %.3g > %.3g; spread the benchmarks over the parameter "
                + "ranges or run the basis optimiser",
            !(conditionNumber < SINGULAR) ? "singular" : "ill-conditioned",
            conditionNumber,
            limit));
    this.conditionNumber = conditionNumber;
  }

  /** cond(M), the ratio of its largest to smallest singular value (infinite when singular). */
  public double conditionNumber() {
    return conditionNumber;
  }
}
