package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.steps.TrainStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j train}: trains an estimator on a training sample (docs/cli.md). */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train SALLY or a parameterized ratio estimator; writes a model folder.")
final class TrainCommand implements Callable<Integer>, OptionMap.Mapped {
  @Mixin CommonOptions common;
  @Mixin RunnerOptions runner;

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

  @Mixin SeedOption seed;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of("threads", "--threads")
        .with("trainingSample", "--data", "'sbi4j augment --method' writes training samples");
  }

  @Override
  public Integer call() {
    boolean terminal = System.console() != null && common.humanOutput();
    TrainStep.Result r =
        runner.run(
            "train",
            tasks ->
                TrainStep.run(
                    new TrainStep.Request(
                        Method.parse(method),
                        data,
                        config,
                        out,
                        seed.value,
                        terminal ? System.err : null,
                        tasks)));
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
