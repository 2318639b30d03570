package org.sbi4j.inference.likelihood;

import java.util.Arrays;
import java.util.Locale;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;

/**
 * The unbinned extended likelihood of docs/math.md §4:
 *
 * <pre>log L(θ) = log Pois(n | L σ(θ)) + Σ_i w_i log r̂(x_i|θ, θ_ref)</pre>
 *
 * <p>with the continuous Poisson (n not rounded), σ(θ) from morphing, and weights w_i from the
 * {@link Dataset} (1 for observed events, Asimov weights for expected limits). Every call sends all
 * its θ rows through the estimator together, in blocks of events so that θ × events stays near
 * {@value #BLOCK} values.
 */
public final class ExtendedLikelihood implements LogLikelihood {
  static final int BLOCK = 4_000_000;

  /** Events per partial sum. */
  static final int QUANTUM = 256;

  /** Points per estimator call, so that θ × one run of events stays near {@link #BLOCK}. */
  static final int MAX_THETAS = BLOCK / QUANTUM;

  private final RatioEstimator estimator;
  private final EventSample events;
  private final double[] weights;
  private final double count;
  private final MorphedEvents rate;
  private final double luminosity;

  /**
   * @param estimator log r̂(x|θ, θ_ref)
   * @param data events (with the estimator's observables), weights and n
   * @param rate the events that define σ(θ) (the whole event file)
   * @param luminosity L in pb⁻¹
   */
  public ExtendedLikelihood(
      RatioEstimator estimator, Dataset data, MorphedEvents rate, double luminosity) {
    this.events = Observables.project(data.events(), estimator.observables(), "the model");
    if (!estimator.parameters().equals(rate.setup().parameterNames())) {
      throw new IllegalArgumentException(
          "the model's parameters "
              + estimator.parameters()
              + " differ from the event file's "
              + rate.setup().parameterNames()
              + "; use the event file the model was trained on");
    }
    this.estimator = estimator;
    this.weights = data.weights();
    this.count = data.count();
    this.rate = rate;
    this.luminosity = org.sbi4j.common.Check.positive("luminosity", luminosity);
  }

  @Override
  public int dimension() {
    return rate.dimension();
  }

  @Override
  public double[] evaluate(double[][] thetas) {
    double[] out = new double[thetas.length];
    for (int from = 0; from < thetas.length; from += MAX_THETAS) {
      int to = Math.min(thetas.length, from + MAX_THETAS);
      double[][] group =
          from == 0 && to == thetas.length ? thetas : Arrays.copyOfRange(thetas, from, to);
      System.arraycopy(evaluateGroup(group), 0, out, from, to - from);
    }
    return out;
  }

  /**
   * log L for at most {@value #MAX_THETAS} points. Σ_i w_i log r̂ is added up per run of {@value
   * #QUANTUM} events, and the event blocks are whole runs, so every θ gets the same sum in the same
   * order however many points are evaluated together (grid blocks on any runner).
   */
  private double[] evaluateGroup(double[][] thetas) {
    double[] out = new double[thetas.length];
    for (int j = 0; j < thetas.length; j++) {
      out[j] = PoissonTerm.logPoisson(count, luminosity * rate.positiveSigma(thetas[j]));
    }
    int n = events.size();
    int block = Math.max(1, BLOCK / thetas.length / QUANTUM) * QUANTUM;
    for (int from = 0; from < n; from += block) {
      int to = Math.min(n, from + block);
      EventSample part = from == 0 && to == n ? events : events.range(from, to);
      double[][] logR = estimator.logRatio(part, thetas);
      for (int j = 0; j < thetas.length; j++) {
        double[] row = logR[j];
        for (int q = 0; q < row.length; q += QUANTUM) {
          double s = 0;
          for (int i = q; i < Math.min(row.length, q + QUANTUM); i++) {
            s += weights[from + i] * row[i];
          }
          out[j] += s;
        }
        if (!Double.isFinite(out[j])) {
          throw new IllegalStateException(
              String.format(
                  Locale.ROOT,
                  "the model returned a non-finite log r̂ at θ = %s",
                  Arrays.toString(thetas[j])));
        }
      }
    }
    return out;
  }
}
