package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.inference.protomodels.BuildConfig;
import org.sbi4j.inference.protomodels.Combiner;
import org.sbi4j.inference.protomodels.ProtoSteps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j protomodels}: the proto-model builder (docs/cli.md, docs/math.md §9). */
@Command(
    name = "protomodels",
    mixinStandardHelpOptions = true,
    description =
        "Proto-model builder: combines the analyses of a database and walks model space for the"
            + " models that explain them best; the global p-value of the Standard Model.",
    subcommands = {
      ProtomodelsCommand.Build.class,
      ProtomodelsCommand.PValue.class,
      ProtomodelsCommand.ToyDatabase.class
    })
final class ProtomodelsCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static OptionMap options() {
    return OptionMap.of(
        "walkers",
        "--walkers",
        "steps",
        "--steps",
        "checkpointEvery",
        "--checkpoint-every",
        "penalty",
        "--penalty",
        "rMax",
        "--r-max",
        "fakes",
        "--fakes",
        "threads",
        "--threads");
  }

  /** Options of the builder shared by build and pvalue. */
  static final class WalkOptions {
    @Option(
        names = "--database",
        required = true,
        paramLabel = "DIR",
        description = "Database folder (database.json and analyses/, docs/formats.md).")
    Path database;

    @Option(
        names = "--walkers",
        defaultValue = "50",
        paramLabel = "N",
        description = "Walkers (default ${DEFAULT-VALUE}).")
    int walkers;

    @Option(
        names = "--steps",
        defaultValue = "1000",
        paramLabel = "N",
        description = "Steps per walker (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(
        names = "--penalty",
        defaultValue = "0.5",
        paramLabel = "A",
        description =
            "Prior penalty per free parameter: K = Δχ² − 2·A·(free parameters)"
                + " (default ${DEFAULT-VALUE}: −2 per one-channel particle).")
    double penalty;

    @Option(
        names = "--r-max",
        defaultValue = "1.3",
        paramLabel = "R",
        description =
            "Critic: largest predicted / observed upper limit any analysis allows"
                + " (default ${DEFAULT-VALUE}).")
    double rMax;

    @Option(
        names = "--checkpoint-every",
        defaultValue = "100",
        paramLabel = "N",
        description = "Steps between a walker's checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description =
            "Output folder: report, plots and the walkers' checkpoints; rerunning with the same"
                + " folder and options resumes.")
    Path out;

    /** Declares the database read and the output folder. */
    void declare(Outputs o) {
      o.input("--database", database).folder("--out", out);
    }

    BuildConfig config(long seed, long tasks) {
      // each task keeps one K per step in its trajectory
      MemoryBudget.require("steps", "walkers × steps", tasks * steps, 48, "use fewer steps");
      return new BuildConfig(
          walkers, steps, seed, new Combiner.Settings(penalty, rMax), checkpointEvery);
    }
  }

  /** The options and outputs {@code build} and {@code pvalue} share. */
  abstract static class WalkCommand
      implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
    @Mixin CommonOptions common;

    @Mixin WalkOptions walk;

    @Mixin SeedOption seed;

    @Mixin RunnerOptions runner;

    @Override
    public OptionMap optionMap() {
      return options();
    }

    @Override
    public void declare(Outputs o) {
      walk.declare(common.declare(o));
    }
  }

  /** {@code sbi4j protomodels build}. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = "Runs the walkers: best model, its K, the winning combination, trajectories.")
  static final class Build extends WalkCommand {
    @Override
    public Integer call() {
      BuildConfig config = walk.config(seed.value, walk.walkers);
      Map<String, Object> report =
          runner.run(
              "protomodels build",
              tasks ->
                  ProtoSteps.build(walk.database, config, walk.out, tasks, common.humanOutput()));
      common.report(report, () -> printBest(report));
      return 0;
    }
  }

  /** {@code sbi4j protomodels pvalue}. */
  @Command(
      name = "pvalue",
      mixinStandardHelpOptions = true,
      description =
          "Global p-value of the Standard Model: the builder on the database and on fake"
              + " databases drawn from the SM.")
  static final class PValue extends WalkCommand {
    @Option(
        names = "--fakes",
        defaultValue = "50",
        paramLabel = "N",
        description = "Fake databases (default ${DEFAULT-VALUE}).")
    int fakes;

    @Override
    public Integer call() {
      if (fakes < 1) {
        throw new InvalidValueException("fakes", "must be at least 1, got " + fakes);
      }
      BuildConfig config = walk.config(seed.value, (long) walk.walkers * (fakes + 1L));
      Map<String, Object> report =
          runner.run(
              "protomodels pvalue",
              tasks ->
                  ProtoSteps.pvalue(
                      walk.database, config, fakes, walk.out, tasks, common.humanOutput()));
      common.report(
          report,
          () -> {
            printBest(report);
            System.out.printf(
                Locale.ROOT,
                "global p-value of the SM: %.4g (%d fakes; ties at random: %.4g)%n",
                (double) report.get("pValue"),
                fakes,
                (double) report.get("pValueRandomized"));
          });
      return 0;
    }
  }

  /** {@code sbi4j protomodels toy-database}. */
  @Command(
      name = "toy-database",
      mixinStandardHelpOptions = true,
      description =
          "Writes the built-in toy database: 10 analyses, 3 particles, a planted signal"
              + " (X at 800 GeV → jj) in the combinable A01 and A02.")
  static final class ToyDatabase implements Callable<Integer>, Outputs.Declaring {
    @Mixin CommonOptions common;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Database folder.")
    Path out;

    @Option(names = "--sm-only", description = "Observations from the Standard Model only.")
    boolean smOnly;

    @Option(
        names = "--eft",
        description =
            "The EFT toy database instead: operators cG, cW, cB in [-2, 2], 5 counting analyses"
                + " predicted by morphing templates, a planted cG = 1 in the combinable E01 and"
                + " E02.")
    boolean eft;

    @Mixin SeedOption seed;

    @Override
    public void declare(Outputs o) {
      common.declare(o).folder("--out", out);
    }

    @Override
    public Integer call() {
      Map<String, Object> report = ProtoSteps.toyDatabase(out, seed.value, !smOnly, eft);
      common.report(
          report,
          () ->
              System.out.println(
                  "toy database in "
                      + out
                      + ": "
                      + ((List<?>) report.get("analyses")).size()
                      + " analyses, "
                      + ((List<?>) report.get("cliques")).size()
                      + " maximal combinations"
                      + (smOnly
                          ? " (SM only)"
                          : eft
                              ? ", planted cG = 1 in E01 and E02"
                              : ", planted X(800) → jj in A01 and A02")));
      return 0;
    }
  }

  private static void printBest(Map<String, Object> report) {
    System.out.printf(
        Locale.ROOT,
        "best K = %.4g (Δχ² = %.4g, %d free parameters, μ̂ = %.4g), walker %d%n",
        (double) report.get("bestK"),
        (double) report.get("deltaChi2"),
        (int) report.get("freeParameters"),
        (double) report.get("muHat"),
        (int) report.get("bestWalker"));
    System.out.println("model: " + report.get("bestModel"));
    Object ops = report.get("bestOperators");
    if (ops instanceof Map<?, ?> m && !m.isEmpty()) {
      System.out.println("operators: " + m);
    }
    System.out.println("combination: " + report.get("combination"));
  }
}
