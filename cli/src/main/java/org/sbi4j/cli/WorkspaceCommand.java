package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.TestStatistic;
import org.sbi4j.inference.histfactory.WorkspaceSteps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j workspace}: standard limit setting on pyhf JSON workspaces (docs/cli.md). */
@Command(
    name = "workspace",
    mixinStandardHelpOptions = true,
    description =
        "Fits, CLs and upper limits on pyhf JSON workspaces (HistFactory); export of histogram"
            + " templates as one.",
    subcommands = {
      WorkspaceCommand.Cls.class,
      WorkspaceCommand.Fit.class,
      WorkspaceCommand.UpperLimitCommand.class,
      WorkspaceCommand.Export.class
    })
final class WorkspaceCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Options every workspace subcommand has. */
  static final class ModelOptions {
    @Option(
        names = "--workspace",
        required = true,
        paramLabel = "WS.json",
        description = "pyhf JSON workspace (schema 1.0.0).")
    Path workspace;

    @Option(
        names = "--interp",
        paramLabel = "SPEC",
        description =
            "Interpolation codes, e.g. normsys=code1,histosys=code0 (default normsys=code4,"
                + "histosys=code4p, as pyhf's Workspace.model()).")
    String interp;

    HistFactoryModel model() {
      return WorkspaceSteps.model(workspace, interp);
    }
  }

  static OptionMap options() {
    return OptionMap.of(
        "interpolation",
        "--interp",
        "test statistic",
        "--test-stat",
        "poi value",
        "--poi-value",
        "scan",
        "--scan",
        "calculator",
        "--calculator",
        "toys",
        "--toys");
  }

  /** {@code sbi4j workspace cls}. */
  @Command(
      name = "cls",
      mixinStandardHelpOptions = true,
      description = "CLs at one POI value with the expected band (asymptotic formulae or toys).")
  static final class Cls implements Callable<Integer>, OptionMap.Mapped {
    @Mixin CommonOptions common;

    @Mixin ModelOptions model;

    @Option(
        names = "--poi-value",
        required = true,
        paramLabel = "MU",
        description = "POI value tested.")
    double poiValue;

    @Option(
        names = "--test-stat",
        defaultValue = "qtilde",
        paramLabel = "STAT",
        description = "q, qtilde or q0 (default ${DEFAULT-VALUE}).")
    String testStat;

    @Option(
        names = "--calculator",
        defaultValue = "asymptotics",
        paramLabel = "CALC",
        description = "asymptotics or toys (default ${DEFAULT-VALUE}).")
    String calculator;

    @Option(
        names = "--toys",
        defaultValue = "2000",
        paramLabel = "N",
        description = "Toys per hypothesis with --calculator toys (default ${DEFAULT-VALUE}).")
    int toys;

    @Mixin SeedOption seed;

    @Mixin RunnerOptions runner;

    @Override
    public OptionMap optionMap() {
      return options();
    }

    @Override
    public Integer call() {
      if (!calculator.equals("asymptotics") && !calculator.equals("toys")) {
        throw new InvalidValueException(
            "calculator", "unknown calculator '" + calculator + "' (asymptotics or toys)");
      }
      if (toys < 1) {
        throw new InvalidValueException("toys", "must be at least 1, got " + toys);
      }
      if (calculator.equals("toys") && runner.master != null) {
        // the toy tasks hold the fitted model, which is not serialisable for Spark executors
        throw new IllegalArgumentException(
            "--master: the toys of a workspace run on local threads only; drop --master and use"
                + " --threads N");
      }
      TestStatistic stat = TestStatistic.parse(testStat);
      if (stat == TestStatistic.TMU) {
        throw new InvalidValueException("test statistic", "CLs takes q, qtilde or q0");
      }
      HistFactoryModel m = model.model();
      Map<String, Object> result =
          calculator.equals("toys")
              ? runner.run(
                  "workspace cls",
                  tasks -> WorkspaceSteps.clsToys(m, poiValue, stat, toys, seed.value, tasks))
              : WorkspaceSteps.cls(m, poiValue, stat);
      common.report(
          result,
          () ->
              System.out.println(
                  "CLs("
                      + result.get("poi")
                      + " = "
                      + poiValue
                      + ") observed "
                      + result.get("clsObserved")
                      + ", expected (−2σ…+2σ) "
                      + Arrays.toString((double[]) result.get("clsExpected"))));
      return 0;
    }
  }

  /** {@code sbi4j workspace fit}. */
  @Command(
      name = "fit",
      mixinStandardHelpOptions = true,
      description = "Maximum-likelihood fit: best-fit values and uncertainties of every parameter.")
  static final class Fit implements Callable<Integer>, OptionMap.Mapped {
    @Mixin CommonOptions common;

    @Mixin ModelOptions model;

    @Override
    public OptionMap optionMap() {
      return options();
    }

    @Override
    public Integer call() {
      Map<String, Object> result = WorkspaceSteps.fit(model.model());
      common.report(
          result,
          () -> {
            for (Object o : (List<?>) result.get("parameters")) {
              Map<?, ?> p = (Map<?, ?>) o;
              System.out.println(
                  p.get("name") + " = " + p.get("value") + " ± " + p.get("uncertainty"));
            }
          });
      return 0;
    }
  }

  /** {@code sbi4j workspace upper-limit}. */
  @Command(
      name = "upper-limit",
      mixinStandardHelpOptions = true,
      description =
          "95 % CL upper limit on the POI, observed and expected band, by scan and root finding.")
  static final class UpperLimitCommand implements Callable<Integer>, OptionMap.Mapped {
    @Mixin CommonOptions common;

    @Mixin ModelOptions model;

    @Option(
        names = "--scan",
        paramLabel = "LO:HI:N",
        description = "POI scan (default: the POI bounds, 41 points).")
    String scan;

    @Option(
        names = "--test-stat",
        defaultValue = "qtilde",
        paramLabel = "STAT",
        description = "q or qtilde (default ${DEFAULT-VALUE}).")
    String testStat;

    @Option(
        names = "--plot",
        paramLabel = "PREFIX",
        description = "Writes the CLs scan with its expected band to PREFIX.png and PREFIX.svg.")
    Path plot;

    @Override
    public OptionMap optionMap() {
      return options();
    }

    @Override
    public Integer call() {
      Map<String, Object> result =
          WorkspaceSteps.upperLimit(model.model(), scan, TestStatistic.parse(testStat), plot);
      common.report(
          result,
          () ->
              System.out.println(
                  "95 % CL upper limit on "
                      + result.get("poi")
                      + ": observed "
                      + result.get("observed")
                      + ", expected (−2σ…+2σ) "
                      + Arrays.toString((double[]) result.get("expected"))));
      return 0;
    }
  }

  /** {@code sbi4j workspace export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description =
          "Writes the histogram baseline of an event file at θ as a pyhf workspace (signal,"
              + " background, staterror).")
  static final class Export implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
    @Mixin CommonOptions common;

    @Mixin RateOptions rates;

    @Option(
        names = "--events",
        required = true,
        paramLabel = "FILE",
        description = "Weighted event file whose histogram is exported.")
    Path events;

    @Option(
        names = "--theta",
        required = true,
        split = ",",
        paramLabel = "T",
        description = "θ of the templates, comma-separated.")
    double[] theta;

    @Option(
        names = "--observable",
        split = ",",
        paramLabel = "OBS[,OBS]",
        description = "One or two observables to bin (default: the file's first).")
    List<String> observables;

    @Option(
        names = "--data",
        paramLabel = "DATA",
        description = "Data file whose counts become the observations (default: Asimov counts).")
    Path data;

    @Option(
        names = "--channel",
        defaultValue = "events",
        paramLabel = "NAME",
        description = "The channel's name (default ${DEFAULT-VALUE}).")
    String channel;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "WS.json",
        description = "The workspace written.")
    Path out;

    @Override
    public OptionMap optionMap() {
      return OptionMap.of(
          "theta",
          "--theta",
          "luminosity",
          "--luminosity",
          "histogram",
          "--observable",
          "bins per dimension",
          "--bins",
          "channel",
          "--channel");
    }

    @Override
    public void declare(Outputs o) {
      common.declare(o).input("--events", events).input("--data", data).file("--out", out);
    }

    @Override
    public Integer call() {
      Map<String, Object> result =
          org.sbi4j.inference.limits.WorkspaceExport.run(
              events, theta, rates.luminosity, observables, rates.bins, data, channel, out);
      common.report(
          result,
          () ->
              System.out.println(
                  "workspace "
                      + out
                      + ": channel '"
                      + channel
                      + "', "
                      + result.get("bins")
                      + " bins, POI "
                      + result.get("poi")
                      + ", observations "
                      + result.get("observationSource")));
      return 0;
    }
  }
}
