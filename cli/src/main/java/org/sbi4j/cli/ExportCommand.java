package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.training.steps.ExportStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j export}: a model folder to ONNX (docs/cli.md). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export a model folder to ONNX (raw θ, x in; log r̂, t̂ out).")
final class ExportCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model folder.")
  Path model;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "ONNX file.")
  Path out;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of("model", "--model")
        .with("modelFolder", "--model", "train one with 'sbi4j train --out DIR'");
  }

  @Override
  public void declare(Outputs o) {
    common.declare(o).input("--model", model).file("--out", out);
  }

  @Override
  public Integer call() {
    ExportStep.Result r = ExportStep.run(CommonOptions.modelFolder(model), out);
    common.report(
        r,
        () ->
            System.out.printf(
                "%s model exported to %s (inputs %s, outputs %s, opset %d)%n",
                r.method(),
                r.out(),
                String.join(", ", r.inputs()),
                String.join(", ", r.outputs()),
                r.opset()));
    return 0;
  }
}
