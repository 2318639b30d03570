package org.sbi4j.inference.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.Progress;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.fisher.FisherInformation;
import org.sbi4j.inference.fisher.FisherKind;
import org.sbi4j.inference.fisher.FisherMatrix;
import org.sbi4j.inference.fisher.NuisanceFisher;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.plot.LimitsPlot;
import org.sbi4j.samples.EventSample;

/** {@code sbi4j limits}: reads the files, computes every requested limit, plots them. */
public final class LimitsAnalysis {
  private LimitsAnalysis() {}

  /** Runs the request in this JVM; see {@link LimitsRequest}. */
  public static LimitsReport run(LimitsRequest request) {
    return run(request, null);
  }

  /**
   * Runs the request with the grids evaluated in blocks on {@code runner} ({@link GridTasks}); with
   * null or a {@link LocalTaskRunner} the grid is one block evaluated in this JVM (the ratio kernel
   * already runs the points on all cores), which gives the same numbers without reading the files
   * again. The best fit, intervals, Fisher overlay and plot run here.
   */
  public static LimitsReport run(LimitsRequest request, TaskRunner runner) {
    return run(request, runner, Progress.Factory.NONE);
  }

  /**
   * As {@link #run(LimitsRequest, TaskRunner)}, counting the grid scans (each source, expected and
   * observed) on a progress {@code bars} opens.
   */
  public static LimitsReport run(LimitsRequest request, TaskRunner runner, Progress.Factory bars) {
    int scans =
        request.sources().size()
            * ((request.thetaTrue() != null ? 1 : 0) + (request.observed() != null ? 1 : 0));
    try (Progress progress = bars.start("limits", scans, "grids")) {
      return run(request, runner, progress);
    }
  }

  private static LimitsReport run(LimitsRequest request, TaskRunner runner, Progress progress) {
    boolean local = runner == null || runner instanceof LocalTaskRunner;
    EventSample file = DataFiles.events(request.events());
    EventSample data = request.observed() == null ? null : DataFiles.observed(request.observed());
    WorkspaceChannels workspaces =
        request.workspaces().isEmpty()
            ? null
            : WorkspaceChannels.open(request.workspaces(), request.workspaceMap());
    List<LimitsResult> results = new ArrayList<>();
    Map<Integer, EnsembleBand> bands = new LinkedHashMap<>();
    if (request.thetaTrue() != null) {
      for (LimitSource s : request.sources()) {
        results.add(
            Limits.expected(
                file,
                s,
                request.thetaTrue(),
                request.luminosity(),
                request.grid(),
                local
                    ? GridEvaluator.LOCAL
                    : GridTasks.expected(
                        runner, request.events(), request.thetaTrue(), request.luminosity()),
                workspaces,
                request.nuisances()));
        // an ensemble's members, each alone, for the band (docs/math.md §10.5)
        EnsembleBand band =
            EnsembleBand.of(
                s,
                m ->
                    Limits.expected(
                        file,
                        m,
                        request.thetaTrue(),
                        request.luminosity(),
                        request.grid(),
                        GridEvaluator.LOCAL,
                        workspaces,
                        request.nuisances()));
        if (band != null) {
          bands.put(results.size() - 1, band);
        }
        progress.step();
      }
    }
    if (data != null) {
      for (LimitSource s : request.sources()) {
        results.add(
            Limits.observed(
                file,
                data,
                s,
                request.luminosity(),
                request.grid(),
                local
                    ? GridEvaluator.LOCAL
                    : GridTasks.observed(
                        runner, request.events(), request.observed(), request.luminosity()),
                workspaces,
                request.nuisances()));
        EnsembleBand band =
            EnsembleBand.of(
                s,
                m ->
                    Limits.observed(
                        file,
                        data,
                        m,
                        request.luminosity(),
                        request.grid(),
                        GridEvaluator.LOCAL,
                        workspaces,
                        request.nuisances()));
        if (band != null) {
          bands.put(results.size() - 1, band);
        }
        progress.step();
      }
    }
    FisherMatrix fisher = null;
    double[] centre = request.thetaTrue();
    if (request.fisher() != null) {
      if (centre == null) {
        centre = results.get(0).scan().bestFit();
      }
      MorphedEvents events = new MorphedEvents(file);
      List<String> nuisances = file.nuisances().names();
      if (!nuisances.isEmpty() && request.nuisances().profile()) {
        // the Cramér–Rao expectation with the nuisance parameters profiled (docs/math.md §7.6)
        NuisanceFisher nf =
            new NuisanceFisher(
                events,
                file.nuisanceMorphing(request.nuisances().policy()),
                nuisances,
                request.nuisances().values(nuisances));
        FisherMatrix full =
            request.fisher() == FisherKind.RATE
                ? nf.rate(centre, request.luminosity())
                : nf.truth(centre, request.luminosity());
        fisher = full.profile(events.setup().parameterNames());
      } else {
        fisher =
            request.fisher() == FisherKind.RATE
                ? FisherInformation.rate(events, centre, request.luminosity())
                : FisherInformation.truth(events, centre, request.luminosity());
      }
    }
    List<String> plots = new ArrayList<>();
    if (request.plot() != null) {
      LimitsPlot.write(results, bands, fisher, centre, request.plot());
      plots.add(request.plot() + ".png");
      plots.add(request.plot() + ".svg");
    }
    return new LimitsReport(
        results,
        fisher,
        plots,
        workspaces == null ? null : workspaces.summary(results.get(0).scan().parameters()),
        bands);
  }
}
