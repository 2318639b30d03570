package org.sbi4j.inference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.inference.plot.LimitsPlot;
import org.sbi4j.samples.EventSample;

/** {@code sbi4j limits}: reads the files, computes every requested limit, plots them. */
public final class LimitsAnalysis {
  private LimitsAnalysis() {}

  /** Runs the request; see {@link LimitsRequest}. */
  public static LimitsReport run(LimitsRequest request) {
    EventSample file = DataFiles.events(request.events());
    EventSample data = request.observed() == null ? null : DataFiles.observed(request.observed());
    List<LimitsResult> results = new ArrayList<>();
    if (request.thetaTrue() != null) {
      for (LimitSource s : request.sources()) {
        results.add(Limits.expected(file, s, request.thetaTrue(), request.luminosity(),
            request.grid()));
      }
    }
    if (data != null) {
      for (LimitSource s : request.sources()) {
        results.add(Limits.observed(file, data, s, request.luminosity(), request.grid()));
      }
    }
    FisherMatrix fisher = null;
    double[] centre = request.thetaTrue();
    if (request.fisher() != null) {
      if (centre == null) {
        centre = results.get(0).scan().bestFit();
      }
      MorphedEvents events = new MorphedEvents(file);
      fisher = request.fisher() == FisherKind.RATE
          ? FisherInformation.rate(events, centre, request.luminosity())
          : FisherInformation.truth(events, centre, request.luminosity());
    }
    List<String> plots = new ArrayList<>();
    if (request.plot() != null) {
      LimitsPlot.write(results, fisher, centre, request.plot());
      plots.add(request.plot() + ".png");
      plots.add(request.plot() + ".svg");
    }
    return new LimitsReport(results, fisher, plots);
  }
}
