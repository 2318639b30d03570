package org.sbi4j.inference.likelihood;

import java.util.Locale;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;

/**
 * A weighted event sample seen through its morphing (docs/math.md §2): dσ_e(θ) = Σ_b w_b(θ)
 * w_e(θ_b), ∇θ dσ_e(θ) = Σ_b ∇w_b(θ) w_e(θ_b), σ(θ) = Σ_e dσ_e(θ) (pb). Immutable.
 */
public final class MorphedEvents {
  private final EventSample sample;
  private final MorphingSetup setup;
  private final Morpher morpher;
  private final double[] benchmarkSigma;

  /**
   * @param sample events with a morphing setup and one weight per benchmark
   * @throws IllegalArgumentException when the sample has no weights or no events
   */
  public MorphedEvents(EventSample sample) {
    if (!sample.hasWeights() || sample.setup().isEmpty()) {
      throw new IllegalArgumentException(
          "the events carry no benchmark weights; use an event "
              + "file with a morphing setup (samples/weights and benchmarks)");
    }
    if (sample.size() == 0) {
      throw new IllegalArgumentException("the event sample is empty; give a file with events");
    }
    this.sample = sample;
    this.setup = sample.setup().get();
    this.morpher = setup.morpher();
    int nb = setup.benchmarks().size();
    double[] w = sample.weights();
    benchmarkSigma = new double[nb];
    for (int e = 0; e < sample.size(); e++) {
      for (int b = 0; b < nb; b++) {
        benchmarkSigma[b] += w[e * nb + b];
      }
    }
  }

  public EventSample sample() {
    return sample;
  }

  public MorphingSetup setup() {
    return setup;
  }

  public Morpher morpher() {
    return morpher;
  }

  /** Number of parameters. */
  public int dimension() {
    return morpher.parameterCount();
  }

  /** σ_b = Σ_e w_e(θ_b), one per benchmark (a copy). */
  public double[] benchmarkCrossSections() {
    return benchmarkSigma.clone();
  }

  /** σ(θ) = Σ_b w_b(θ) σ_b in pb. */
  public double sigma(double[] theta) {
    return morpher.crossSection(theta, benchmarkSigma);
  }

  /** ∇θ σ(θ), one entry per parameter. */
  public double[] sigmaGradient(double[] theta) {
    return morpher.crossSectionGradient(theta, benchmarkSigma);
  }

  /** σ(θ), throwing when it is not positive (no Poisson rate exists there). */
  public double positiveSigma(double[] theta) {
    double s = sigma(theta);
    if (!(s > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "σ(θ = %s) = %s pb is not positive: no events are expected there; restrict the grid "
                  + "or θ to where the morphed cross section is positive",
              java.util.Arrays.toString(theta),
              s));
    }
    return s;
  }

  /** dσ_e(θ) for every event, n. */
  public double[] dsigma(double[] theta) {
    return contract(morpher.weights(theta));
  }

  /** ∇θ dσ_e(θ), parameters × events. */
  public double[][] dsigmaGradient(double[] theta) {
    double[][] g = morpher.weightGradients(theta);
    double[][] out = new double[g.length][];
    for (int i = 0; i < g.length; i++) {
      out[i] = contract(g[i]);
    }
    return out;
  }

  private double[] contract(double[] perBenchmark) {
    int nb = perBenchmark.length;
    double[] out = new double[sample.size()];
    for (int e = 0; e < out.length; e++) {
      double s = 0;
      for (int b = 0; b < nb; b++) {
        s += perBenchmark[b] * sample.weight(e, b);
      }
      out[e] = s;
    }
    return out;
  }
}
