package org.sbi4j.inference.limits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.sbi4j.inference.histfactory.ProfiledWorkspace;
import org.sbi4j.inference.internal.Partitions;
import org.sbi4j.inference.likelihood.BinnedLikelihood;
import org.sbi4j.inference.likelihood.Binning;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.CombinedLikelihood;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.LogLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.SallinoLikelihood;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.training.model.ReferenceRatioModel;

/**
 * Expected and observed limits (docs/math.md §4), the façade of {@code sbi4j limits}.
 *
 * <p>σ(θ) always comes from the whole event file. Expected limits use the Asimov data of the file's
 * test partition (the last 20 % in file order) reweighted to θ_true with n = Lσ(θ_true); observed
 * limits use the events of a data file with n = their number. A ratio model evaluated outside the θ
 * range it was trained on is not refused but reported in the warnings.
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
  public static LimitsResult expected(
      EventSample file,
      LimitSource source,
      double[] thetaTrue,
      double luminosity,
      ParameterGrid grid) {
    return expected(file, source, thetaTrue, luminosity, grid, GridEvaluator.LOCAL);
  }

  /**
   * As {@link #expected(EventSample, LimitSource, double[], double, ParameterGrid)}, the grid's log
   * L from {@code evaluator}.
   */
  public static LimitsResult expected(
      EventSample file,
      LimitSource source,
      double[] thetaTrue,
      double luminosity,
      ParameterGrid grid,
      GridEvaluator evaluator) {
    return expected(
        file, source, thetaTrue, luminosity, grid, evaluator, null, NuisanceSettings.DEFAULT);
  }

  /**
   * As {@link #expected(EventSample, LimitSource, double[], double, ParameterGrid, GridEvaluator)},
   * with the channels of {@code workspaces} (null: none) added to the likelihood on their Asimov
   * data at θ_true (docs/math.md §6.9), and with the file's nuisance parameters treated as {@code
   * nuisances} says. The Asimov data are those of the nominal simulation, ν = 0 (docs/math.md
   * §7.3).
   */
  public static LimitsResult expected(
      EventSample file,
      LimitSource source,
      double[] thetaTrue,
      double luminosity,
      ParameterGrid grid,
      GridEvaluator evaluator,
      WorkspaceChannels workspaces,
      NuisanceSettings nuisances) {
    MorphedEvents rate = prepare(file, grid);
    Dataset data = asimov(file, rate, thetaTrue, luminosity);
    return scan(
        source, rate, data, luminosity, grid, true, thetaTrue, evaluator, workspaces, nuisances);
  }

  /** Expected limits combined with workspace channels (null: none), nuisances profiled. */
  public static LimitsResult expected(
      EventSample file,
      LimitSource source,
      double[] thetaTrue,
      double luminosity,
      ParameterGrid grid,
      GridEvaluator evaluator,
      WorkspaceChannels workspaces) {
    return expected(
        file, source, thetaTrue, luminosity, grid, evaluator, workspaces, NuisanceSettings.DEFAULT);
  }

  /** Expected limits without workspaces, nuisance parameters treated as {@code nuisances} says. */
  public static LimitsResult expected(
      EventSample file,
      LimitSource source,
      double[] thetaTrue,
      double luminosity,
      ParameterGrid grid,
      GridEvaluator evaluator,
      NuisanceSettings nuisances) {
    return expected(file, source, thetaTrue, luminosity, grid, evaluator, null, nuisances);
  }

  /** The Asimov data of the file's test partition at θ_true. */
  static Dataset asimov(
      EventSample file, MorphedEvents rate, double[] thetaTrue, double luminosity) {
    return Dataset.asimov(new MorphedEvents(Partitions.test(file)), rate, thetaTrue, luminosity);
  }

  /**
   * Observed limits from the events of {@code observed}.
   *
   * @param file the weighted event file (for σ(θ) and histogram templates)
   * @param observed the data events (features only are used)
   */
  public static LimitsResult observed(
      EventSample file,
      EventSample observed,
      LimitSource source,
      double luminosity,
      ParameterGrid grid) {
    return observed(file, observed, source, luminosity, grid, GridEvaluator.LOCAL);
  }

  /**
   * As {@link #observed(EventSample, EventSample, LimitSource, double, ParameterGrid)}, the grid's
   * log L from {@code evaluator}.
   */
  public static LimitsResult observed(
      EventSample file,
      EventSample observed,
      LimitSource source,
      double luminosity,
      ParameterGrid grid,
      GridEvaluator evaluator) {
    return observed(
        file, observed, source, luminosity, grid, evaluator, null, NuisanceSettings.DEFAULT);
  }

  /**
   * As {@link #observed(EventSample, EventSample, LimitSource, double, ParameterGrid,
   * GridEvaluator)}, with the channels of {@code workspaces} (null: none) added to the likelihood
   * on their observed counts (docs/math.md §6.9), and with the file's nuisance parameters treated
   * as {@code nuisances} says.
   */
  public static LimitsResult observed(
      EventSample file,
      EventSample observed,
      LimitSource source,
      double luminosity,
      ParameterGrid grid,
      GridEvaluator evaluator,
      WorkspaceChannels workspaces,
      NuisanceSettings nuisances) {
    MorphedEvents rate = prepare(file, grid);
    Dataset data = Dataset.observed(observed);
    return scan(
        source, rate, data, luminosity, grid, false, null, evaluator, workspaces, nuisances);
  }

  private static MorphedEvents prepare(EventSample file, ParameterGrid grid) {
    MorphedEvents rate = new MorphedEvents(file);
    grid.checkInside(rate.setup().parameters());
    return rate;
  }

  private static LimitsResult scan(
      LimitSource given,
      MorphedEvents rate,
      Dataset data,
      double luminosity,
      ParameterGrid grid,
      boolean expected,
      double[] thetaTrue,
      GridEvaluator evaluator,
      WorkspaceChannels workspaces,
      NuisanceSettings nuisances) {
    LimitSource source = thetaScore(given, rate.setup().parameterNames().size());
    List<String> warnings = new ArrayList<>();
    if (source instanceof LimitSource.Ratio r) {
      warnings.addAll(rangeWarnings(r.estimator(), grid, rate.setup().parameterNames()));
      if (thetaTrue != null) {
        warnings.addAll(
            thetaTrueWarnings(
                r.estimator().thetaRange(), thetaTrue, rate.setup().parameterNames()));
      }
    }
    if (thetaTrue != null) {
      warnings.addAll(ModelValidity.sally(source, rate, thetaTrue, "theta-true"));
    }
    List<String> nuisanceNames = rate.sample().nuisances().names();
    double[] fixed = nuisances.values(nuisanceNames);
    List<String> names = rate.setup().parameterNames();
    if (source instanceof LimitSource.Sallino && ProfiledLimits.applies(rate, nuisances)) {
      throw new IllegalArgumentException(
          "SALLINO does not profile the event file's nuisance parameters "
              + nuisanceNames
              + "; hold them at their nominal values (no nuisances) or use SALLY");
    }
    if (ProfiledLimits.applies(rate, nuisances)) {
      ProfiledWorkspace term =
          workspaces == null ? null : workspaces.term(names, nuisanceNames, thetaTrue, grid);
      ProfiledLimits.Scan p =
          ProfiledLimits.scan(
              source, rate, data, luminosity, grid, fixed, nuisances.policy(), term);
      return new LimitsResult(
          workspaces == null ? source.label() : source.label() + " + workspace",
          expected,
          thetaTrue,
          luminosity,
          data.count(),
          p.scan().withWarnings(warnings),
          p.fit());
    }
    LimitSource scanned = ProfiledLimits.nominal(source, rate);
    LogLikelihood unbinned = likelihood(scanned, rate, data, luminosity);
    LogLikelihood ll = unbinned;
    String label = source.label();
    Function<double[][], double[]> gridValues =
        points -> evaluator.evaluate(scanned, unbinned, points);
    if (workspaces != null) {
      // the unbinned channel may run as grid tasks; the workspace term is evaluated here, its
      // parameters shared with the file's nuisance parameters at their value here, 0
      LogLikelihood binned = workspaces.term(names, nuisanceNames, thetaTrue, grid);
      ll = new CombinedLikelihood(List.of(unbinned, binned));
      label = label + " + workspace";
      gridValues =
          points -> {
            double[] u = evaluator.evaluate(scanned, unbinned, points);
            double[] w = binned.evaluate(points);
            for (int j = 0; j < u.length; j++) {
              u[j] += w[j];
            }
            return u;
          };
    }
    ScanResult result = LikelihoodScan.run(ll, names, grid, gridValues);
    if (thetaTrue == null) {
      warnings.addAll(ModelValidity.sally(source, rate, result.bestFit(), "the best fit"));
    }
    result = result.withWarnings(warnings);
    return new LimitsResult(label, expected, thetaTrue, luminosity, data.count(), result);
  }

  /**
   * A SALLY source whose score also runs over nuisance parameters bins only its p θ components
   * (docs/math.md §7.5): the nuisance parameters enter through the per-bin morphing of the
   * templates; the ν components would add histogram dimensions the adaptive binning cannot fill.
   */
  static LimitSource thetaScore(LimitSource source, int p) {
    if (source instanceof LimitSource.Histogram h
        && h.summary() instanceof Summary.Score s
        && s.dimension() > p) {
      Summary theta = new Summary.Score(s.estimator(), p);
      BinningSpec binning =
          h.binning().edges() == null && h.binning().reference() == null
              ? BinningSpec.adaptive(p)
              : h.binning();
      return new LimitSource.Histogram(h.label(), theta, binning, h.spec());
    }
    return source;
  }

  /** log L of {@code source} for {@code data}, with σ(θ) (and templates) from {@code rate}. */
  static LogLikelihood likelihood(
      LimitSource source, MorphedEvents rate, Dataset data, double luminosity) {
    if (source instanceof LimitSource.Ratio r) {
      return new ExtendedLikelihood(r.estimator(), data, rate, luminosity);
    }
    if (source instanceof LimitSource.Sallino s) {
      double[] ref = s.thetaRef() != null ? s.thetaRef() : defaultReference(rate);
      return new SallinoLikelihood(rate, s.estimator(), ref, data, luminosity, s.bins());
    }
    LimitSource.Histogram h = (LimitSource.Histogram) source;
    HistogramModel model = histogramModel(rate, h.summary(), h.binning(), luminosity);
    return new BinnedLikelihood(model, model.counts(data, h.summary()));
  }

  /**
   * The histogram model of the baseline: the summary of the whole file binned adaptively at θ_ref
   * (or with the given edges), bin contents morphed in θ.
   */
  public static HistogramModel histogramModel(
      MorphedEvents rate, Summary summary, BinningSpec spec, double luminosity) {
    Binning binning;
    if (spec.edges() != null) {
      binning = new Binning(spec.edges());
      if (binning.dimension() != summary.dimension()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%d sets of bin edges for a %d-dimensional summary (%s); give one per dimension",
                binning.dimension(),
                summary.dimension(),
                summary.label()));
      }
    } else {
      double[] ref = spec.reference() != null ? spec.reference() : defaultReference(rate);
      rate.setup().checkTheta("binning reference", ref);
      binning =
          Binning.adaptive(
              summary.values(rate.sample()),
              summary.dimension(),
              rate.dsigma(ref),
              spec.binsPerDimension());
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

  /**
   * One warning per parameter whose grid leaves the model's trained θ range, after one per
   * parameter whose reference θ1 leaves the trained θ1 range of a doubly parameterised model.
   */
  static List<String> rangeWarnings(RatioEstimator model, ParameterGrid grid, List<String> names) {
    double[][] range = model.thetaRange();
    List<String> out = new ArrayList<>();
    if (model instanceof ReferenceRatioModel r) {
      out.addAll(r.referenceWarnings());
    }
    if (range == null) {
      return out;
    }
    double[] lo = grid.lower();
    double[] hi = grid.upper();
    for (int a = 0; a < Math.min(range.length, lo.length); a++) {
      if (lo[a] < range[a][0] || hi[a] > range[a][1]) {
        out.add(
            String.format(
                Locale.ROOT,
                "the grid of '%s' [%s, %s] leaves the range %s the model was trained on; q there is "
                    + "an extrapolation",
                names.get(a),
                lo[a],
                hi[a],
                Arrays.toString(range[a])));
      }
    }
    return out;
  }

  /** One warning per parameter whose θ_true lies outside the model's trained θ range. */
  static List<String> thetaTrueWarnings(double[][] range, double[] thetaTrue, List<String> names) {
    List<String> out = new ArrayList<>();
    if (range == null) {
      return out;
    }
    for (int a = 0; a < Math.min(range.length, thetaTrue.length); a++) {
      if (thetaTrue[a] < range[a][0] || thetaTrue[a] > range[a][1]) {
        out.add(
            String.format(
                Locale.ROOT,
                "theta-true of '%s' = %s lies outside the range %s the model was trained on; the"
                    + " expected limits there are an extrapolation",
                names.get(a),
                thetaTrue[a],
                Arrays.toString(range[a])));
      }
    }
    return out;
  }
}
