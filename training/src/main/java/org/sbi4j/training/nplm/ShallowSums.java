package org.sbi4j.training.nplm;

/** Loss and gradient sums of a one-hidden-layer network over a range of rows. */
interface ShallowSums {
  /**
   * Gradient (p entries) and loss (entry p) summed over rows [from, to) of the concatenation
   * reference ‖ data.
   */
  double[] sums(double[] params, int from, int to);
}
