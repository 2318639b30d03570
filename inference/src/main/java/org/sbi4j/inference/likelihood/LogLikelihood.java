package org.sbi4j.inference.likelihood;

/**
 * A log-likelihood log L(θ) up to a θ-independent constant, evaluated for many θ at once so that
 * implementations can batch them (one pass over the events for the whole grid).
 */
public interface LogLikelihood {
  /** Number of parameters p. */
  int dimension();

  /**
   * log L(θ_j) for every row.
   *
   * @param thetas rows × p
   * @return one value per row; finite, or −∞ where θ is impossible (zero expected events with
   *     events observed)
   */
  double[] evaluate(double[][] thetas);

  /** log L at one point. */
  default double evaluate(double[] theta) {
    return evaluate(new double[][] {theta})[0];
  }
}
