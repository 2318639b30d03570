package org.sbi4j.inference.nplm;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.training.nplm.NplmProblem;

/**
 * Toys from known densities, as in the NPLM papers' benchmarks: data are Poisson(N(0)) events of
 * the reference density plus, optionally, Poisson(N_S) events of a signal density; the reference
 * sample has N_R events, drawn fresh for every toy or once and shared by all toys.
 */
public final class SampledToys implements ToySource {
  private static final long serialVersionUID = 1L;
  private final Sampler reference;
  private final int referenceSize;
  private final double expected;
  private final Sampler signal;
  private final double expectedSignal;
  private final double[] shared;

  /**
   * @param reference density of the reference hypothesis
   * @param referenceSize N_R ≥ 1
   * @param expected N(0) > 0, the expected number of data events under the reference
   * @param signal density of an injected signal, or null for none
   * @param expectedSignal N_S ≥ 0, the expected number of signal events
   * @param sharedReferenceSeed seed of one reference sample shared by every toy, or null to draw a
   *     fresh reference per toy
   */
  public SampledToys(
      Sampler reference,
      int referenceSize,
      double expected,
      Sampler signal,
      double expectedSignal,
      Long sharedReferenceSeed) {
    if (referenceSize < 1 || !(expected > 0) || !(expectedSignal >= 0)) {
      throw new IllegalArgumentException(
          "toys need N_R ≥ 1, N(0) > 0 and N_S ≥ 0, got "
              + referenceSize
              + ", "
              + expected
              + ", "
              + expectedSignal);
    }
    if (signal != null && signal.dimension() != reference.dimension()) {
      throw new IllegalArgumentException(
          "signal has dimension "
              + signal.dimension()
              + " but the reference "
              + reference.dimension());
    }
    this.reference = reference;
    this.referenceSize = referenceSize;
    this.expected = expected;
    this.signal = signal;
    this.expectedSignal = signal == null ? 0 : expectedSignal;
    this.shared =
        sharedReferenceSeed == null
            ? null
            : reference.sample(
                referenceSize, RandomSource.XO_RO_SHI_RO_128_PP.create(sharedReferenceSeed));
  }

  /** Background-only toys with a fresh reference per toy. */
  public static SampledToys nullToys(Sampler reference, int referenceSize, double expected) {
    return new SampledToys(reference, referenceSize, expected, null, 0, null);
  }

  @Override
  public int dimension() {
    return reference.dimension();
  }

  @Override
  public NplmProblem draw(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int nb = PoissonSampler.of(rng, expected).sample();
    int ns = expectedSignal > 0 ? PoissonSampler.of(rng, expectedSignal).sample() : 0;
    int d = dimension();
    double[] data = new double[(nb + ns) * d];
    System.arraycopy(reference.sample(nb, rng), 0, data, 0, nb * d);
    if (ns > 0) {
      System.arraycopy(signal.sample(ns, rng), 0, data, nb * d, ns * d);
    }
    double[] ref =
        shared != null
            ? shared
            : reference.sample(
                referenceSize, RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 1)));
    return NplmProblem.weighted(d, ref, null, data, null, expected);
  }
}
