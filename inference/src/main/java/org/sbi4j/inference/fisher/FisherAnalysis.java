package org.sbi4j.inference.fisher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.internal.Partitions;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.ModelValidity;
import org.sbi4j.inference.plot.FisherPlot;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;

/** {@code sbi4j fisher}: reads the event file and computes the requested Fisher information. */
public final class FisherAnalysis {
  private FisherAnalysis() {}

  /**
   * A Fisher matrix and the nuisance parameters among its parameters.
   *
   * @param matrix the information (over θ ⊕ ν with nuisance parameters, constraint included)
   * @param nuisances the nuisance parameters among {@code matrix.parameters()}, in order
   * @param ensemble kind model: the members' matrices, their mean (the unprofiled {@code matrix})
   *     and its covariance; else null
   */
  public record Result(FisherMatrix matrix, List<String> nuisances, ModelFisher.Ensemble ensemble) {
    public Result {
      nuisances = List.copyOf(nuisances);
    }

    /** A result without an ensemble (every kind but model). */
    public Result(FisherMatrix matrix, List<String> nuisances) {
      this(matrix, nuisances, null);
    }
  }

  /** Computes the Fisher matrix of the request (and its plot when asked). */
  public static FisherMatrix compute(FisherRequest r) {
    return run(r).matrix();
  }

  /** As {@link #compute}, saying which of the matrix's parameters are nuisance parameters. */
  public static Result run(FisherRequest r) {
    EventSample file = DataFiles.events(r.events());
    MorphedEvents events = new MorphedEvents(file);
    events.setup().checkTheta("theta", r.theta());
    List<String> nuisances = file.nuisances().names();
    double[] fixed = r.nuisances().values(nuisances);
    boolean profiled = !nuisances.isEmpty() && r.nuisances().profile();
    ModelFisher.Ensemble ensemble = null;
    FisherMatrix f;
    if (r.kind() == FisherKind.MODEL) {
      if (profiled) {
        throw new InvalidValueException(
            "ratioModel",
            "the model Fisher information does not profile nuisance parameters; fix them (e.g."
                + " at their nominal values) or use kind truth or sally");
      }
      ensemble =
          ModelFisher.ensemble(
              events,
              new MorphedEvents(Partitions.test(file)),
              (RatioEstimator) r.model(),
              r.theta(),
              r.luminosity());
      f = ensemble.mean();
    } else {
      f = profiled ? withNuisances(r, file, events, fixed) : withoutNuisances(r, file, events);
    }
    f = withValidity(r, f, events);
    if (r.profile() != null) {
      f = f.profile(r.profile());
    } else if (r.project() != null) {
      f = f.project(r.project());
    }
    if (r.plot() != null && invertible(f)) {
      FisherPlot.write(f, centre(r.theta(), events.setup().parameterNames(), f), r.plot());
    }
    return new Result(f, f.parameters().stream().filter(nuisances::contains).toList(), ensemble);
  }

  /** {@code f} with the warnings of a model asked where it was not trained (ModelValidity). */
  private static FisherMatrix withValidity(FisherRequest r, FisherMatrix f, MorphedEvents events) {
    List<String> extra =
        switch (r.kind()) {
          case SALLY ->
              ModelValidity.nearReference(
                  ((ScoreEstimator) r.model()).thetaRef(),
                  r.theta(),
                  events.setup().parameters(),
                  "theta");
          case MODEL ->
              ModelValidity.insideRange(
                  ((RatioEstimator) r.model()).thetaRange(),
                  r.theta(),
                  events.setup().parameterNames(),
                  "theta");
          default -> List.of();
        };
    if (extra.isEmpty()) {
      return f;
    }
    List<String> warnings = new ArrayList<>(f.warnings());
    warnings.addAll(extra);
    return new FisherMatrix(f.parameters(), f.matrix(), warnings);
  }

  /** Over θ ⊕ the free ν at the nominal ν, constraint included (docs/math.md §7.6). */
  private static FisherMatrix withNuisances(
      FisherRequest r, EventSample file, MorphedEvents events, double[] fixed) {
    NuisanceMorphing.Policy policy = r.nuisances().policy();
    NuisanceFisher nf =
        new NuisanceFisher(events, file.nuisanceMorphing(policy), file.nuisances().names(), fixed);
    return switch (r.kind()) {
      case TRUTH -> nf.truth(r.theta(), r.luminosity());
      case RATE -> nf.rate(r.theta(), r.luminosity());
      case SALLY -> {
        EventSample test = Partitions.test(file);
        yield nf.sally(
            new MorphedEvents(test),
            test.nuisanceMorphing(policy),
            (ScoreEstimator) r.model(),
            r.theta(),
            r.luminosity());
      }
      case MODEL -> throw new IllegalStateException("kind model is computed by ModelFisher");
      case HISTOGRAM -> {
        Summary s = histogramSummary(r, file);
        yield nf.histogram(
            Limits.histogramModel(events, s, histogramBinning(r, s), r.luminosity()),
            s,
            r.theta(),
            policy);
      }
    };
  }

