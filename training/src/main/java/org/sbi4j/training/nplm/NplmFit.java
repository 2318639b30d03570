package org.sbi4j.training.nplm;

/**
 * The outcome of one NPLM training: the learned f, the final loss L[f] and t = −2 L[f].
 *
 * @param network the trained f(x)
 * @param loss L[f] at the end of training
 * @param iterations Adam epochs or L-BFGS iterations run
 * @param evaluations loss-and-gradient evaluations used
 */
public record NplmFit(NplmNetwork network, double loss, int iterations, int evaluations) {
  /** The test statistic t = −2 L[f]. */
  public double t() {
    return -2.0 * loss;
  }
}
