package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sbi4j.inference.fisher.FisherAnalysis;
import org.sbi4j.inference.fisher.FisherKind;
import org.sbi4j.inference.fisher.FisherMatrix;
import org.sbi4j.inference.fisher.FisherRequest;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.samples.estimators.Estimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j fisher}: Fisher information (docs/cli.md). */
@Command(
    name = "fisher",
    mixinStandardHelpOptions = true,
    description =
        "Fisher information (truth, rate, histogram, SALLY or a ratio model) and its Cramér–Rao"
            + " bound.")
final class FisherCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Mixin RateOptions rates;

  @Mixin NuisanceOptions nuisances;

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE",
      description = "Weighted event file.")
  Path events;

  @Option(
      names = "--theta",
      required = true,
      split = ",",
      paramLabel = "T",
      description = "θ at which to compute the information, comma-separated.")
  double[] theta;

  @Option(
      names = "--kind",
      defaultValue = "truth",
      paramLabel = "KIND",
      description = "truth, rate, histogram, sally or model (default ${DEFAULT-VALUE}).")
  String kind;

  @Option(
      names = "--histogram",
      paramLabel = "OBS[,OBS]",
      description = "Observables of --kind histogram (default: the first observable).")
  String histogram;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "SALLY model folder (--kind sally) or ratio model folder (--kind model).")
  Path model;

  @Option(
      names = "--plot",
      paramLabel = "PREFIX",
      description = "Writes the Cramér–Rao plot to PREFIX.png and PREFIX.svg.")
  Path plot;

  @Option(
      names = "--profile",
      split = ",",
      paramLabel = "P",
      description = "Keep these parameters and profile the others (Schur complement).")
  List<String> profile;

  @Option(
      names = "--project",
      split = ",",
      paramLabel = "P",
      description = "Keep these parameters with the others fixed (sub-matrix).")
  List<String> project;

  @Override
  public OptionMap optionMap() {
    return NuisanceOptions.with(
        OptionMap.of(
                "events",
                "--events",
                "theta",
                "--theta",
                "kind",
                "--kind",
                "luminosity",
                "--luminosity",
                "profile",
                "--profile/--project",
                "histogram",
                "--histogram",
                "bins per dimension",
                "--bins")
            .with(
                "model", "--model", "--kind sally takes a model from 'sbi4j train --method sally'")
            .with(
                "ratioModel",
                "--model",
                "--kind model takes a model from 'sbi4j train --method alices' (or another ratio"
                    + " method)")
            .with("modelFolder", "--model", "train one with 'sbi4j train --out DIR'"));
  }

  @Override
  public void declare(Outputs o) {
    common
        .declare(o)
        .input("--events", events)
        .input("--model", model)
        .prefix("--plot", plot, ".png", ".svg");
  }

  @Override
  public Integer call() {
    FisherKind k = FisherKind.parse(kind);
    Estimator estimator = null;
    if (model != null) {
      Path dir = CommonOptions.modelFolder(model);
      estimator =
          k == FisherKind.MODEL ? ModelSources.ratioModel(dir) : ModelSources.scoreModel(dir);
    }
    FisherRequest request =
        new FisherRequest(
            events,
            theta,
            rates.luminosity,
            k,
            histogram == null ? null : List.of(histogram.split(",")),
            estimator,
            rates.bins == null ? null : new BinningSpec(rates.bins, null, null),
            plot,
            profile,
            project,
            nuisances.settings());
    FisherAnalysis.Result result = FisherAnalysis.run(request);
    FisherMatrix f = result.matrix();
    Map<String, Object> summary = FisherAnalysis.summary(request, result);
    common.report(
        (List<?>) summary.get("warnings"),
        summary,
        () -> {
          System.out.println(
              "Fisher information ("
                  + kind
                  + ") for "
                  + f.parameters()
                  + ": "
                  + java.util.Arrays.deepToString(f.matrix()));
          Object cov = summary.get("covariance");
          if (cov != null) {
            System.out.println("covariance: " + java.util.Arrays.deepToString((double[][]) cov));
          }
          if (result.ensemble() != null && result.ensemble().covariance() != null) {
            System.out.println(
                "mean over "
                    + result.ensemble().members().size()
                    + " ensemble members; covariance of the mean matrix: "
                    + java.util.Arrays.deepToString(result.ensemble().covariance()));
          }
          Object prof = summary.get("profiledMatrix");
          if (prof != null) {
            System.out.println(
                "profiled over "
                    + summary.get("nuisanceParameters")
                    + ": "
                    + java.util.Arrays.deepToString((double[][]) prof));
          }
        });
    return 0;
  }
}
