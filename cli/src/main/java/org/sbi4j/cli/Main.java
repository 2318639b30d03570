package org.sbi4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.common.Provenance;
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
      ImportCommand.class,
      MineCommand.class,
      CombineCommand.class,
      AugmentCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      ExportCommand.class,
      LimitsCommand.class,
      DiagnoseCommand.class,
      CoverageCommand.class,
      FisherCommand.class,
      NplmCommand.class,
      CwolaCommand.class,
      WorkspaceCommand.class,
      ProtomodelsCommand.class,
      PlotCommand.class,
      InfoCommand.class,
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
    CommandLine.IExecutionExceptionHandler handler =
        (ex, line, parsed) -> {
          String name = line.getCommandSpec().qualifiedName(" ").replaceFirst("^sbi4j ", "");
          boolean verbose = verbose(parsed);
          PrintWriter err = line.getErr();
          OutOfMemoryError oom = outOfMemory(ex);
          if (oom != null) {
            return outOfMemory(name, oom, verbose);
          }
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
        };
    cmd.setExecutionExceptionHandler(handler);
    cmd.setExecutionStrategy(parsed -> guarded(parsed, handler));
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
    try {
      return cmd.execute(args);
    } catch (OutOfMemoryError e) {
      CommandLine.ParseResult parsed = cmd.getParseResult();
      String name = "sbi4j";
      if (parsed != null) {
        CommandLine.ParseResult last = parsed;
        while (last.hasSubcommand()) {
          last = last.subcommand();
        }
        name = last.commandSpec().name();
      }
      return outOfMemory(name, e, parsed != null && verbose(parsed));
    }
  }

  /** True when --verbose was given to the command that ran (the deepest subcommand). */
  private static boolean verbose(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult p = parsed;
    boolean verbose = p.hasMatchedOption("--verbose");
    while (p.hasSubcommand()) {
      p = p.subcommand();
      verbose |= p.hasMatchedOption("--verbose");
    }
    return verbose;
  }

  /** The OutOfMemoryError that caused {@code ex} (also one thrown in a worker thread), or null. */
  private static OutOfMemoryError outOfMemory(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError oom) {
        return oom;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** One line for an OutOfMemoryError the size checks did not foresee: exit 2, with advice. */
  private static int outOfMemory(String name, OutOfMemoryError e, boolean verbose) {
    PrintStream err = System.err;
    err.println(
        "sbi4j "
            + name
            + ": out of memory (the JVM may use at most "
            + MemoryBudget.size(Runtime.getRuntime().maxMemory())
            + "); use smaller sizes (grid points, rows, toys, events), "
            + MemoryBudget.RAISE);
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return BAD_INPUT;
  }

  /**
   * Runs the command picocli parsed; a command that declares its outputs ({@link Outputs}) has them
   * checked and locked first, and on failure its outputs are left as they were before the run.
   */
  private static int guarded(
      CommandLine.ParseResult parsed, CommandLine.IExecutionExceptionHandler handler) {
    List<CommandLine> lines = parsed.asCommandLineList();
    CommandLine last = lines.get(lines.size() - 1);
    boolean help =
        lines.stream()
            .anyMatch(
                l ->
                    l.getParseResult().isUsageHelpRequested()
                        || l.getParseResult().isVersionHelpRequested());
    if (help) {
      return new CommandLine.RunLast().execute(parsed);
    }
    if (!(last.getCommand() instanceof Outputs.Declaring declaring)) {
      try {
        Provenance.setCurrent(provenance(parsed, last, List.of()));
        return new CommandLine.RunLast().execute(parsed);
      } finally {
        Provenance.setCurrent(null);
      }
    }
    Outputs outputs = new Outputs();
    try {
      declaring.declare(outputs);
      outputs.check();
      Provenance.setCurrent(provenance(parsed, last, outputs.inputs()));
      outputs.begin();
    } catch (RuntimeException e) {
      Provenance.setCurrent(null);
      try {
        return handler.handleExecutionException(e, last, last.getParseResult());
      } catch (Exception unexpected) {
        throw new CommandLine.ExecutionException(last, "cannot report a failure", unexpected);
      }
    }
    boolean success = false;
    try {
      int code = new CommandLine.RunLast().execute(parsed);
      success = code == 0;
      return code;
    } finally {
      outputs.finish(success);
      Provenance.setCurrent(null);
    }
  }

  /**
   * The provenance of this run (docs/formats.md §17): the command line, every seed option of the
   * command (named without its dashes, default values included) and the SHA-256 of each input.
   */
  static Provenance provenance(
      CommandLine.ParseResult parsed, CommandLine command, List<java.nio.file.Path> inputs) {
    List<String> line = new java.util.ArrayList<>();
    line.add("sbi4j");
    line.addAll(parsed.originalArgs());
    Map<String, Long> seeds = new LinkedHashMap<>();
    for (CommandLine.Model.OptionSpec o : command.getCommandSpec().options()) {
      String name = o.longestName();
      if ((name.equals("--seed") || name.endsWith("-seed")) && o.getValue() instanceof Number n) {
        seeds.put(name.replaceFirst("^-+", ""), n.longValue());
      }
    }
    return Provenance.of(line, seeds, inputs.stream().map(Provenance.Input::of).toList());
  }

  private static boolean isBadInput(Throwable ex) {
    return ex instanceof IllegalArgumentException
        || ex instanceof UncheckedIOException
        || ex instanceof java.nio.file.NoSuchFileException;
  }

  /**
   * The message on one line: every control character (line breaks, tabs, escape sequences a fuzzed
   * or pasted value may carry) becomes a space, so the terminal shows exactly one line.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    StringBuilder b = new StringBuilder(message.length());
    message.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return b.toString().trim();
  }

  /** Version and commit of the build ({@link org.sbi4j.common.BuildInfo}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      org.sbi4j.common.BuildInfo b = org.sbi4j.common.BuildInfo.current();
      return new String[] {
        "sbi4j "
            + b.version()
            + " (commit "
            + b.commit()
            + ("true".equals(b.dirty()) ? ", with uncommitted changes" : "")
            + ")"
      };
    }
  }
}
