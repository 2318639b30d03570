package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.inference.plot.MorphingPlots;
import org.sbi4j.morphing.MorphingAnalysis;
import org.sbi4j.morphing.MorphingReport;
import org.sbi4j.samples.io.SetupFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j morphing}: components, basis, weights (docs/cli.md). */
@Command(
    name = "morphing",
    mixinStandardHelpOptions = true,
    description = "Morphing components, basis quality, weights and their gradients.")
final class MorphingCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Option(
      names = "--setup",
      required = true,
      paramLabel = "FILE",
      description = "Setup: YAML (configs/setup.yaml) or an event file in MadMiner's layout.")
  Path setup;

  @Option(
      names = "--theta",
      split = ",",
      paramLabel = "T",
      description = "Parameter point for the weights, comma-separated (default: all zeros).")
  double[] theta;

  @Option(names = "--optimize-basis", description = "Search for a basis with small weights.")
  boolean optimize;

  @Option(
      names = "--trials",
      defaultValue = "500",
      paramLabel = "N",
      description = "Random candidate bases of the search (default ${DEFAULT-VALUE}).")
  int trials;

  @Option(
      names = "--benchmarks",
      paramLabel = "N",
      description = "Size of the optimised basis (default: the number of components).")
  Integer benchmarks;

  @Mixin SeedOption seed;

  @Option(
      names = "--plot",
      paramLabel = "PREFIX",
      description = "Write PREFIX.png and PREFIX.svg: log10 of Σ_b w_b² over the parameter plane.")
  Path plot;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of("theta", "--theta", "trials", "--trials")
        .with("benchmarks", "--setup", "--optimize-basis runs the basis optimiser");
  }

  @Override
  public void declare(Outputs o) {
    common.declare(o).input("--setup", setup).prefix("--plot", plot, ".png", ".svg");
  }

  @Override
  public Integer call() {
    MorphingAnalysis analysis = new MorphingAnalysis(SetupFiles.load(setup));
    MorphingReport report = analysis.run(theta, optimize, trials, benchmarks, seed.value);
    if (plot != null) {
      MorphingPlots.write(analysis.morpher(report), analysis.setup().parameters(), plot);
    }
    common.report(
        report,
        () -> {
          System.out.printf(
              "%d components, %d benchmarks, cond(M) = %.4g, mean Σw² = %.4g%n",
              report.components().length,
              report.basis().length,
              report.conditionNumber(),
              report.meanSquaredWeight());
          System.out.println(
              "weights at "
                  + java.util.Arrays.toString(report.theta())
                  + ": "
                  + java.util.Arrays.toString(report.weights()));
          if (plot != null) {
            System.out.println("plot: " + plot + ".png, " + plot + ".svg");
          }
        });
    return 0;
  }
}
