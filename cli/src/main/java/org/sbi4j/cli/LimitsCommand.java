package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sbi4j.inference.diagnostics.CalibratedRatio;
import org.sbi4j.inference.diagnostics.NormalizedRatio;
import org.sbi4j.inference.fisher.FisherKind;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.limits.Interval;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.LimitsAnalysis;
import org.sbi4j.inference.limits.LimitsReport;
import org.sbi4j.inference.limits.LimitsRequest;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.SourceSpec;
import org.sbi4j.samples.EventSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j limits}: expected or observed limits (docs/cli.md). */
@Command(
    name = "limits",
    mixinStandardHelpOptions = true,
    description = "Expected (Asimov) or observed limits from ratio models or histograms.")
final class LimitsCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Mixin RunnerOptions runner;

  @Mixin Bars bars;

  @Mixin RateOptions rates;

  @Mixin NuisanceOptions nuisances;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "A trained ratio or SALLY model folder (repeat for several methods).")
  List<Path> models = new ArrayList<>();

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "How SALLY models (--model) enter: sally (histograms of t̂, default) or sallino (per θ,"
              + " histograms of t̂·(θ − θ_ref)).")
  String mode;

  @Option(
      names = "--theta1",
      split = ",",
      paramLabel = "T",
      description =
          "Reference θ1 of doubly parameterised --model folders, comma-separated (default: the"
              + " centre of each model's trained θ1 range).")
  double[] theta1;

  @Option(
      names = "--histogram",
      paramLabel = "OBS[,OBS]",
      description = "Histogram baseline on one or two observables (repeatable).")
  List<String> histograms = new ArrayList<>();

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE",
      description = "Weighted event file; its test partition gives the expected (Asimov) data.")
  Path events;

  @Option(
      names = "--theta-true",
      split = ",",
      paramLabel = "T",
      description = "θ_true of the expected limits, comma-separated.")
  double[] thetaTrue;

  @Option(
      names = "--observed",
      paramLabel = "DATA",
      description = "Data file for observed limits (event file, plain .h5 or .csv).")
  Path observed;

  @Option(
      names = "--grid",
      required = true,
      paramLabel = "lo:hi:n[,lo:hi:n]",
      description = "Scan grid, one lo:hi:n per parameter.")
  String grid;

  @Option(
      names = "--fisher",
      paramLabel = "KIND",
      description = "Also draw the Cramér–Rao expectation of this Fisher kind: truth or rate.")
  String fisher;

  @Option(
      names = "--workspace",
      paramLabel = "WS.json",
      description =
          "pyhf JSON workspace whose channels join every method's likelihood (repeatable; θ"
              + " shared by name, its other parameters profiled).")
  List<Path> workspaces = new ArrayList<>();

  @Option(
      names = "--workspace-map",
      split = ",",
      paramLabel = "PAR=THETA",
      description =
          "A workspace parameter that stands for a θ component of another name, e.g. mu=theta"
              + " (repeatable).")
  List<String> workspaceMap = new ArrayList<>();

  @Option(
      names = "--calibrate",
      description =
          "Replace each ratio model by its histogram-calibrated ratio (CARL), calibrated on the"
              + " validation partition of --events.")
  boolean calibrate;

  @Option(
      names = "--normalize",
      description =
          "Normalise each ratio model per θ, r̂(x|θ) / Σ v_i r̂(x_i|θ) over the validation partition"
              + " of --events weighted to θ1 (θ = 0, or the centre of the ranges), so that its"
              + " mean under θ1 is 1 as for the exact ratio.")
  boolean normalize;

  @Option(
      names = "--plot",
      defaultValue = "limits",
      paramLabel = "PREFIX",
      description = "Writes PREFIX.png and PREFIX.svg (default ${DEFAULT-VALUE}).")
  Path plot;

  @Override
  public OptionMap optionMap() {
    return NuisanceOptions.with(
        OptionMap.of(
                "events",
                "--events",
                "sources",
                "--model DIR or --histogram OBS[,OBS]",
                "thetaTrue",
                "--theta-true or --observed",
                "theta-true",
                "--theta-true",
                "luminosity",
                "--luminosity",
                "grid",
                "--grid",
                "fisher",
                "--fisher",
                "model",
                "--model",
                "theta1",
                "--theta1",
                "histogram",
                "--histogram",
                "bins per dimension",
                "--bins",
                "threads",
                "--threads",
                "workspaces",
                "--workspace",
                "workspace map",
                "--workspace-map",
                "calibrate",
                "--calibrate",
                "calibration events",
                "--events",
                "normalize",
                "--normalize",
                "normalization events",
                "--events")
            .with("modelFolder", "--model", "train one with 'sbi4j train --out DIR'"));
  }

  @Override
  public void declare(Outputs o) {
    common
        .declare(o)
        .inputs("--model", models)
        .input("--events", events)
        .input("--observed", observed)
        .inputs("--workspace", workspaces)
        .prefix("--plot", plot, ".png", ".svg");
  }

  @Override
  public Integer call() {
    List<LimitSource> sources = new ArrayList<>();
    boolean sallino = sallino(mode, models);
    if (calibrate && normalize) {
      throw new IllegalArgumentException(
          "--normalize with --calibrate: a calibrated ratio is already normalised per θ; give one"
              + " of them");
    }
    EventSample calibrationFile = calibrate || normalize ? DataFiles.events(events) : null;
    for (Path m : models) {
      Path dir = CommonOptions.modelFolder(m);
      LimitSource s =
          sallino ? ModelSources.sallino(dir, rates.bins) : ModelSources.limitSource(dir, theta1);
      if (calibrate) {
        s = CalibratedRatio.calibrate(s, calibrationFile);
      } else if (normalize) {
        s = NormalizedRatio.normalize(s, calibrationFile);
      }
      sources.add(s);
    }
    for (String h : histograms) {
      sources.add(ModelSources.open(new SourceSpec.Histogram(List.of(h.split(",")), rates.bins)));
    }
    LimitsRequest request =
        new LimitsRequest(
            events,
            sources,
            thetaTrue,
            observed,
            rates.luminosity,
            ParameterGrid.parse(grid),
            fisher == null ? null : FisherKind.parse(fisher),
            plot,
            workspaces,
            renames(workspaceMap),
            nuisances.settings());
    LimitsReport report = runner.run("limits", tasks -> LimitsAnalysis.run(request, tasks, bars));
    common.report(
        ShuffleWarning.plus(events, report.warnings()),
        report.summary(),
        () -> {
          for (LimitsResult r : report.results()) {
            r.scan()
                .intervals()
                .forEach(
                    (name, iv) ->
                        System.out.printf(
                            Locale.ROOT,
                            "%s %s: best fit %s = %.4g; 68%% %s, 95%% %s%n",
                            r.method(),
                            r.expected() ? "expected" : "observed",
                            name,
                            r.scan().bestFit()[r.scan().parameters().indexOf(name)],
                            text(iv.cl68()),
                            text(iv.cl95())));
            if (r.nuisances() != null) {
              System.out.printf(
                  Locale.ROOT,
                  "%s %s: nuisance parameters at the best fit %s%s%n",
                  r.method(),
                  r.expected() ? "expected" : "observed",
                  r.nuisances().bestFitByName(),
                  r.nuisances().fixed().isEmpty() ? "" : ", fixed " + r.nuisances().fixed());
            }
          }
          System.out.println("plot: " + String.join(", ", report.plotFiles()));
        });
    return 0;
  }

  /** Whether --mode asks for SALLINO; refuses unknown modes and a mode without --model. */
  static boolean sallino(String mode, List<Path> models) {
    if (mode == null) {
      return false;
    }
    String m = mode.trim().toLowerCase(Locale.ROOT);
    if (!m.equals("sally") && !m.equals("sallino")) {
      throw new IllegalArgumentException(
          "--mode: unknown mode '" + mode + "'; use sally or sallino");
    }
    if (models.isEmpty()) {
      throw new IllegalArgumentException(
          "--mode " + m + " applies to SALLY model folders; give them with --model DIR");
    }
    return m.equals("sallino");
  }

  /** PAR=THETA entries as a map, refusing malformed and repeated entries. */
  static Map<String, String> renames(List<String> entries) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String e : entries) {
      String[] kv = e.split("=", -1);
      if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
        throw new IllegalArgumentException(
            "--workspace-map: '" + e + "' is not PAR=THETA (e.g. mu=theta)");
      }
      if (out.put(kv[0].trim(), kv[1].trim()) != null) {
        throw new IllegalArgumentException(
            "--workspace-map: workspace parameter '" + kv[0].trim() + "' is mapped twice");
      }
    }
    return out;
  }

  private static String text(Interval i) {
    return String.format(Locale.ROOT, "[%.4g, %.4g]", i.lower(), i.upper());
  }
}
