package org.sbi4j.samples.mining;

import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.morphing.Morpher;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;

/**
 * Gold mining from weighted events (docs/math.md §2). With morphing weights w_b(θ) and event
 * weights w_e(θ_b):
 *
 * <pre>
 *   dσ_e(θ) = Σ_b w_b(θ) w_e(θ_b),     ∇dσ_e(θ) = Σ_b ∇w_b(θ) w_e(θ_b),     σ(θ) = Σ_e dσ_e(θ),
 *   log r(x_e,z_e|θ0,θ1) = log[dσ_e(θ0)/σ(θ0)] − log[dσ_e(θ1)/σ(θ1)],
 *   t(x_e,z_e|θ) = ∇dσ_e(θ)/dσ_e(θ) − ∇σ(θ)/σ(θ).
 * </pre>
 *
 * σ(θ) is morphed from the per-benchmark sums σ_b = Σ_e w_e(θ_b), so mining streams twice through
 * the events in chunks of {@code chunkSize} and never holds the n × B weight matrix. Thread-safe.
 */
public final class GoldMiner {
  /** Events per chunk read from the source by default. */
  public static final int DEFAULT_CHUNK = 1 << 15;

  private final MorphingSetup setup;
  private final Morpher morpher;
  private final int chunkSize;

  /**
   * @param setup the setup the sources' weight columns follow
   * @param chunkSize events per chunk, positive
   */
  public GoldMiner(MorphingSetup setup, int chunkSize) {
    this.setup = setup;
    this.morpher = setup.morpher();
    this.chunkSize = Check.positive("chunkSize", chunkSize);
  }

  /** A miner with the default chunk size. */
  public GoldMiner(MorphingSetup setup) {
    this(setup, DEFAULT_CHUNK);
  }

  public Morpher morpher() {
    return morpher;
  }

  /** σ_b = Σ_e w_e(θ_b), one per benchmark, in one streaming pass. */
  public double[] benchmarkCrossSections(EventSource source) {
    requireSameSetup(source);
    int nb = setup.benchmarks().size();
    double[] sigma = new double[nb];
    forEachWeights(
        source,
        (from, count, w) -> {
          for (int i = 0; i < count; i++) {
            for (int b = 0; b < nb; b++) {
              sigma[b] += w[i * nb + b];
            }
          }
        });
    return sigma;
  }

  /** The morphed cross section σ(θ) and its gradient ∇σ(θ), from σ_b. */
  public ThetaPoint at(double[] theta, double[] benchmarkSigma) {
    setup.checkTheta("theta", theta);
    double sigma = morpher.crossSection(theta, benchmarkSigma);
    if (!(sigma > 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "σ(θ) = %.6g ≤ 0 at θ = %s; the events cannot describe this point (check the weights "
                  + "and the parameter ranges)",
              sigma,
              java.util.Arrays.toString(theta)));
    }
    return new ThetaPoint(
        theta,
        morpher.weights(theta),
        morpher.weightGradients(theta),
        sigma,
        morpher.crossSectionGradient(theta, benchmarkSigma));
  }

  /**
   * Mines every event of {@code source}, in its order.
   *
   * @param maxNegativeFraction largest fraction of Σ_e |dσ_e(θ)| (at θ0 or θ1) that events with
   *     dσ_e ≤ 0 may carry; beyond it mining fails. Those events get log r = 0, t = 0 and valid =
   *     false.
   */
  public MinedEvents mine(
      EventSource source, double[] theta0, double[] theta1, double maxNegativeFraction) {
    double[] sigmaB = benchmarkCrossSections(source);
    MinedEvents mined = mine(source, at(theta0, sigmaB), at(theta1, sigmaB));
    mined.negatives().check(maxNegativeFraction);
    return mined;
  }

  /**
   * Mines every event of {@code source} with σ(θ0), σ(θ1) and their gradients given (from the σ_b
   * of a larger sample that {@code source} is a part of); no negative-weight check.
   */
  public MinedEvents mine(EventSource source, ThetaPoint p0, ThetaPoint p1) {
    int n = Math.toIntExact(source.size());
    int p = p0.theta().length;
    MinedEvents.Builder out = new MinedEvents.Builder(n, p);
    int nb = setup.benchmarks().size();
    double[] g0 = new double[p];
    double[] g1 = new double[p];
    forEachWeights(
        source,
        (from, count, w) -> {
          for (int i = 0; i < count; i++) {
            int row = i * nb;
            double d0 = p0.dsigma(w, row, g0);
            double d1 = p1.dsigma(w, row, g1);
            out.put((int) from + i, d0, d1, p0, p1, g0, g1);
          }
        });
    return out.build(p0.sigma(), p1.sigma());
  }

  /** Calls {@code body} for consecutive chunks of the source. */
  void forEachChunk(EventSource source, ChunkBody body) {
    long n = source.size();
    for (long from = 0; from < n; from += chunkSize) {
      int count = (int) Math.min(chunkSize, n - from);
      body.accept(from, source.read(from, count));
    }
  }

  /** Calls {@code body} with the weights of consecutive chunks, in one reused buffer. */
  void forEachWeights(EventSource source, WeightsBody body) {
    long n = source.size();
    int nb = source.setup().benchmarks().size();
    double[] buffer = new double[(int) Math.min(chunkSize, Math.max(n, 1)) * nb];
    for (long from = 0; from < n; from += chunkSize) {
      int count = (int) Math.min(chunkSize, n - from);
      source.readWeights(from, count, buffer);
      body.accept(from, count, buffer);
    }
  }

  /** Work on the weights of one chunk (count × B, row-major, in a reused buffer). */
  @FunctionalInterface
  interface WeightsBody {
    void accept(long from, int count, double[] weights);
  }

  /** Work on one chunk. */
  @FunctionalInterface
  interface ChunkBody {
    void accept(long from, EventSample chunk);
  }

  private void requireSameSetup(EventSource source) {
    if (!source.setup().benchmarkNames().equals(setup.benchmarkNames())) {
      throw new IllegalArgumentException(
          "the events have benchmarks "
              + source.setup().benchmarkNames()
              + " but the miner's setup has "
              + setup.benchmarkNames());
    }
  }
}
