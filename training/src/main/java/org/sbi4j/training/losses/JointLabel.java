package org.sbi4j.training.losses;

/**
 * A per-row label that a loss term derives from the joint log ratio log r(x,z|θ0,θ1), clipped to
 * ±clip, outside the graph (labels need no gradient). Each has one placeholder of the training
 * graph, B × 1.
 */
public enum JointLabel {
  /** The ALICE soft label s = 1/(1 + r(x,z)). */
  S("s"),
  /** The joint ratio r(x,z) = e^log r. */
  R("r"),
  /** Its inverse 1/r(x,z) = e^−log r. */
  R_INV("r_inv");

  private final String placeholder;

  JointLabel(String placeholder) {
    this.placeholder = placeholder;
  }

  /** The name of this label's graph placeholder. */
  public String placeholder() {
    return placeholder;
  }

  /** The label of a row whose joint log ratio, already clipped, is {@code logR}. */
  public double of(double logR) {
    return switch (this) {
      case S -> 1 / (1 + Math.exp(logR));
      case R -> Math.exp(logR);
      case R_INV -> Math.exp(-logR);
    };
  }
}
