package org.sbi4j.inference.nplm;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /**
   * Everything besides the seed and the training options that determines a toy, by name (an {@code
   * nplm --toys-dir} folder records it and refuses a run whose key differs). The default names the
   * source's class and dimension only: a source holding data must add them.
   */
  default Map<String, String> key() {
    Map<String, String> key = new LinkedHashMap<>();
    key.put("toys", getClass().getSimpleName() + ", " + dimension() + "D");
    return key;
  }
}
