package org.sbi4j.inference.likelihood;

import java.util.Arrays;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.samples.EventSample;

/**
 * The data a likelihood is evaluated on: events x_i with weights w_i and the event count n of the
 * Poisson term. Observed data: every w_i = 1 and n = number of events. Asimov data (docs/math.md
 * §4): a sample drawn at θ_true with w_i = n · dσ_i(θ_true) / Σ_j dσ_j(θ_true), n = Lσ(θ_true), so
 * Σ_i w_i f(x_i) estimates n·E[f(x)|θ_true]; n need not be an integer.
 *
 * @param events the events (features are what matters)
 * @param weights one weight per event
 * @param count n, > 0
 */
public record Dataset(EventSample events, double[] weights, double count) {
  public Dataset {
    Check.length("dataset weights", weights, events.size());
    Check.finite("dataset weights", weights);
    if (!(count > 0) || !Double.isFinite(count)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the data have n = %s expected events; n must be positive (raise the luminosity or "
                  + "choose θ where σ(θ) > 0)",
              count));
    }
    weights = weights.clone();
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  /** Observed events: unit weights, n = their number. */
  public static Dataset observed(EventSample data) {
    if (data.size() == 0) {
      throw new IllegalArgumentException(
          "the data file has no events; give a file with at least " + "one observed event");
    }
    double[] w = new double[data.size()];
    Arrays.fill(w, 1.0);
    return new Dataset(data, w, data.size());
  }

  /**
   * The Asimov data at θ_true: {@code sample} reweighted to θ_true, n = L·σ(θ_true) with σ from
   * {@code rate} (normally the whole event file, of which {@code sample} is the test partition).
   *
   * @param sample weighted events (the test partition)
   * @param rate the events that define σ(θ)
   * @param thetaTrue θ_true
   * @param luminosity L in pb⁻¹
   */
  public static Dataset asimov(
      MorphedEvents sample, MorphedEvents rate, double[] thetaTrue, double luminosity) {
    Check.positive("luminosity", luminosity);
    rate.setup().checkTheta("theta-true", thetaTrue);
    double n = luminosity * rate.sigma(thetaTrue);
    if (!(n > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "zero expected events: L·σ(θ_true = %s) = %s; raise the luminosity or choose θ_true "
                  + "where σ > 0",
              Arrays.toString(thetaTrue),
              n));
    }
    double[] d = sample.dsigma(thetaTrue);
    double total = 0;
    for (double v : d) {
      total += v;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the test events carry a total weight Σ dσ_e(θ_true) = %s pb at θ_true = %s; use a "
                  + "sample with events where θ_true has positive cross section",
              total,
              Arrays.toString(thetaTrue)));
    }
    for (int i = 0; i < d.length; i++) {
      d[i] *= n / total;
    }
    return new Dataset(sample.sample(), d, n);
  }
}
