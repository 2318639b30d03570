package org.sbi4j.inference.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.inference.internal.Partitions;
import org.sbi4j.inference.likelihood.BinnedLikelihood;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.LogLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.EventSample;

/**
 * Toys for the unbinned likelihoods of {@code sbi4j limits} (docs/math.md §8.2): n ~ Poisson(L
 * σ(θ_true)) with σ from the whole event file, and n events drawn with replacement from the file's
 * test partition (the last 20 %, which no model was trained on) with probability ∝ dσ_e(θ_true)
 * (negative morphed weights count as 0). Each toy's log L is the one {@code limits} builds for
 * observed data (ratio model: extended unbinned likelihood; histogram: binned Poisson likelihood
 * with the same binning for every toy), and q(θ_true) uses its continuous maximum inside the fit
 * grid's box.
 */
public final class EventToys implements ToyStatistic {
  private final LimitSource source;
  private final MorphedEvents rate;
  private final double luminosity;
  private final double[] thetaTrue;
  private final ParameterGrid fitGrid;
  private final EventSample pool;
  private final double[] cumulative;
  private final double expected;
  private final HistogramModel histogram;
  private final List<String> warnings = new ArrayList<>();

  /**
   * @param file the weighted event file (setup, weights)
   * @param source the likelihood under test
   * @param thetaTrue θ_true, inside the parameter ranges
   * @param luminosity L in pb⁻¹
   * @param fitGrid the box of the fit and the start points of the maximiser, or null for the
   *     parameter ranges ({@link #defaultGrid})
   */
  public EventToys(
      EventSample file,
      LimitSource source,
      double[] thetaTrue,
      double luminosity,
      ParameterGrid fitGrid) {
    this.rate = new MorphedEvents(file);
    List<Parameter> parameters = rate.setup().parameters();
    rate.setup().checkTheta("theta-true", thetaTrue);
    for (int a = 0; a < parameters.size(); a++) {
      Parameter p = parameters.get(a);
      if (!p.contains(thetaTrue[a])) {
        throw new InvalidValueException(
            "theta-true",
            String.format(
                Locale.ROOT,
                "θ_true of '%s' = %s lies outside its range [%s, %s]; choose a value inside",
                p.name(),
                thetaTrue[a],
                p.min(),
                p.max()));
      }
    }
    this.luminosity = Check.luminosity(luminosity);
    this.fitGrid = fitGrid == null ? defaultGrid(parameters) : fitGrid;
    this.fitGrid.checkInside(parameters);
    double[] lo = this.fitGrid.lower();
    double[] hi = this.fitGrid.upper();
    for (int a = 0; a < thetaTrue.length; a++) {
      if (thetaTrue[a] < lo[a] || thetaTrue[a] > hi[a]) {
        throw new InvalidValueException(
            "grid",
            String.format(
                Locale.ROOT,
                "the fit grid of '%s' [%s, %s] does not contain θ_true = %s; widen the grid",
                parameters.get(a).name(),
                lo[a],
                hi[a],
                thetaTrue[a]));
      }
    }
    this.source = source;
    this.thetaTrue = thetaTrue.clone();
    this.expected = luminosity * rate.positiveSigma(thetaTrue);
    // every toy holds its n ≈ L σ(θ_true) events (features, benchmark weights, index, unit
    // weight), and one toy per core is drawn at a time
    long perToy = (long) Math.min(1e15, expected + 5 * Math.sqrt(expected) + 1);
    MemoryBudget.require(
        "luminosity",
        "toy events",
        perToy * Runtime.getRuntime().availableProcessors(),
        8L * (file.featureCount() + rate.setup().benchmarks().size() + 2),
        "lower the luminosity");
    this.pool = Partitions.test(file);
    double[] d = new MorphedEvents(pool).dsigma(thetaTrue);
    cumulative = new double[d.length];
    double total = 0;
    double squares = 0;
    int negative = 0;
    for (int e = 0; e < d.length; e++) {
      double w = d[e] > 0 ? d[e] : 0;
      negative += d[e] < 0 ? 1 : 0;
      total += w;
      squares += w * w;
      cumulative[e] = total;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException(
          "no event of the test partition has a positive morphed weight at θ_true = "
              + Arrays.toString(thetaTrue)
              + "; use an event file with events where θ_true has cross section");
    }
    if (negative > 0) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%d of %d test events have a negative morphed weight at θ_true and are never drawn",
              negative,
              d.length));
    }
    double effective = total * total / squares;
    if (expected > 0.1 * effective) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "a toy holds %.4g events on average but the test partition has only %.4g effective"
                  + " events at θ_true, so toys repeat events; use a larger event file or a smaller"
                  + " luminosity",
              expected,
              effective));
    }
    if (source instanceof LimitSource.Sallino) {
      throw new IllegalArgumentException(
          "coverage toys do not run SALLINO (it re-bins every θ for every toy); check the coverage"
              + " of SALLY or of a ratio model instead");
    }
    if (source instanceof LimitSource.Histogram h) {
      histogram = Limits.histogramModel(rate, h.summary(), h.binning(), luminosity);
    } else {
      histogram = null;
      LimitSource.Ratio r = (LimitSource.Ratio) source;
      if (!r.estimator().parameters().equals(rate.setup().parameterNames())) {
        throw new IllegalArgumentException(
            "the model's parameters "
                + r.estimator().parameters()
                + " differ from the event file's "
                + rate.setup().parameterNames()
                + "; use the event file the model was trained on");
      }
      rangeWarnings(r.estimator().thetaRange(), rate.setup().parameterNames());
    }
  }

  /** One warning per parameter whose θ_true or fit box leaves the model's trained θ range. */
  private void rangeWarnings(double[][] range, List<String> names) {
    if (range == null) {
      return;
    }
    double[] lo = fitGrid.lower();
    double[] hi = fitGrid.upper();
    for (int a = 0; a < Math.min(range.length, names.size()); a++) {
      if (lo[a] < range[a][0] || hi[a] > range[a][1]) {
        warnings.add(
            String.format(
                Locale.ROOT,
                "the fit box of '%s' [%s, %s] (θ_true = %s) leaves the range %s the model was"
                    + " trained on; the toys' fits there extrapolate the model",
                names.get(a),
                lo[a],
                hi[a],
                thetaTrue[a],
                Arrays.toString(range[a])));
      }
    }
  }

  /**
   * The default fit grid: every parameter's range with 41 points in 1D, 15 per axis in 2D and 7
   * beyond (start points of the continuous maximiser, not the resolution of q).
   */
  public static ParameterGrid defaultGrid(List<Parameter> parameters) {
    int d = parameters.size();
    double[] lo = new double[d];
    double[] hi = new double[d];
    int[] n = new int[d];
    for (int a = 0; a < d; a++) {
      lo[a] = parameters.get(a).min();
      hi[a] = parameters.get(a).max();
      n[a] = d == 1 ? 41 : d == 2 ? 15 : 7;
    }
    return ParameterGrid.uniform(lo, hi, n);
  }

  /** L σ(θ_true), the mean number of events per toy. */
  public double expectedEvents() {
    return expected;
  }

  /** Warnings about the event pool (negative weights, repeated events). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The fit grid in use. */
  public ParameterGrid fitGrid() {
    return fitGrid;
  }

  /** The events of one toy: n ~ Poisson(L σ(θ_true)), each drawn ∝ dσ_e(θ_true). */
  EventSample draw(UniformRandomProvider rng) {
    int n = PoissonSampler.of(rng, expected).sample();
    double total = cumulative[cumulative.length - 1];
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble() * total;
      int k = Arrays.binarySearch(cumulative, u);
      k = k >= 0 ? k + 1 : -k - 1;
      idx[i] = Math.min(k, cumulative.length - 1);
    }
    return pool.select(idx);
  }

  @Override
  public double q(UniformRandomProvider rng) {
    return CoverageToys.q(likelihood(draw(rng)), fitGrid, thetaTrue);
  }

  /** log L of {@code events} as {@code limits} builds it for observed data. */
  LogLikelihood likelihood(EventSample events) {
    if (events.size() == 0) {
      return new RateOnly(rate, luminosity);
    }
    Dataset data = Dataset.observed(events);
    if (histogram != null) {
      return new BinnedLikelihood(
          histogram, histogram.counts(data, ((LimitSource.Histogram) source).summary()));
    }
    return new ExtendedLikelihood(((LimitSource.Ratio) source).estimator(), data, rate, luminosity);
  }

  /** log L of a toy without events: log Pois(0 | Lσ(θ)) = −Lσ(θ). */
  private record RateOnly(MorphedEvents rate, double luminosity) implements LogLikelihood {
    @Override
    public int dimension() {
      return rate.dimension();
    }

    @Override
    public double[] evaluate(double[][] thetas) {
      double[] out = new double[thetas.length];
      for (int j = 0; j < thetas.length; j++) {
        out[j] = -luminosity * rate.positiveSigma(thetas[j]);
      }
      return out;
    }
  }
}
