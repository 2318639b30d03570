package org.sbi4j.training.nplm;

/** How the NPLM network is trained. */
public enum NplmOptimizer {
  /** Full-batch Adam for a fixed number of epochs, weights clipped after every step. */
  ADAM,
  /** Full-batch projected L-BFGS with the clipping box as bounds, run to convergence. */
  LBFGS
}
