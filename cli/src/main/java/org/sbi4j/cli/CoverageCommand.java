package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.common.Progress;
import org.sbi4j.inference.coverage.CoverageAnalysis;
import org.sbi4j.inference.coverage.CoverageResult;
import org.sbi4j.inference.histfactory.WorkspaceSteps;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.SourceSpec;
import org.sbi4j.inference.limits.Wilks;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j coverage}: coverage of Wilks intervals by pseudo-experiments (docs/cli.md). */
@Command(
    name = "coverage",
    mixinStandardHelpOptions = true,
    description =
        "Coverage of the 68 %/95 % Wilks intervals by toys at θ_true, and q(θ_true) against χ²_k.")
final class CoverageCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Mixin RunnerOptions runner;

  @Mixin Bars bars;

  @Mixin SeedOption seed;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description = "Weighted event file: σ(θ), and the test partition the toys are drawn from.")
  Path events;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "A trained ratio or SALLY model folder.")
  Path model;

  @Option(
      names = "--histogram",
      paramLabel = "OBS[,OBS]",
      description = "Histogram baseline on one or two observables.")
  String histogram;

  @Option(
      names = "--exact",
      paramLabel = "PROCESS",
      description =
          "The exact likelihood of a built-in process (interference-1d, interference-2d).")
  String exact;

  @Option(
      names = "--theta-true",
      split = ",",
      paramLabel = "T",
      description = "θ_true the toys are drawn at, comma-separated.")
  double[] thetaTrue;

  @Option(
      names = "--luminosity",
      paramLabel = "L",
      description = "Integrated luminosity in pb⁻¹ (unbinned likelihoods).")
  Double luminosity;

  @Option(
      names = "--bins",
      paramLabel = "N",
      description = "Adaptive histogram bins per dimension (default 80 in 1D, 12 in 2D).")
  Integer bins;

  @Option(
      names = "--grid",
      paramLabel = "lo:hi:n[,lo:hi:n]",
      description =
          "Box and start points of each toy's fit (default: the parameter ranges, 41 points in"
              + " 1D, 15 per axis in 2D).")
  String grid;

  @Option(
      names = "--workspace",
      paramLabel = "WS.json",
      description = "pyhf JSON workspace: coverage of the POI's profile-likelihood intervals.")
  Path workspace;

  @Option(
      names = "--interp",
      paramLabel = "SPEC",
      description =
          "Workspace interpolation codes, as in 'sbi4j workspace' (default normsys=code4,"
              + "histosys=code4p).")
  String interp;

  @Option(
      names = "--poi-value",
      paramLabel = "MU",
      description = "μ_true of workspace toys (default: the POI's starting value).")
  Double poiValue;

  @Option(
      names = "--nominal-nuisances",
      description =
          "Draw workspace toys with the nuisances at their nominal values (default: their"
              + " conditional fit to the observed data at μ_true).")
  boolean nominalNuisances;

  @Option(
      names = "--toys",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Pseudo-experiments (default ${DEFAULT-VALUE}).")
  int toys;

  @Option(
      names = "--plot",
      paramLabel = "PREFIX",
      description = "Writes PREFIX.png and PREFIX.svg: q(θ_true) of the toys against χ²_k.")
  Path plot;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of(
            "events",
            "--events",
            "theta-true",
            "--theta-true",
            "luminosity",
            "--luminosity",
            "grid",
            "--grid",
            "histogram",
            "--histogram",
            "model",
            "--model",
            "bins per dimension",
            "--bins",
            "toys",
            "--toys",
            "poi value",
            "--poi-value",
            "interpolation",
            "--interp",
            "threads",
            "--threads")
        .with("modelFolder", "--model", "train one with 'sbi4j train --out DIR'");
  }

  @Override
  public void declare(Outputs o) {
    common
        .declare(o)
        .input("--events", events)
        .input("--model", model)
        .input("--workspace", workspace)
        .prefix("--plot", plot, ".png", ".svg");
  }

  @Override
  public Integer call() {
    boolean onWorkspace = workspace != null;
    if (runner.master != null) {
      // the toys hold the opened likelihood (models, workspaces), which is not serialisable
      throw new IllegalArgumentException(
          "--master: coverage toys run on local threads only; drop --master and use --threads N");
    }
    CoverageAnalysis.Settings settings = settings();
    // a failed run exits without closing the bar: its drawing thread does not hold the JVM
    Progress bar = bars.start("coverage", toys, "toys");
    long[] shown = {0};
    IntConsumer progress =
        done -> {
          bar.step(done - shown[0]);
          shown[0] = done;
        };
    CoverageResult result;
    if (onWorkspace) {
      requireNone(
          "--workspace",
          new Object[] {events, model, histogram, exact, thetaTrue, luminosity, bins, grid},
          "--events, --model, --histogram, --exact, --theta-true, --luminosity, --bins or"
              + " --grid");
      result =
          runner.run(
              "coverage",
              tasks ->
                  CoverageAnalysis.workspace(
                      WorkspaceSteps.model(workspace, interp),
                      workspace.getFileName().toString(),
                      poiValue,
                      nominalNuisances,
                      settings,
                      tasks,
                      progress));
    } else {
      if (poiValue != null || nominalNuisances || interp != null) {
        throw new IllegalArgumentException(
            "--poi-value, --nominal-nuisances and --interp belong to workspace toys; give"
                + " --workspace WS.json, or drop them for --events toys");
      }
      LimitSource source = source();
      if (thetaTrue == null) {
        throw new IllegalArgumentException(
            "--theta-true is missing: give the true point the toys are drawn at, e.g."
                + " --theta-true 0.5");
      }
      if (luminosity == null) {
        throw new IllegalArgumentException(
            "--luminosity is missing: give the integrated luminosity in pb⁻¹, e.g. --luminosity"
                + " 100");
      }
      ParameterGrid fitGrid = grid == null ? null : ParameterGrid.parse(grid);
      result =
          runner.run(
              "coverage",
              tasks ->
                  CoverageAnalysis.unbinned(
                      events, source, thetaTrue, luminosity, fitGrid, settings, tasks, progress));
    }
    bar.close();
    Map<String, Object> json = result.summary();
    List<String> plots = new ArrayList<>();
    if (plot != null) {
      plots.add(plot + ".png");
      plots.add(plot + ".svg");
    }
    json.put("plotFiles", plots);
    common.report(
        result.warnings(),
        json,
        () -> {
          System.out.printf(
              Locale.ROOT,
              "%s, %d toys at %s: coverage 68%% %.4f ± %.4f, 95%% %.4f ± %.4f; KS p (χ²_%d)"
                  + " %.3g%n",
              result.source(),
              result.toys(),
              java.util.Arrays.toString(result.thetaTrue()),
              result.coverage(Wilks.CL68),
              result.coverageError(Wilks.CL68),
              result.coverage(Wilks.CL95),
              result.coverageError(Wilks.CL95),
              result.degreesOfFreedom(),
              result.ksPValue());
          if (!plots.isEmpty()) {
            System.out.println("plot: " + String.join(", ", plots));
          }
        });
    return 0;
  }

  private CoverageAnalysis.Settings settings() {
    // every toy keeps its q (a double, boxed while the batches return)
    MemoryBudget.require("toys", "toys", toys, 32, "use fewer toys");
    return new CoverageAnalysis.Settings(toys, seed.value, plot);
  }

  /** The one unbinned source the options name. */
  private LimitSource source() {
    int given = (model != null ? 1 : 0) + (histogram != null ? 1 : 0) + (exact != null ? 1 : 0);
    if (events == null || given != 1) {
      throw new IllegalArgumentException(
          given > 1
              ? "give one likelihood per coverage run: --model DIR, --histogram OBS[,OBS] or"
                  + " --exact PROCESS, not several"
              : "coverage needs --workspace WS.json, or --events FILE with one of --model DIR,"
                  + " --histogram OBS[,OBS] or --exact PROCESS");
    }
    if (model != null) {
      return ModelSources.limitSource(CommonOptions.modelFolder(model));
    }
    if (histogram != null) {
      return ModelSources.open(new SourceSpec.Histogram(List.of(histogram.split(",")), bins));
    }
    Simulator sim;
    try {
      sim = Simulators.byName(exact);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--exact: " + e.getMessage(), e);
    }
    List<Parameter> ps = sim.setup().parameters();
    double[] reference = new double[ps.size()];
    for (int a = 0; a < reference.length; a++) {
      Parameter p = ps.get(a);
      reference[a] = p.contains(0) ? 0 : 0.5 * (p.min() + p.max());
    }
    return new LimitSource.Ratio("exact " + sim.name(), new ExactRatio(sim, reference));
  }

  private static void requireNone(String mode, Object[] values, String names) {
    for (Object v : values) {
      if (v != null) {
        throw new IllegalArgumentException(
            mode + " toys take none of " + names + "; drop them (they belong to --events toys)");
      }
    }
  }
}
