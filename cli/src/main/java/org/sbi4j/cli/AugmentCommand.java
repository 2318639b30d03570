package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.steps.AugmentStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j augment}: training samples for SALLY or the ratio methods (docs/cli.md). */
@Command(
    name = "augment",
    mixinStandardHelpOptions = true,
    description = "Draw a training sample (sally or ratio) from a partition of an event file.")
final class AugmentCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Mixin RunnerOptions runner;

  @Mixin Bars bars;

  @Option(names = "--events", required = true, paramLabel = "FILE", description = "Event file.")
  Path events;

  @Option(
      names = "--method",
      required = true,
      paramLabel = "M",
      description =
          "sally, ratio, local (sally at several --theta-ref), plain (x at θ from --theta0-prior)"
              + " or test (plain from the test partition, with weights σ(θ)/n).")
  String method;

  @Option(
      names = "--theta-ref",
      paramLabel = "T",
      description = "θ_ref (sally; local: repeat for several, rows split evenly).")
  List<String> thetaRef;

  @Option(
      names = "--theta0-prior",
      paramLabel = "P",
      description =
          "θ0 prior (ratio; the points θ of plain and test): per parameter uniform:lo:hi,"
              + " normal:mu:sigma, grid:lo:hi:n or points:FILE, comma-separated; 'benchmarks'; or"
              + " one points:FILE of whole θ points.")
  String theta0Prior;

  @Option(
      names = "--theta1",
      paramLabel = "T",
      description = "θ1 (ratio); repeat for several θ1 values, rows split evenly.")
  List<String> theta1;

  @Option(
      names = "--theta1-prior",
      paramLabel = "P",
      description =
          "θ1 prior (ratio) instead of a fixed --theta1: a doubly parameterised sample with θ1"
              + " drawn per θ0 point, same syntax as --theta0-prior.")
  String theta1Prior;

  @Option(
      names = "--nu0-prior",
      paramLabel = "P",
      description =
          "ν0 prior (ratio, event files with nuisance parameters): 'constraint' (N(0,1) for each,"
              + " the default) or per nuisance parameter constraint, fixed:v or uniform:lo:hi,"
              + " comma-separated.")
  String nu0Prior;

  @Option(
      names = "--nu1",
      split = ",",
      paramLabel = "V",
      description = "ν1 (ratio), one value per nuisance parameter (default 0).")
  double[] nu1;

  @Option(
      names = "--nu-ref",
      split = ",",
      paramLabel = "V",
      description = "ν_ref (sally), one value per nuisance parameter (default 0).")
  double[] nuRef;

  @Option(
      names = "--thetas",
      defaultValue = "100",
      paramLabel = "N",
      description = "θ0 points drawn from a non-grid prior (default ${DEFAULT-VALUE}).")
  int thetas;

  @Option(names = "--samples", required = true, paramLabel = "N", description = "Rows.")
  int samples;

  @Option(
      names = "--partition",
      paramLabel = "P",
      description = "train, validation or test (default: test for --method test, else train).")
  String partition;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output (.h5).")
  Path out;

  @Mixin SeedOption seed;

  @Mixin NegativeWeightOption negative;

  @Mixin ClampNuisanceOption clamp;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of(
        "thetaRef",
        "--theta-ref",
        "theta-ref",
        "--theta-ref",
        "theta0Prior",
        "--theta0-prior",
        "theta1",
        "--theta1",
        "theta1Prior",
        "--theta1-prior",
        "samples",
        "--samples",
        "thetas",
        "--thetas",
        "maxNegativeFraction",
        "--max-negative-fraction",
        "threads",
        "--threads",
        "nu0Prior",
        "--nu0-prior",
        "nu1",
        "--nu1",
        "clamp-nuisance",
        "--clamp-nuisance",
        "nuRef",
        "--nu-ref");
  }

  @Override
  public void declare(Outputs o) {
    common.declare(o).input("--events", events).file("--out", out);
  }

  @Override
  public Integer call() {
    AugmentStep.Method m = AugmentStep.Method.parse(method);
    double[][] refs = ThetaValues.parse("--theta-ref", thetaRef);
    double[][] theta1s = ThetaValues.parse("--theta1", theta1);
    AugmentStep.Request request =
        new AugmentStep.Request(
            events,
            m,
            refs == null ? null : refs[0],
            theta0Prior,
            thetas,
            theta1s == null ? null : theta1s[0],
            samples,
            Partition.parse(
                partition != null ? partition : m == AugmentStep.Method.TEST ? "test" : "train"),
            out,
            seed.value,
            negative.maxNegativeFraction,
            theta1Prior,
            theta1s == null || theta1s.length < 2 ? null : theta1s,
            refs);
    AugmentStep.Nuisance nu = new AugmentStep.Nuisance(nu0Prior, nu1, nuRef, clamp.policy());
    AugmentStep.Result r =
        runner.run("augment", bars, tasks -> AugmentStep.run(request, nu, tasks));
    common.report(
        ShuffleWarning.plus(events, List.of()),
        r,
        () ->
            System.out.printf(
                "%d rows written to %s (smallest effective sample size %.1f)%n",
                r.rows(), r.out(), r.minEffectiveSampleSize()));
    return 0;
  }
}