  private static Summary histogramSummary(FisherRequest r, EventSample file) {
    return new Summary.Observed(
        r.observables() != null ? r.observables() : List.of(file.observables().get(0)));
  }

  private static BinningSpec histogramBinning(FisherRequest r, Summary s) {
    return r.binning() != null ? r.binning() : BinningSpec.adaptive(s.dimension());
  }

  private static FisherMatrix withoutNuisances(
      FisherRequest r, EventSample file, MorphedEvents events) {
    return switch (r.kind()) {
      case TRUTH -> FisherInformation.truth(events, r.theta(), r.luminosity());
      case RATE -> FisherInformation.rate(events, r.theta(), r.luminosity());
      case SALLY ->
          FisherInformation.sally(
              events,
              new MorphedEvents(Partitions.test(file)),
              (ScoreEstimator) r.model(),
              r.theta(),
              r.luminosity());
      case MODEL -> throw new IllegalStateException("kind model is computed by ModelFisher");
      case HISTOGRAM -> {
        Summary s = histogramSummary(r, file);
        yield FisherInformation.histogram(
            Limits.histogramModel(events, s, histogramBinning(r, s), r.luminosity()), r.theta());
      }
    };
  }

  /** θ restricted to the parameters f keeps. */
  private static double[] centre(double[] theta, List<String> all, FisherMatrix f) {
    return f.parameters().stream()
        .mapToDouble(n -> all.contains(n) ? theta[all.indexOf(n)] : 0)
        .toArray();
  }

  private static boolean invertible(FisherMatrix f) {
    try {
      f.covariance();
      return true;
    } catch (IllegalArgumentException singular) {
      return false;
    }
  }

  /**
   * The JSON of docs/cli.md: {@code matrix} (p × p) and {@code covariance} (I⁻¹, or null with a
   * warning when I is singular), plus {@code parameters}, {@code kind}, {@code theta}, {@code
   * luminosity}, {@code warnings}.
   */
  public static Map<String, Object> summary(FisherRequest r, FisherMatrix f) {
    return summary(r, new Result(f, List.of()));
  }

  /**
   * As {@link #summary(FisherRequest, FisherMatrix)}; for kind model also {@code ensembleSize},
   * {@code memberMatrices} (one p × p matrix per member) and {@code matrixCovariance} (the p² × p²
   * covariance of the mean matrix, row and column i·p + j; null for one member); when the matrix
   * has nuisance parameters and θ too, also {@code nuisanceParameters}, {@code profiledParameters}
   * (θ), {@code profiledMatrix} (I_θθ − I_θν I_νν⁻¹ I_νθ) and {@code profiledCovariance} (its
   * inverse, or null with a warning).
   */
  public static Map<String, Object> summary(FisherRequest r, Result result) {
    FisherMatrix f = result.matrix();
    Map<String, Object> out = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>(f.warnings());
    out.put("parameters", f.parameters());
    out.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
    out.put("theta", r.theta());
    out.put("luminosity", r.luminosity());
    out.put("matrix", f.matrix());
    double[][] cov = null;
    try {
      cov = f.covariance();
    } catch (IllegalArgumentException singular) {
      warnings.add(singular.getMessage());
    }
    out.put("covariance", cov);
    List<String> nuisances = result.nuisances();
    if (!nuisances.isEmpty() && nuisances.size() < f.parameters().size()) {
      List<String> theta = f.parameters().stream().filter(n -> !nuisances.contains(n)).toList();
      FisherMatrix prof = f.profile(theta);
      out.put("nuisanceParameters", nuisances);
      out.put("profiledParameters", theta);
      out.put("profiledMatrix", prof.matrix());
      double[][] profCov = null;
      try {
        profCov = prof.covariance();
      } catch (IllegalArgumentException singular) {
        warnings.add(singular.getMessage());
      }
      out.put("profiledCovariance", profCov);
    }
    ModelFisher.Ensemble ensemble = result.ensemble();
    if (ensemble != null) {
      out.put("ensembleSize", ensemble.members().size());
      out.put("memberMatrices", ensemble.members());
      out.put("matrixCovariance", ensemble.covariance());
    }
    out.put("warnings", warnings);
    if (r.plot() != null && cov != null) {
      out.put("plots", List.of(r.plot() + ".png", r.plot() + ".svg"));
    }
    return out;
  }
}
