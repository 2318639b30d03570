package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sbi4j.inference.diagnostics.ClosurePoint;
import org.sbi4j.inference.diagnostics.DiagnoseAnalysis;
import org.sbi4j.inference.diagnostics.DiagnoseRequest;
import org.sbi4j.inference.diagnostics.DiagnoseResult;
import org.sbi4j.inference.diagnostics.ModelDiagnostics;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.simulators.Simulators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j diagnose}: closure, ROC/AUC, reliability and ensemble spread of ratio models. */
@Command(
    name = "diagnose",
    mixinStandardHelpOptions = true,
    description =
        "Diagnostics of ratio models: closure of r̂, ROC/AUC, reliability of ŝ, ensemble spread.")
final class DiagnoseCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "DIR",
      description = "A trained ratio model folder, an ensemble included (repeatable).")
  List<Path> models = new ArrayList<>();

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE",
      description = "Weighted event file; its test partition gives x ~ θ.")
  Path events;

  @Option(
      names = "--theta1",
      split = ",",
      paramLabel = "T",
      description = "θ1, the denominator hypothesis (default: θ = 0, the models' usual reference).")
  double[] theta1;

  @Option(
      names = "--grid",
      required = true,
      paramLabel = "lo:hi:n[,lo:hi:n]",
      description = "θ0 grid, one lo:hi:n per parameter.")
  String grid;

  @Option(
      names = "--exact",
      paramLabel = "PROCESS",
      description = "Built-in process whose exact ratio is compared with (AUC, ROC).")
  String exact;

  @Option(
      names = "--calibrate",
      description = "Diagnose the histogram-calibrated ratios (CARL) instead of the raw r̂.")
  boolean calibrate;

  @Option(
      names = "--plot",
      defaultValue = "diagnose",
      paramLabel = "PREFIX",
      description =
          "Writes PREFIX-closure, PREFIX-roc and PREFIX-reliability (.png, .svg; default"
              + " ${DEFAULT-VALUE}).")
  Path plot;

  @Mixin SeedOption seed;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of(
            "events",
            "--events",
            "models",
            "--model",
            "model",
            "--model",
            "theta1",
            "--theta1",
            "grid",
            "--grid",
            "calibrate",
            "--calibrate",
            "calibration events",
            "--events",
            "weights",
            "--events",
            "exact",
            "--exact")
        .with("modelFolder", "--model", "train one with 'sbi4j train --out DIR'");
  }

  @Override
  public void declare(Outputs o) {
    common
        .declare(o)
        .inputs("--model", models)
        .input("--events", events)
        .prefix(
            "--plot",
            plot,
            "-closure.png",
            "-closure.svg",
            "-roc.png",
            "-roc.svg",
            "-reliability.png",
            "-reliability.svg");
  }

  @Override
  public Integer call() {
    List<DiagnoseRequest.Model> list = new ArrayList<>();
    for (Path m : models) {
      LimitSource s = ModelSources.limitSource(CommonOptions.modelFolder(m));
      if (!(s instanceof LimitSource.Ratio r)) {
        throw new IllegalArgumentException(
            "--model: "
                + m
                + " is a SALLY model; diagnose takes ratio models (alices, carl, rascal, ...)");
      }
      String label = r.label();
      final String base = label;
      long same = list.stream().filter(x -> x.label().startsWith(base)).count();
      list.add(
          new DiagnoseRequest.Model(same == 0 ? label : label + " #" + (same + 1), r.estimator()));
    }
    DiagnoseRequest request =
        new DiagnoseRequest(
            events,
            list,
            theta1,
            ParameterGrid.parse(grid),
            exact == null ? null : Simulators.byName(exact),
            calibrate,
            plot,
            seed.value);
    DiagnoseResult result = DiagnoseAnalysis.run(request);
    common.report(
        result.warnings(),
        result.summary(),
        () -> {
          System.out.printf(
              Locale.ROOT,
              "θ1 = %s, %d test events, %d θ0 points%n",
              Arrays.toString(result.theta1()),
              result.events(),
              result.grid().length);
          for (ModelDiagnostics m : result.models()) {
            int worst = 0;
            for (int j = 0; j < m.closure().size(); j++) {
              if (Math.abs(m.closure().get(j).pull()) > Math.abs(m.closure().get(worst).pull())) {
                worst = j;
              }
            }
            ClosurePoint c = m.closure().get(worst);
            System.out.printf(
                Locale.ROOT,
                "%s%s: closure fails at %d of %d θ0; worst at θ0 = %s: E[r̂] = %.4f ± %.4f,"
                    + " E[1/r̂] = %.4f ± %.4f; largest AUC %.4f%s%n",
                m.label(),
                m.calibrated() ? " (calibrated)" : "",
                m.flagged().size(),
                m.closure().size(),
                Arrays.toString(c.theta0()),
                c.meanR().mean(),
                c.meanR().error(),
                c.meanInvR().mean(),
                c.meanInvR().error(),
                Arrays.stream(m.auc()).max().orElse(Double.NaN),
                m.aucExact() == null
                    ? ""
                    : String.format(
                        Locale.ROOT,
                        " (exact %.4f)",
                        Arrays.stream(m.aucExact()).max().orElse(Double.NaN)));
          }
          System.out.println("plots: " + String.join(", ", result.plotFiles()));
        });
    return 0;
  }
}
