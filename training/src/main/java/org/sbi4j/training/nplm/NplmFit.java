package org.sbi4j.training.nplm;

/**
 * The outcome of one NPLM training: the learned f, the final loss L[f] and t = −2 L[f].
 *
 * @param model the trained f(x): a network or a kernel model
 * @param loss L[f] at the end of training
 * @param iterations Adam epochs, L-BFGS iterations or Newton steps run
 * @param evaluations loss-and-gradient evaluations (network) or conjugate-gradient steps (kernel)
 */
public record NplmFit(NplmModel model, double loss, int iterations, int evaluations) {
  /** The test statistic t = −2 L[f]. */
  public double t() {
    return -2.0 * loss;
  }

  /** The trained network; fails for a kernel model. */
  public NplmNetwork network() {
    if (model instanceof NplmNetwork n) {
      return n;
    }
    throw new IllegalStateException("this fit is a kernel model, not a network");
  }
}
