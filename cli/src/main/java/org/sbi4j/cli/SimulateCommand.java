package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.samples.steps.SimulateStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j simulate}: runs a built-in simulator (docs/cli.md). */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Simulate weighted events of a built-in process into an event file.")
final class SimulateCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Option(
      names = "--process",
      required = true,
      paramLabel = "NAME",
      description = "interference-1d or interference-2d.")
  String process;

  @Option(names = "--events", required = true, paramLabel = "N", description = "Events.")
  int events;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Event file (.h5).")
  Path out;

  @Option(
      names = "--nuisances",
      description =
          "Also simulate the process's nuisance parameters (interference-1d: norm and shape;"
              + " interference-2d: shape) and write their nuisance benchmarks.")
  boolean nuisances;

  @Mixin SeedOption seed;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of("events", "--events");
  }

  @Override
  public void declare(Outputs o) {
    common.declare(o).file("--out", out);
  }

  @Override
  public Integer call() {
    SimulateStep.Result r = SimulateStep.run(process, events, out, seed.value, nuisances);
    common.report(
        r,
        () ->
            System.out.printf(
                "%d events of %s%s written to %s%n",
                r.events(),
                r.process(),
                r.nuisances().isEmpty() ? "" : " with nuisance parameters " + r.nuisances(),
                r.out()));
    return 0;
  }
}
