package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sbi4j.common.Progress;
import org.sbi4j.samples.io.CsvImport;
import org.sbi4j.samples.io.Hdf5Import;
import org.sbi4j.samples.io.LheImport;
import org.sbi4j.samples.steps.ImportStep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j import}: a user's LHE, CSV or HDF5 events into an event file (docs/cli.md). */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import LHE files, a CSV table or HDF5 datasets into an event file (MadMiner's layout).",
    subcommands = {ImportCommand.Lhe.class, ImportCommand.Csv.class, ImportCommand.Hdf5.class})
final class ImportCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** The options of the subcommands. */
  static final class Files {
    @Option(
        names = "--setup",
        paramLabel = "FILE",
        description = "Morphing setup (YAML or event file); default: the config's 'setup'.")
    Path setup;

    @Option(
        names = "--config",
        required = true,
        paramLabel = "FILE",
        description =
            "Import config YAML (configs/lhe-import.yaml, configs/csv-import.yaml or"
                + " configs/hdf5-import.yaml).")
    Path config;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Event file (.h5).")
    Path out;

    Outputs declare(Outputs o) {
      return o.input("--config", config).input("--setup", setup).file("--out", out);
    }
  }

  /** {@code import lhe}. */
  @Command(
      name = "lhe",
      mixinStandardHelpOptions = true,
      description =
          "Import LHE files (plain or .gz), one per sampling benchmark, with reweighting weights,"
              + " observables, cuts, efficiencies, smearing and k-factors.")
  static final class Lhe implements Callable<Integer>, Outputs.Declaring {
    @Mixin CommonOptions common;

    @Mixin Bars bars;

    @Mixin Files files;

    @Mixin SeedOption seed;

    @Override
    public void declare(Outputs o) {
      files
          .declare(common.declare(o))
          .inputs(
              "--config samples",
              java.nio.file.Files.isRegularFile(files.config)
                  ? LheImport.files(files.config, files.setup)
                  : java.util.List.of());
    }

    @Override
    public Integer call() {
      ImportStep.Result r;
      try (Progress p = bars.start("import", LheImport.bytes(files.config, files.setup), "B")) {
        r = ImportStep.lhe(files.config, files.setup, files.out, seed.value, p);
      }
      common.report(r, () -> human(r));
      return 0;
    }
  }

  /** {@code import csv} and {@code import hdf5}: the table named by the config's 'file'. */
  abstract static class Table implements Callable<Integer>, Outputs.Declaring {
    @Mixin CommonOptions common;

    @Mixin Files files;

    /** The table the config names (recorded among the inputs). */
    abstract Path dataFile();

    /** Imports it. */
    abstract ImportStep.Result run();

    @Override
    public void declare(Outputs o) {
      files
          .declare(common.declare(o))
          .input(
              "--config file", java.nio.file.Files.isRegularFile(files.config) ? dataFile() : null);
    }

    @Override
    public Integer call() {
      ImportStep.Result r = run();
      common.report(r, () -> human(r));
      return 0;
    }
  }

  /** {@code import csv}. */
  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      description = "Import a CSV table of observables and per-benchmark weights.")
  static final class Csv extends Table {
    @Override
    Path dataFile() {
      return CsvImport.dataFile(files.config, files.setup);
    }

    @Override
    ImportStep.Result run() {
      return ImportStep.csv(files.config, files.setup, files.out);
    }
  }

  /** {@code import hdf5}. */
  @Command(
      name = "hdf5",
      mixinStandardHelpOptions = true,
      description =
          "Import numeric HDF5 datasets (1-D, or columns of 2-D ones) of observables and"
              + " per-benchmark weights.")
  static final class Hdf5 extends Table {
    @Override
    Path dataFile() {
      return Hdf5Import.dataFile(files.config, files.setup);
    }

    @Override
    ImportStep.Result run() {
      return ImportStep.hdf5(files.config, files.setup, files.out);
    }
  }

  static void human(ImportStep.Result r) {
    System.out.printf(
        "%d of %d events written to %s (%d failed the cuts, %d had an observable that cannot be"
            + " computed, %d an efficiency)%n",
        r.eventsPassed(),
        r.eventsRead(),
        r.out(),
        r.failedCuts(),
        r.failedObservables(),
        r.failedEfficiencies());
    for (int b = 0; b < r.benchmarks().size(); b++) {
      String name = r.benchmarks().get(b);
      System.out.printf(
          java.util.Locale.ROOT,
          "  %-16s sigma = %.6g pb, %d events sampled here%n",
          name,
          r.crossSections()[b],
          r.eventsPerBenchmark().get(name));
    }
  }
}
