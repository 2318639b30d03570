package org.sbi4j.inference.coverage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.sbi4j.common.Check;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;

/**
 * The library calls behind {@code sbi4j coverage} (docs/cli.md): build the toys, run them on a
 * {@link TaskRunner}, summarise, and plot when asked.
 */
public final class CoverageAnalysis {
  private CoverageAnalysis() {}

  /** The toy settings shared by every kind of likelihood. */
  public record Settings(int toys, long seed, Path plot) {
    public Settings {
      Check.positive("toys", toys);
    }
  }

  /**
   * Coverage of an unbinned likelihood of {@code limits} from the event file at {@code events}.
   *
   * @param grid the fit grid, or null for the parameter ranges
   * @param progress told the number of finished toys, or null
   */
  public static CoverageResult unbinned(
      Path events,
      LimitSource source,
      double[] thetaTrue,
      double luminosity,
      ParameterGrid grid,
      Settings settings,
      TaskRunner runner,
      IntConsumer progress) {
    return unbinned(
        DataFiles.events(events), source, thetaTrue, luminosity, grid, settings, runner, progress);
  }

  /**
   * As {@link #unbinned(Path, LimitSource, double[], double, ParameterGrid, Settings, TaskRunner,
   * IntConsumer)} for events in memory.
   */
  public static CoverageResult unbinned(
      EventSample file,
      LimitSource source,
      double[] thetaTrue,
      double luminosity,
      ParameterGrid grid,
      Settings settings,
      TaskRunner runner,
      IntConsumer progress) {
    EventToys toys = new EventToys(file, source, thetaTrue, luminosity, grid);
    double[] q = CoverageToys.run(toys, settings.toys(), settings.seed(), runner, progress);
    List<String> names = file.setup().orElseThrow().parameterNames();
    CoverageResult r =
        new CoverageResult(
            source.label(),
            names,
            thetaTrue,
            names.size(),
            settings.seed(),
            q,
            toys.expectedEvents(),
            toys.warnings());
    return plotted(r, settings.plot());
  }

  /**
   * Coverage of the profile-likelihood intervals of a workspace's POI ({@link WorkspaceToys}).
   *
   * @param label the source's label (e.g. the workspace file's name)
   * @param muTrue μ_true, or null for the POI's starting value
   * @param nominal nuisances of the toys at their starting values instead of the conditional fit
   */
  public static CoverageResult workspace(
      HistFactoryModel model,
      String label,
      Double muTrue,
      boolean nominal,
      Settings settings,
      TaskRunner runner,
      IntConsumer progress) {
    double mu = muTrue != null ? muTrue : model.inits()[model.poiIndex()];
    WorkspaceToys toys = new WorkspaceToys(model, mu, nominal);
    double[] q = CoverageToys.run(toys, settings.toys(), settings.seed(), runner, progress);
    List<String> warnings = new ArrayList<>();
    CoverageResult r =
        new CoverageResult(
            label,
            List.of(model.poi()),
            new double[] {mu},
            1,
            settings.seed(),
            q,
            Double.NaN,
            warnings);
    return plotted(r, settings.plot());
  }

  private static CoverageResult plotted(CoverageResult r, Path plot) {
    if (plot != null) {
      CoveragePlot.figure(r).save(plot);
    }
    return r;
  }
}
