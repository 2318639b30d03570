package org.sbi4j.inference.likelihood;

import java.util.List;

/**
 * The log-likelihood of independent channels that share θ: log L(θ) = Σ_c log L_c(θ) (docs/math.md
 * §6.9). Each term sees the whole θ and evaluates all points in one call.
 */
public final class CombinedLikelihood implements LogLikelihood {
  private final List<LogLikelihood> terms;

  /**
   * @param terms one or more channels' log-likelihoods of the same dimension
   */
  public CombinedLikelihood(List<LogLikelihood> terms) {
    this.terms = List.copyOf(terms);
    if (this.terms.isEmpty()) {
      throw new IllegalArgumentException("a combined likelihood needs at least one term");
    }
    int p = this.terms.get(0).dimension();
    for (LogLikelihood t : this.terms) {
      if (t.dimension() != p) {
        throw new IllegalArgumentException(
            "combined terms have " + p + " and " + t.dimension() + " parameters; they must agree");
      }
    }
  }

  /** The terms, in the order they are summed. */
  public List<LogLikelihood> terms() {
    return terms;
  }

  @Override
  public int dimension() {
    return terms.get(0).dimension();
  }

  @Override
  public double[] evaluate(double[][] thetas) {
    double[] out = terms.get(0).evaluate(thetas);
    for (int t = 1; t < terms.size(); t++) {
      double[] v = terms.get(t).evaluate(thetas);
      for (int j = 0; j < out.length; j++) {
        out[j] += v[j];
      }
    }
    return out;
  }
}
