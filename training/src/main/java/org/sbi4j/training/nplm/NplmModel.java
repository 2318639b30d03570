package org.sbi4j.training.nplm;

import java.io.Serializable;

/** A learned NPLM f(x): a clipped network or a Nyström kernel model; both take raw x. */
public sealed interface NplmModel extends Serializable permits NplmNetwork, KernelModel {
  /** f at every row of raw {@code x} (n × d, row-major); returns n values. */
  double[] evaluate(double[] x);

  /** Input dimension d. */
  int dimension();

  /** f at one point x (d values). */
  default double f(double[] x) {
    return evaluate(x)[0];
  }
}
