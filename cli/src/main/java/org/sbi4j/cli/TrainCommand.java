package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.steps.TrainStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j train}: trains an estimator on a training sample (docs/cli.md). */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train SALLY or a parameterized ratio estimator; writes a model folder.")
final class TrainCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;
  @Mixin RunnerOptions runner;

  @Mixin Bars bars;

  @Option(
      names = "--method",
      required = true,
      paramLabel = "M",
      description = "sally, carl, rolr, alice, rascal, alices or cascal.")
  String method;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "Training sample (.h5): x and the columns the method needs.")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "YAML",
      description = "Training config (configs/train.yaml); defaults when absent.")
  Path config;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder.")
  Path out;

  @Option(
      names = "--morphing-aware",
      description =
          "Train a morphing-aware ratio model: one network output per basis benchmark, combined"
              + " with the morphing weights (needs --events).")
  boolean morphingAware;

  @Option(
      names = "--quadratic",
      description =
          "With --morphing-aware: the quadratic variant (one parameter, θ1 = 0, two outputs).")
  boolean quadratic;

  @Option(
      names = "--events",
      paramLabel = "FILE",
      description =
          "Weighted event file the sample was drawn from (--morphing-aware: its setup and"
              + " benchmark cross sections).")
  Path events;

  @Option(
      names = "--force",
      description = "Write the model files into a non-empty --out folder that is not a model.")
  boolean force;

  @Option(
      names = "--timings",
      description =
          "Print where the time went (startup, load, epochs, validation, export, total) on stderr"
              + " and add it to the JSON result as 'timings'.")
  boolean timings;

  @Mixin SeedOption seed;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of("threads", "--threads", "events", "--events", "quadratic", "--quadratic")
        .with("trainingSample", "--data", "'sbi4j augment --method' writes training samples");
  }

  @Override
  public void declare(Outputs o) {
    common
        .declare(o)
        .input("--data", data)
        .input("--config", config)
        .input("--events", events)
        .folder("--out", out);
    FolderSwap.requireReplaceable("--out", out, force);
  }

  /** Seconds since this process started (the JVM's uptime where the OS does not say). */
  private static double sinceStart() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toNanos() / 1e9)
        .orElseGet(
            () -> java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
  }

  @Override
  public Integer call() {
    double startup = sinceStart();
    Method m = Method.parse(method);
    if (quadratic && !morphingAware) {
      throw new org.sbi4j.common.InvalidValueException(
          "quadratic", "the quadratic variant is one of --morphing-aware; add --morphing-aware");
    }
    MorphingAware.Kind kind =
        !morphingAware
            ? null
            : quadratic ? MorphingAware.Kind.QUADRATIC : MorphingAware.Kind.LINEAR;
    TrainStep.Result[] trained = new TrainStep.Result[1];
    FolderSwap.write(
        out,
        staged ->
            trained[0] =
                runner.run(
                    "train",
                    tasks ->
                        TrainStep.run(
                            new TrainStep.Request(
                                m,
                                data,
                                config,
                                staged,
                                seed.value,
                                // epochs go to the progress bar, not one line each
                                null,
                                tasks,
                                kind,
                                events),
                            bars)));
    TrainStep.Result t = trained[0];
    TrainStep.Timings times = null;
    if (timings) {
      double total = sinceStart();
      times = t.timings().completed(startup, total - startup - t.timings().total(), total);
      System.err.println(times.line());
    }
    TrainStep.Result r =
        new TrainStep.Result(
            t.method(),
            t.trainingRows(),
            t.validationRows(),
            t.members(),
            t.losses(),
            t.seconds(),
            out.toString(),
            t.nuisances(),
            times);
    common.report(
        r,
        () ->
            System.out.printf(
                java.util.Locale.ROOT,
                "%s trained on %d rows (%d validation), %d member(s), %d epochs in %.1f s; "
                    + "last validation loss %.5g; model in %s%n",
                r.method(),
                r.trainingRows(),
                r.validationRows(),
                r.members(),
                r.losses().size(),
                r.seconds(),
                r.losses().get(r.losses().size() - 1).validationLoss(),
                r.out()));
    return 0;
  }
}
