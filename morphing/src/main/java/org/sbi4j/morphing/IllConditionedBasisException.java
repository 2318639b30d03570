package org.sbi4j.morphing;

import java.util.Locale;

/** A morphing basis whose matrix M is singular or too badly conditioned to invert reliably. */
public final class IllConditionedBasisException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final double conditionNumber;

  public IllConditionedBasisException(double conditionNumber, double limit) {
    super(String.format(Locale.ROOT,
        "morphing basis is %s: cond(M) = %.3g > %.3g; spread the benchmarks over the parameter "
            + "ranges or run the basis optimiser (--optimize-basis)",
        Double.isInfinite(conditionNumber) ? "singular" : "ill-conditioned", conditionNumber, limit));
    this.conditionNumber = conditionNumber;
  }

  /** cond(M), the ratio of its largest to smallest singular value (infinite when singular). */
  public double conditionNumber() {
    return conditionNumber;
  }
}
