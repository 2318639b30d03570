package org.sbi4j.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.sbi4j.common.InvalidValueException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/sbi4j}. */
@Command(
    name = "sbi4j",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Neural simulation-based inference for particle physics.",
    subcommands = {
      MorphingCommand.class,
      SimulateCommand.class,
      MineCommand.class,
      AugmentCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      ExportCommand.class,
      LimitsCommand.class,
      FisherCommand.class,
      NplmCommand.class,
      WorkspaceCommand.class,
      QuickstartCommand.class,
    })
public final class Main implements Runnable {
  /** Exit code for bad input. */
  public static final int BAD_INPUT = 2;

  /** Exit code for an internal failure. */
  public static final int INTERNAL_ERROR = 1;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (used by tests). */
  public static int execute(String... args) {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          String name = line.getCommandSpec().qualifiedName(" ").replaceFirst("^sbi4j ", "");
          boolean verbose = parsed.hasMatchedOption("--verbose");
          PrintWriter err = line.getErr();
          if (isBadInput(ex)) {
            String message =
                ex instanceof InvalidValueException v
                        && line.getCommand() instanceof OptionMap.Mapped m
                    ? m.optionMap().describe(v)
                    : ex.getMessage();
            err.println("sbi4j " + name + ": " + oneLine(message));
            if (verbose) {
              ex.printStackTrace(err);
            }
            err.flush();
            return BAD_INPUT;
          }
          err.println(
              "sbi4j "
                  + name
                  + ": internal error: "
                  + oneLine(String.valueOf(ex))
                  + (verbose ? "" : " (rerun with --verbose for the stack trace)"));
          if (verbose) {
            ex.printStackTrace(err);
          }
          err.flush();
          return INTERNAL_ERROR;
        });
    cmd.setParameterExceptionHandler(
        (ex, args2) -> {
          CommandLine line = ex.getCommandLine();
          line.getErr()
              .println(
                  "sbi4j "
                      + line.getCommandName()
                      + ": "
                      + oneLine(ex.getMessage())
                      + " (see 'sbi4j "
                      + line.getCommandName()
                      + " --help')");
          line.getErr().flush();
          return BAD_INPUT;
        });
    return cmd.execute(args);
  }

  private static boolean isBadInput(Throwable ex) {
    return ex instanceof IllegalArgumentException
        || ex instanceof UncheckedIOException
        || ex instanceof java.nio.file.NoSuchFileException;
  }

  private static String oneLine(String message) {
    return message == null ? "(no message)" : message.replace('\n', ' ').trim();
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"sbi4j " + (v == null ? "dev" : v)};
    }
  }
}
