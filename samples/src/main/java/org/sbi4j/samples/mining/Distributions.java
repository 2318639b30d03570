package org.sbi4j.samples.mining;

import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.Progress;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;

/**
 * Cross sections and observable histograms of weighted events with their Monte-Carlo errors
 * (docs/math.md §12.4), read in chunks: σ = Σ_e w_e with δσ = √(Σ_e w_e²), per benchmark (w_e =
 * w_eb) or per histogram bin at θ (w_e = dσ_e(θ) = Σ_b w_b(θ) w_eb).
 */
public final class Distributions {
  /** Events read per chunk. */
  private static final int CHUNK = 1 << 15;

  private Distributions() {}

  /**
   * One benchmark's cross section.
   *
   * @param name the benchmark
   * @param sigma σ_b = Σ_e w_eb (pb)
   * @param error its Monte-Carlo error √(Σ_e w_eb²) (pb)
   */
  public record BenchmarkSigma(String name, double sigma, double error) {}

  /**
   * A histogram of one observable at θ.
   *
   * @param theta the parameter point
   * @param edges bin edges (bins + 1, increasing)
   * @param sigma per bin Σ_{e in bin} dσ_e(θ) (pb)
   * @param error per bin √(Σ_{e in bin} dσ_e(θ)²) (pb)
   * @param total σ(θ) over every event, in a bin or not (pb)
   */
  public record Histogram(
      double[] theta, double[] edges, double[] sigma, double[] error, double total) {}

  /** σ_b with its Monte-Carlo error for every benchmark of {@code view}. */
  public static List<BenchmarkSigma> benchmarkSigmas(EventSource view) {
    MorphingSetup setup = view.setup();
    int nb = setup.benchmarks().size();
    double[] sum = new double[nb];
    double[] sq = new double[nb];
    for (long from = 0; from < view.size(); from += CHUNK) {
      int count = (int) Math.min(CHUNK, view.size() - from);
      double[] w = new double[count * nb];
      view.readWeights(from, count, w);
      for (int k = 0; k < w.length; k++) {
        sum[k % nb] += w[k];
        sq[k % nb] += w[k] * w[k];
      }
    }
    List<BenchmarkSigma> out = new ArrayList<>();
    for (int b = 0; b < nb; b++) {
      out.add(new BenchmarkSigma(setup.benchmarkNames().get(b), sum[b], Math.sqrt(sq[b])));
    }
    return out;
  }

  /** The smallest and largest value of observable {@code j} over {@code view}. */
  public static double[] range(EventSource view, int j) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (long from = 0; from < view.size(); from += CHUNK) {
      int count = (int) Math.min(CHUNK, view.size() - from);
      EventSample s = view.read(from, count);
      for (int i = 0; i < count; i++) {
        lo = Math.min(lo, s.x(i, j));
        hi = Math.max(hi, s.x(i, j));
      }
    }
    return new double[] {lo, hi};
  }

  /**
   * Histograms of observable {@code j} at each θ; events outside the edges count only in the
   * totals. {@code progress} advances by the events read.
   */
  public static List<Histogram> histograms(
      EventSource view, int j, double[] edges, double[][] thetas, Progress progress) {
    MorphingSetup setup = view.setup();
    int nb = setup.benchmarks().size();
    int m = thetas.length;
    int bins = edges.length - 1;
    for (int k = 1; k < edges.length; k++) {
      if (!(edges[k] > edges[k - 1])) {
        throw new IllegalArgumentException("histogram edges must increase");
      }
    }
    double[][] wb = new double[m][];
    for (int t = 0; t < m; t++) {
      setup.checkTheta("theta", thetas[t]);
      wb[t] = setup.morpher().weights(thetas[t]);
    }
    double[][] sum = new double[m][bins];
    double[][] sq = new double[m][bins];
    double[] total = new double[m];
    for (long from = 0; from < view.size(); from += CHUNK) {
      int count = (int) Math.min(CHUNK, view.size() - from);
      EventSample s = view.read(from, count);
      double[] w = s.weights();
      for (int i = 0; i < count; i++) {
        int bin = bin(edges, s.x(i, j));
        for (int t = 0; t < m; t++) {
          double d = 0;
          for (int b = 0; b < nb; b++) {
            d += wb[t][b] * w[i * nb + b];
          }
          total[t] += d;
          if (bin >= 0) {
            sum[t][bin] += d;
            sq[t][bin] += d * d;
          }
        }
      }
      progress.step(count);
    }
    List<Histogram> out = new ArrayList<>();
    for (int t = 0; t < m; t++) {
      double[] err = new double[bins];
      for (int k = 0; k < bins; k++) {
        err[k] = Math.sqrt(sq[t][k]);
      }
      out.add(new Histogram(thetas[t].clone(), edges.clone(), sum[t], err, total[t]));
    }
    return out;
  }

  /** The bin of x (the last bin includes its upper edge), or −1 outside. */
  static int bin(double[] edges, double x) {
    int bins = edges.length - 1;
    if (!(x >= edges[0] && x <= edges[bins])) {
      return -1;
    }
    int k = java.util.Arrays.binarySearch(edges, x);
    if (k >= 0) {
      return Math.min(k, bins - 1);
    }
    return -k - 2;
  }
}
