package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.training.steps.EvaluateStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j evaluate}: applies a model folder to events (docs/cli.md). */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Evaluate log r̂ and t̂ of a model on an event file or sample.")
final class EvaluateCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model folder.")
  Path model;

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE",
      description = "Event file, training sample or plain sample (.h5 or .csv).")
  Path events;

  @Option(
      names = "--theta",
      split = ",",
      paramLabel = "T",
      description = "θ0 for every event (ratio models; default: each row's theta0).")
  double[] theta;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Output (.h5) with log_r_hat and t_hat.")
  Path out;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of("theta", "--theta", "model", "--model")
        .with("modelFolder", "--model", "train one with 'sbi4j train --out DIR'");
  }

  @Override
  public void declare(Outputs o) {
    common.declare(o).input("--model", model).input("--events", events).file("--out", out);
  }

  @Override
  public Integer call() {
    EvaluateStep.Result r =
        EvaluateStep.run(
            new EvaluateStep.Request(CommonOptions.modelFolder(model), events, theta, out));
    common.report(
        r.warnings(),
        r,
        () ->
            System.out.printf(
                java.util.Locale.ROOT,
                "%d events evaluated with %s, mean log r̂ %.4g; written to %s%n",
                r.events(),
                r.method(),
                r.meanLogRatio(),
                r.out()));
    return 0;
  }
}
