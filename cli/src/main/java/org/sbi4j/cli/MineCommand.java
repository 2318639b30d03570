package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.samples.steps.MineStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j mine}: joint ratio and score of every event (docs/cli.md). */
@Command(
    name = "mine",
    mixinStandardHelpOptions = true,
    description = "Joint likelihood ratio and joint score of every event, in file order.")
final class MineCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Mixin RunnerOptions runner;

  @Mixin Bars bars;

  @Option(names = "--events", required = true, paramLabel = "FILE", description = "Event file.")
  Path events;

  @Option(
      names = "--theta0",
      required = true,
      split = ",",
      paramLabel = "T",
      description = "θ0, comma-separated.")
  double[] theta0;

  @Option(
      names = "--theta1",
      required = true,
      split = ",",
      paramLabel = "T",
      description = "θ1, comma-separated.")
  double[] theta1;

  @Option(
      names = "--nu0",
      split = ",",
      paramLabel = "V",
      description =
          "ν0, one value per nuisance parameter of the event file, comma-separated (default 0).")
  double[] nu0;

  @Option(
      names = "--nu1",
      split = ",",
      paramLabel = "V",
      description =
          "ν1, one value per nuisance parameter of the event file, comma-separated (default 0).")
  double[] nu1;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output (.h5).")
  Path out;

  @Mixin NegativeWeightOption negative;

  @Mixin ClampNuisanceOption clamp;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of(
        "maxNegativeFraction",
        "--max-negative-fraction",
        "threads",
        "--threads",
        "nu0",
        "--nu0",
        "nu1",
        "--nu1",
        "clamp-nuisance",
        "--clamp-nuisance");
  }

  @Override
  public void declare(Outputs o) {
    common.declare(o).input("--events", events).file("--out", out);
  }

  @Override
  public Integer call() {
    MineStep.Result r =
        runner.run(
            "mine",
            bars,
            tasks ->
                MineStep.run(
                    events,
                    theta0,
                    nu0,
                    theta1,
                    nu1,
                    out,
                    negative.maxNegativeFraction,
                    clamp.policy(),
                    tasks));
    common.report(
        r.warnings(),
        r,
        () ->
            System.out.printf(
                "%d events mined into %s: sigma0 = %.6g, sigma1 = %.6g%n",
                r.events(), r.out(), r.sigma0(), r.sigma1()));
    return 0;
  }
}
