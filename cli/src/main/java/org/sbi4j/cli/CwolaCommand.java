package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sbi4j.inference.cwola.BumpHunt;
import org.sbi4j.inference.cwola.CwolaConfig;
import org.sbi4j.inference.cwola.CwolaResult;
import org.sbi4j.inference.cwola.CwolaSearch;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.PlainSamples;
import org.sbi4j.training.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j cwola}: CWoLa hunting (docs/cli.md, docs/math.md §5.10). */
@Command(
    name = "cwola",
    mixinStandardHelpOptions = true,
    description =
        "CWoLa hunting: classifiers trained to tell the signal region from the sidebands select "
            + "events whose resonant variable is bump-hunted.")
final class CwolaCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "F",
      description = "Events (.h5 with x, or .csv) with the resonant variable and the features.")
  Path data;

  @Option(
      names = "--mass",
      defaultValue = "m",
      paramLabel = "NAME",
      description = "The resonant variable's observable (default ${DEFAULT-VALUE}).")
  String mass;

  @Option(
      names = "--signal-region",
      required = true,
      paramLabel = "LO:HI",
      description = "Signal region [LO, HI) of the resonant variable.")
  String signalRegion;

  @Option(
      names = "--sidebands",
      required = true,
      paramLabel = "LO:HI",
      description = "Outer edges of the sidebands: [LO, signal region) and [signal region, HI].")
  String sidebands;

  @Option(
      names = "--features",
      required = true,
      paramLabel = "A,B",
      description = "Classifier features, comma-separated observable names (not the mass).")
  String features;

  @Option(
      names = "--folds",
      defaultValue = "5",
      paramLabel = "K",
      description = "Folds (default ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--efficiency",
      defaultValue = "0.1",
      paramLabel = "EPS",
      description = "Fraction of each fold kept by the selection (default ${DEFAULT-VALUE}).")
  double efficiency;

  @Option(
      names = "--bins",
      defaultValue = "4",
      paramLabel = "N",
      description = "Signal-region bins of the bump-hunt fit (default ${DEFAULT-VALUE}).")
  int bins;

  @Option(
      names = "--epochs",
      defaultValue = "20",
      paramLabel = "E",
      description = "Classifier epochs (default ${DEFAULT-VALUE}).")
  int epochs;

  @Mixin SeedOption seed;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of(
        "signalRegion",
        "--signal-region",
        "sidebands",
        "--sidebands",
        "features",
        "--features",
        "folds",
        "--folds",
        "efficiency",
        "--efficiency",
        "bins",
        "--bins",
        "epochs",
        "--epochs");
  }

  @Override
  public void declare(Outputs o) {
    common.declare(o).input("--data", data);
  }

  @Override
  public Integer call() {
    double[] sr = range("--signal-region", signalRegion);
    double[] sb = range("--sidebands", sidebands);
    EventSample events = PlainSamples.read(data);
    List<String> observables = events.observables();
    List<String> names = Arrays.stream(features.split(",")).map(String::trim).toList();
    int mi = column(observables, mass, "--mass");
    int[] fi = new int[names.size()];
    for (int j = 0; j < fi.length; j++) {
      if (names.get(j).equals(mass)) {
        throw new IllegalArgumentException(
            "--features: the resonant variable '"
                + mass
                + "' cannot be a feature (the classifier would learn the signal region itself)");
      }
      fi[j] = column(observables, names.get(j), "--features");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs: " + epochs + " must be ≥ 1");
    }
    int d = observables.size();
    double[] x = events.x();
    int n = events.size();
    double[] m = new double[n];
    double[] f = new double[n * fi.length];
    for (int i = 0; i < n; i++) {
      m[i] = x[i * d + mi];
      for (int j = 0; j < fi.length; j++) {
        f[i * fi.length + j] = x[i * d + fi[j]];
      }
    }
    TrainingConfig classifier = CwolaConfig.defaultClassifier().toBuilder().epochs(epochs).build();
    CwolaConfig config =
        new CwolaConfig(sr[0], sr[1], sb[0], sb[1], folds, efficiency, bins, classifier);
    boolean human = common.humanOutput();
    CwolaResult result =
        CwolaSearch.run(
            m,
            f,
            names,
            config,
            seed.value,
            (done, total) -> {
              if (human) {
                System.err.printf(Locale.ROOT, "cwola: fold %d/%d trained%n", done, total);
              }
            });
    common.report(
        result.summary(),
        () -> {
          print("inclusive", result.inclusive(), result.events());
          print("selected", result.selected(), result.selectedEvents());
        });
    return 0;
  }

  private static void print(String name, BumpHunt h, int events) {
    System.out.printf(
        Locale.ROOT,
        "%-9s %7d events: signal region %d observed, %.1f expected from the sidebands; "
            + "Z = %.3f, p = %.4g%n",
        name,
        events,
        h.observed(),
        h.background(),
        h.z(),
        h.pValue());
  }

  private static int column(List<String> observables, String name, String option) {
    int i = observables.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(
          option + ": the data have no observable '" + name + "'; they have " + observables);
    }
    return i;
  }

  private static double[] range(String option, String text) {
    String[] parts = text.split(":");
    try {
      if (parts.length == 2) {
        double lo = Double.parseDouble(parts[0].trim());
        double hi = Double.parseDouble(parts[1].trim());
        if (Double.isFinite(lo) && Double.isFinite(hi) && lo < hi) {
          return new double[] {lo, hi};
        }
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException(
        option + ": '" + text + "' is not LO:HI with finite LO < HI, e.g. 1.9:2.1");
  }
}
