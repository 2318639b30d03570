package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.inference.nplm.ClipScan;
import org.sbi4j.inference.nplm.NplmAnalysis;
import org.sbi4j.inference.nplm.NplmPlots;
import org.sbi4j.inference.nplm.NplmResult;
import org.sbi4j.inference.nplm.NplmTestConfig;
import org.sbi4j.inference.nplm.NuisanceTest;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.PlainSamples;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmTrainingConfig;
import org.sbi4j.training.nplm.NuisanceFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j nplm}: the NPLM goodness-of-fit test (docs/cli.md, docs/math.md §5). */
@Command(
    name = "nplm",
    mixinStandardHelpOptions = true,
    description =
        "NPLM test of data against a reference sample, or of two samples "
            + "(--symmetrized --a F --b F).")
final class NplmCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Option(names = "--data", paramLabel = "F", description = "Observed data (.h5 with x, or .csv).")
  Path data;

  @Option(
      names = "--reference",
      paramLabel = "F",
      description =
          "Reference sample from the Standard Model (.h5 or .csv); toys are drawn " + "from it.")
  Path reference;

  @Option(
      names = "--expected",
      paramLabel = "N0",
      description = "Expected number of data events under the reference hypothesis, N(0).")
  Double expected;

  @Option(
      names = "--network",
      paramLabel = "LAYERS",
      description = "Layer sizes, comma-separated (default: d,4,1).")
  String network;

  @Option(
      names = "--clip",
      paramLabel = "W",
      description = "Weight clipping box [−W, W] (default 9; none with --symmetrized).")
  Double clip;

  @Option(
      names = "--choose-clip",
      paramLabel = "LO:HI:N",
      description =
          "Choose W: run --toys null toys at N clips evenly spaced from LO to HI and use the "
              + "largest whose toys are compatible with χ² of the network's parameter count "
              + "(instead of --clip).")
  String chooseClip;

  @Mixin NplmKernelOptions kernel;

  @Option(
      names = "--standardize",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Standardise x with the reference's weighted mean and spread before the network "
              + "(default; --no-standardize feeds raw x).")
  boolean standardize;

  @Option(
      names = "--optimizer",
      defaultValue = "adam",
      paramLabel = "adam|lbfgs",
      description =
          "adam: --epochs full-batch Adam steps; lbfgs: the fast projected L-BFGS "
              + "mode (default ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(
      names = "--precision",
      defaultValue = "float64",
      paramLabel = "float64|float32",
      description =
          "Arithmetic of the Adam steps: float32 is the NPLM authors' precision and about 3 ×"
              + " faster; t is always computed in double (default ${DEFAULT-VALUE}).")
  String precision;

  @Option(
      names = "--epochs",
      defaultValue = "300000",
      paramLabel = "E",
      description = "Adam epochs (default ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--toys",
      defaultValue = "100",
      paramLabel = "K",
      description = "Null toys, or permutations with --symmetrized (default ${DEFAULT-VALUE}).")
  int toys;

  @Option(names = "--symmetrized", description = "Two-sample test of --a against --b.")
  boolean symmetrized;

  @Option(names = "--a", paramLabel = "F", description = "Sample A (with --symmetrized).")
  Path a;

  @Option(names = "--b", paramLabel = "F", description = "Sample B (with --symmetrized).")
  Path b;

  @Mixin RunnerOptions runner;

  @Mixin Bars bars;

  @Mixin NplmNuisanceOptions nuisance;

  @Option(
      names = "--toys-dir",
      paramLabel = "DIR",
      description =
          "Write each toy's t here as it finishes; rerunning with the same folder, "
              + "seed and options resumes from the finished toys (on a cluster: a shared folder).")
  Path toysDir;

  @Mixin SeedOption seed;

  @Option(
      names = "--plot",
      paramLabel = "PREFIX",
      description =
          "Write PREFIX-null.{png,svg} (null distribution, fitted χ², observed t) and, "
              + "for 1-2 observables, PREFIX-f.{png,svg} (learned e^f over the reference).")
  Path plot;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of(
        "network",
        "--network",
        "clip",
        "--clip",
        "chooseClip",
        "--choose-clip",
        "centers",
        "--centers",
        "sigma",
        "--sigma",
        "lambda",
        "--lambda",
        "toys",
        "--toys",
        "expected",
        "--expected",
        "toysDir",
        "--toys-dir",
        "threads",
        "--threads",
        "nuisance",
        "--nuisance",
        "auxiliary",
        "--auxiliary",
        "reference-variation",
        "--reference-variation",
        "variation-degree",
        "--variation-degree");
  }

  @Override
  public void declare(Outputs o) {
    common
        .declare(o)
        .input("--data", data)
        .input("--reference", reference)
        .input("--a", a)
        .input("--b", b)
        .inputs("--reference-variation", nuisance.files())
        .prefix("--plot", plot, "-null.png", "-null.svg", "-f.png", "-f.svg")
        .folder("--toys-dir", toysDir);
  }

  @Override
  public Integer call() {
    EventSample first;
    EventSample second;
    if (symmetrized) {
      require(a != null && b != null, "--symmetrized needs --a FILE and --b FILE");
      require(
          data == null && reference == null,
          "--symmetrized takes --a and --b, not --data/--reference");
      first = PlainSamples.read(a);
      second = PlainSamples.read(b);
    } else {
      require(
          data != null && reference != null && expected != null,
          "nplm needs --data FILE --reference FILE --expected N0 (or --symmetrized --a --b)");
      first = PlainSamples.read(data);
      second = PlainSamples.read(reference);
    }
    NetworkShape shape =
        network == null ? NetworkShape.of(first.featureCount(), 4, 1) : NetworkShape.parse(network);
    double w = clip != null ? clip : symmetrized ? Double.POSITIVE_INFINITY : 9.0;
    NplmTrainingConfig training =
        NplmTrainingConfig.defaults(shape, w)
            .withOptimizer(parseOptimizer(optimizer))
            .withEpochs(epochs)
            .withStandardize(standardize)
            .withKernel(kernel.config(clip != null || network != null))
            .withPrecision(parsePrecision(precision));
    require(
        training.precision() == Precision.FLOAT64
            || training.optimizer() == NplmOptimizer.ADAM && training.kernel() == null,
        "--precision float32 applies to the network's Adam steps; drop it with --optimizer lbfgs"
            + " or --model kernel");
    double[] clips = null;
    if (chooseClip != null) {
      require(clip == null, "give either --clip W or --choose-clip LO:HI:N, not both");
      require(
          !symmetrized,
          "--choose-clip scans null toys against a reference; the symmetrized test takes --clip");
      require(
          toysDir == null,
          "--choose-clip runs its toys in memory (one set per clip); drop --toys-dir");
      clips = ClipScan.grid(chooseClip);
    }
    require(
        toysDir == null || !symmetrized,
        "--toys-dir resumes the toys of the test against a "
            + "reference; the symmetrized test's permutations are not stored, drop --toys-dir");
    // each toy keeps its t, and the resumable toy store a line per toy
    MemoryBudget.require("toys", "toys", toys, 64, "use fewer toys");
    NplmTestConfig config = new NplmTestConfig(training, toys, seed.value, toysDir);
    nuisance.requireUnusedWithout();
    if (nuisance.active()) {
      require(
          training.precision() == Precision.FLOAT64,
          "--nuisance fits in double precision; drop --precision float32");
      require(
          !symmetrized && clips == null && toysDir == null && training.kernel() == null,
          "--nuisance works with the test of --data against --reference on the network model; "
              + "drop --symmetrized, --choose-clip, --toys-dir and --model kernel");
      return withNuisances(first, second, config);
    }
    double[] grid = clips;
    NplmAnalysis.ClipChoice choice =
        runner.run(
            "nplm",
            bars,
            tasks ->
                symmetrized
                    ? new NplmAnalysis.ClipChoice(
                        null, NplmAnalysis.symmetrized(first, second, config, tasks))
                    : grid != null
                        ? NplmAnalysis.choosingClip(first, second, expected, grid, config, tasks)
                        : new NplmAnalysis.ClipChoice(
                            null, NplmAnalysis.against(first, second, expected, config, tasks)));
    NplmResult result = choice.result();
    ClipScan scan = choice.scan();
    if (plot != null) {
      NplmPlots.save(result, symmetrized ? null : second, plot);
    }
    Map<String, Object> json = result.summary();
    NplmReport.addCalibration(json, result, config.training());
    List<String> warnings = new ArrayList<>(result.warnings());
    if (scan != null) {
      json.put("clip", scan.chosen());
      json.put("clipParameters", scan.parameters());
      json.put("clipScan", scan.summary());
      warnings.addAll(scan.warnings());
    }
    json.put("warnings", warnings);
    NplmReport.write(common, result, warnings, json, scan, toys, null);
    return 0;
  }

  /** The test with nuisances: t = τ − Δ (math.md §5.11). */
  private int withNuisances(EventSample data, EventSample ref, NplmTestConfig config) {
    NplmNuisanceOptions.Spec spec = nuisance.build(ref);
    NuisanceTest.Outcome outcome =
        runner.run(
            "nplm",
            tasks ->
                NplmAnalysis.withNuisances(
                    data, ref, expected, config, spec.model(), spec.aux(), tasks));
    NplmResult result = outcome.result();
    NuisanceFit fit = outcome.observed();
    if (plot != null) {
      NplmPlots.save(result, ref, plot);
    }
    Map<String, Object> json = result.summary();
    NplmReport.addCalibration(json, result, config.training());
    json.put("tau", fit.tau());
    json.put("delta", fit.delta());
    json.put("nuisances", NplmNuisanceOptions.json(spec, fit));
    List<String> warnings = new ArrayList<>(result.warnings());
    json.put("warnings", warnings);
    NplmReport.write(
        common,
        result,
        warnings,
        json,
        null,
        toys,
        String.format(
            Locale.ROOT,
            "τ = %.4g, Δ = %.4g; ν̂ (τ fit, Δ fit):%s%n",
            fit.tau(),
            fit.delta(),
            NplmNuisanceOptions.line(spec, fit)));
    return 0;
  }

  private static NplmOptimizer parseOptimizer(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "adam" -> NplmOptimizer.ADAM;
      case "lbfgs" -> NplmOptimizer.LBFGS;
      default ->
          throw new IllegalArgumentException(
              "--optimizer " + name + " is unknown; use adam or lbfgs");
    };
  }

  private static Precision parsePrecision(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "float64" -> Precision.FLOAT64;
      case "float32" -> Precision.FLOAT32;
      default ->
          throw new IllegalArgumentException(
              "--precision " + name + " is unknown; use float64 or float32");
    };
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
