package org.sbi4j.inference.nplm;

import java.io.Serializable;
import org.sbi4j.training.nplm.NplmProblem;

/**
 * Draws the NPLM problem of one toy: data from the reference hypothesis (optionally with an
 * injected signal) and the reference sample to test it against. The same seed gives the same toy.
 */
public interface ToySource extends Serializable {
  /** Dimension d of the events. */
  int dimension();

  /** The toy drawn with {@code seed}. */
  NplmProblem draw(long seed);
}
