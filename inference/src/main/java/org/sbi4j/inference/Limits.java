package org.sbi4j.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.inference.internal.Partitions;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.RatioEstimator;

/**
 * Expected and observed limits (MATH.md §4), the façade of {@code sbi4j limits}.
 *
 * <p>σ(θ) always comes from the whole event file. Expected limits use the Asimov data of the
 * file's test partition (the last 20 % in file order) reweighted to θ_true with n = Lσ(θ_true);
 * observed limits use the events of a data file with n = their number. A ratio model evaluated
 * outside the θ range it was trained on is not refused but reported in the warnings.
 */
public final class Limits {
  private Limits() {}

  /**
   * Expected limits.
   *
   * @param file the weighted event file (setup, weights)
   * @param source ratio model or histogram baseline
   * @param thetaTrue θ_true
   * @param luminosity L in pb⁻¹
   * @param grid the scan grid, inside the parameter ranges
   */
  public static LimitsResult expected(EventSample file, LimitSource source, double[] thetaTrue,
      double luminosity, ParameterGrid grid) {
    MorphedEvents rate = prepare(file, grid);
    MorphedEvents test = new MorphedEvents(Partitions.test(file));
    Dataset data = Dataset.asimov(test, rate, thetaTrue, luminosity);
    return scan(source, rate, data, luminosity, grid, true, thetaTrue);
  }

  /**
   * Observed limits from the events of {@code observed}.
   *
   * @param file the weighted event file (for σ(θ) and histogram templates)
   * @param observed the data events (features only are used)
   */
  public static LimitsResult observed(EventSample file, EventSample observed, LimitSource source,
      double luminosity, ParameterGrid grid) {
    MorphedEvents rate = prepare(file, grid);
    Dataset data = Dataset.observed(observed);
    return scan(source, rate, data, luminosity, grid, false, null);
  }

  private static MorphedEvents prepare(EventSample file, ParameterGrid grid) {
    MorphedEvents rate = new MorphedEvents(file);
    grid.checkInside(rate.setup().parameters());
    return rate;
  }

  private static LimitsResult scan(LimitSource source, MorphedEvents rate, Dataset data,
      double luminosity, ParameterGrid grid, boolean expected, double[] thetaTrue) {
    List<String> warnings = new ArrayList<>();
    LogLikelihood ll;
    if (source instanceof LimitSource.Ratio r) {
      warnings.addAll(rangeWarnings(r.estimator(), grid, rate.setup().parameterNames()));
      ll = new ExtendedLikelihood(r.estimator(), data, rate, luminosity);
    } else {
      LimitSource.Histogram h = (LimitSource.Histogram) source;
      HistogramModel model = histogramModel(rate, h.summary(), h.binning(), luminosity);
      ll = new BinnedLikelihood(model, model.counts(data, h.summary()));
    }
    ScanResult result = LikelihoodScan.run(ll, rate.setup().parameterNames(), grid)
        .withWarnings(warnings);
    return new LimitsResult(source.label(), expected, thetaTrue, luminosity, data.count(), result);
  }

  /**
   * The histogram model of the baseline: the summary of the whole file binned adaptively at θ_ref
   * (or with the given edges), bin contents morphed in θ.
   */
  public static HistogramModel histogramModel(MorphedEvents rate, Summary summary,
      BinningSpec spec, double luminosity) {
    Binning binning;
    if (spec.edges() != null) {
      binning = new Binning(spec.edges());
      if (binning.dimension() != summary.dimension()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%d sets of bin edges for a %d-dimensional summary (%s); give one per dimension",
            binning.dimension(), summary.dimension(), summary.label()));
      }
    } else {
      double[] ref = spec.reference() != null ? spec.reference() : defaultReference(rate);
      rate.setup().checkTheta("binning reference", ref);
      binning = Binning.adaptive(summary.values(rate.sample()), summary.dimension(),
          rate.dsigma(ref), spec.binsPerDimension());
    }
    return new HistogramModel(rate, summary, binning, luminosity);
  }

  /** θ = 0 (the SM) when it lies in every range, else the centre of the ranges. */
  static double[] defaultReference(MorphedEvents rate) {
    List<Parameter> ps = rate.setup().parameters();
    double[] ref = new double[ps.size()];
    for (int i = 0; i < ref.length; i++) {
      Parameter p = ps.get(i);
      ref[i] = p.contains(0) ? 0 : 0.5 * (p.min() + p.max());
    }
    return ref;
  }

  /** One warning per parameter whose grid leaves the model's trained θ range. */
  static List<String> rangeWarnings(RatioEstimator model, ParameterGrid grid, List<String> names) {
    double[][] range = model.thetaRange();
    List<String> out = new ArrayList<>();
    if (range == null) {
      return out;
    }
    double[] lo = grid.lower();
    double[] hi = grid.upper();
    for (int a = 0; a < Math.min(range.length, lo.length); a++) {
      if (lo[a] < range[a][0] || hi[a] > range[a][1]) {
        out.add(String.format(Locale.ROOT,
            "the grid of '%s' [%s, %s] leaves the range %s the model was trained on; q there is "
                + "an extrapolation", names.get(a), lo[a], hi[a], Arrays.toString(range[a])));
      }
    }
    return out;
  }
}
