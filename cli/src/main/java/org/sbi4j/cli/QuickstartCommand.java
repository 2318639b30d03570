package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.cli.quickstart.Quickstart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j quickstart}: the whole pipeline on a built-in toy. */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = "Run every stage of the pipeline on a built-in toy and write a report.")
final class QuickstartCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--out",
      defaultValue = "quickstart-out",
      paramLabel = "DIR",
      description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    var result = new Quickstart(out, seed, common.humanOutput() ? System.out : null).run();
    common.writeJson(result);
    return 0;
  }
}
