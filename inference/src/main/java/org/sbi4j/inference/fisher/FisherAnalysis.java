package org.sbi4j.inference.fisher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.inference.internal.Partitions;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.plot.FisherPlot;
import org.sbi4j.samples.EventSample;

/** {@code sbi4j fisher}: reads the event file and computes the requested Fisher information. */
public final class FisherAnalysis {
  private FisherAnalysis() {}

  /** Computes the Fisher matrix of the request (and its plot when asked). */
  public static FisherMatrix compute(FisherRequest r) {
    EventSample file = DataFiles.events(r.events());
    MorphedEvents events = new MorphedEvents(file);
    events.setup().checkTheta("theta", r.theta());
    FisherMatrix f =
        switch (r.kind()) {
          case TRUTH -> FisherInformation.truth(events, r.theta(), r.luminosity());
          case RATE -> FisherInformation.rate(events, r.theta(), r.luminosity());
          case SALLY ->
              FisherInformation.sally(
                  events,
                  new MorphedEvents(Partitions.test(file)),
                  r.model(),
                  r.theta(),
                  r.luminosity());
          case HISTOGRAM -> {
            List<String> obs =
                r.observables() != null ? r.observables() : List.of(file.observables().get(0));
            Summary s = new Summary.Observed(obs);
            BinningSpec spec = r.binning() != null ? r.binning() : BinningSpec.adaptive(obs.size());
            yield FisherInformation.histogram(
                Limits.histogramModel(events, s, spec, r.luminosity()), r.theta());
          }
        };
    if (r.profile() != null) {
      f = f.profile(r.profile());
    } else if (r.project() != null) {
      f = f.project(r.project());
    }
    if (r.plot() != null && invertible(f)) {
      FisherPlot.write(f, centre(r.theta(), events.setup().parameterNames(), f), r.plot());
    }
    return f;
  }

  /** θ restricted to the parameters f keeps. */
  private static double[] centre(double[] theta, List<String> all, FisherMatrix f) {
    return f.parameters().stream().mapToDouble(n -> theta[all.indexOf(n)]).toArray();
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
    out.put("warnings", warnings);
    if (r.plot() != null && cov != null) {
      out.put("plots", List.of(r.plot() + ".png", r.plot() + ".svg"));
    }
    return out;
  }
}
