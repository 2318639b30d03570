package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sbi4j.common.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sbi4j info FILE}: what a file is and where it came from (docs/cli.md). */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "What a file or folder (model, NPLM toys, proto-model database) is (kind, sizes) and"
            + " where it came from.")
final class InfoCommand implements Callable<Integer>, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Parameters(
      paramLabel = "FILE",
      description =
          "Event file, mined file, training sample, evaluation, model folder, NPLM toys folder,"
              + " proto-model database or checkpoint, JSON result or"
              + " workspace.")
  Path file;

  @Option(
      names = "--no-check",
      description = "Do not hash the recorded inputs again to tell whether they changed.")
  boolean noCheck;

  @Override
  public void declare(Outputs o) {
    common.declare(o).input("FILE", file);
  }

  @Override
  public Integer call() {
    FileInfo info = FileInfo.of(file, !noCheck);
    common.report(info, () -> print(info));
    return 0;
  }

  private static void print(FileInfo info) {
    System.out.println(info.file() + ": " + info.kind());
    for (Map.Entry<String, Object> e : info.shape().entrySet()) {
      System.out.println("  " + e.getKey() + ": " + text(e.getValue()));
    }
    Provenance p = info.recorded();
    if (p == null) {
      System.out.println("  provenance: none recorded (not written by this sbi4j)");
      return;
    }
    System.out.println(
        "  written by: "
            + p.tool()
            + " "
            + p.version()
            + ", commit "
            + p.commit()
            + ("true".equals(p.dirty()) ? " (with uncommitted changes)" : "")
            + ", at "
            + p.createdAt());
    if (!p.commandLine().isEmpty()) {
      System.out.println("  command: " + String.join(" ", p.commandLine()));
    }
    if (!p.seeds().isEmpty()) {
      System.out.println(
          "  seeds: "
              + p.seeds().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
    if (info.inputs().isEmpty()) {
      for (Provenance.Input in : p.inputs()) {
        System.out.println("  input: " + in.path() + " sha256 " + in.sha256());
      }
    }
    for (FileInfo.InputCheck c : info.inputs()) {
      System.out.println(
          "  input: " + c.path() + " sha256 " + c.recorded() + " (" + c.status() + ")");
    }
    p.runtime().forEach((k, v) -> System.out.println("  " + k + ": " + v));
  }

  private static String text(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().map(String::valueOf).collect(Collectors.joining(", "))
          + " ("
          + l.size()
          + ")";
    }
    return String.valueOf(v);
  }
}
