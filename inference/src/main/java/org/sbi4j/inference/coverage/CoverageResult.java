package org.sbi4j.inference.coverage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.sbi4j.common.Check;
import org.sbi4j.inference.limits.Wilks;

/**
 * The outcome of a coverage study (docs/math.md §8): the toys' q(θ_true) and what follows from
 * them.
 *
 * @param source the likelihood's label (method, histogram, exact, or the workspace)
 * @param parameters the names of the parameters of interest
 * @param thetaTrue the true point the toys were drawn at
 * @param degreesOfFreedom k of the χ²_k that Wilks' theorem predicts
 * @param seed the root seed of the toys
 * @param q q(θ_true) of every toy, in toy order
 * @param expectedEvents the mean number of events per toy (unbinned likelihoods), or NaN
 * @param warnings what the user should know about the toys
 */
public record CoverageResult(
    String source,
    List<String> parameters,
    double[] thetaTrue,
    int degreesOfFreedom,
    long seed,
    double[] q,
    double expectedEvents,
    List<String> warnings) {
  /** The probabilities of the reported quantiles of q. */
  static final double[] QUANTILES = {0.05, 0.16, 0.5, 0.84, 0.95};

  public CoverageResult {
    parameters = List.copyOf(parameters);
    thetaTrue = thetaTrue.clone();
    Check.positive("degrees of freedom", degreesOfFreedom);
    if (q.length == 0) {
      throw new IllegalArgumentException("a coverage result needs at least one toy");
    }
    q = q.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public double[] thetaTrue() {
    return thetaTrue.clone();
  }

  @Override
  public double[] q() {
    return q.clone();
  }

  /** Number of toys N. */
  public int toys() {
    return q.length;
  }

  /** Fraction of toys with q(θ_true) ≤ F⁻¹_{χ²_k}(cl): the coverage of the Wilks region at cl. */
  public double coverage(double cl) {
    double threshold = Wilks.threshold(cl, degreesOfFreedom);
    int inside = 0;
    for (double v : q) {
      if (v <= threshold) {
        inside++;
      }
    }
    return inside / (double) q.length;
  }

  /** Binomial standard error sqrt(c(1 − c)/N) of the coverage c at cl. */
  public double coverageError(double cl) {
    double c = coverage(cl);
    return Math.sqrt(c * (1 - c) / q.length);
  }

  /**
   * Kolmogorov–Smirnov p-value of the q sample against χ²_k (Commons Math), NaN with fewer than two
   * toys.
   */
  public double ksPValue() {
    if (q.length < 2) {
      return Double.NaN;
    }
    return new KolmogorovSmirnovTest()
        .kolmogorovSmirnovTest(new ChiSquaredDistribution(null, degreesOfFreedom), q);
  }

  /**
   * The empirical quantile of q at probability p (linear interpolation between order statistics).
   */
  public double quantile(double p) {
    double[] sorted = q.clone();
    Arrays.sort(sorted);
    double rank = p * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The JSON of {@code sbi4j coverage} (docs/cli.md): every key but the plot files. */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", source);
    out.put("parameters", parameters);
    out.put("thetaTrue", thetaTrue.clone());
    out.put("toys", q.length);
    out.put("seed", seed);
    out.put("degreesOfFreedom", degreesOfFreedom);
    out.put("coverage68", coverage(Wilks.CL68));
    out.put("coverage68Error", coverageError(Wilks.CL68));
    out.put("coverage95", coverage(Wilks.CL95));
    out.put("coverage95Error", coverageError(Wilks.CL95));
    out.put("threshold68", Wilks.threshold(Wilks.CL68, degreesOfFreedom));
    out.put("threshold95", Wilks.threshold(Wilks.CL95, degreesOfFreedom));
    double ks = ksPValue();
    out.put("ksPValue", Double.isNaN(ks) ? null : ks);
    Map<String, Object> quantiles = new LinkedHashMap<>();
    Map<String, Object> chi2 = new LinkedHashMap<>();
    org.apache.commons.statistics.distribution.ChiSquaredDistribution reference =
        org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(degreesOfFreedom);
    for (double p : QUANTILES) {
      String key = String.format(Locale.ROOT, "%.2f", p);
      quantiles.put(key, quantile(p));
      chi2.put(key, reference.inverseCumulativeProbability(p));
    }
    out.put("qQuantiles", quantiles);
    out.put("chi2Quantiles", chi2);
    out.put("expectedEvents", Double.isNaN(expectedEvents) ? null : expectedEvents);
    out.put("warnings", warnings);
    return out;
  }
}
