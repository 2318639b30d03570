package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.fisher.FisherKind;
import org.sbi4j.inference.limits.Interval;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.LimitsAnalysis;
import org.sbi4j.inference.limits.LimitsReport;
import org.sbi4j.inference.limits.LimitsRequest;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.SourceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j limits}: expected or observed limits (CLI.md). */
@Command(name = "limits", mixinStandardHelpOptions = true,
    description = "Expected (Asimov) or observed limits from ratio models or histograms.")
final class LimitsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Mixin RunnerOptions runner;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A trained ratio or SALLY model folder (repeat for several methods).")
  List<Path> models = new ArrayList<>();

  @Option(names = "--histogram", paramLabel = "OBS[,OBS]",
      description = "Histogram baseline on one or two observables (repeatable).")
  List<String> histograms = new ArrayList<>();

  @Option(names = "--bins", paramLabel = "N",
      description = "Adaptive histogram bins per dimension (default 80 in 1D, 12 in 2D).")
  Integer bins;

  @Option(names = "--events", required = true, paramLabel = "FILE",
      description = "Weighted event file; its test partition gives the expected (Asimov) data.")
  Path events;

  @Option(names = "--theta-true", split = ",", paramLabel = "T",
      description = "θ_true of the expected limits, comma-separated.")
  double[] thetaTrue;

  @Option(names = "--observed", paramLabel = "DATA",
      description = "Data file for observed limits (event file, plain .h5 or .csv).")
  Path observed;

  @Option(names = "--luminosity", required = true, paramLabel = "L",
      description = "Integrated luminosity in pb⁻¹.")
  double luminosity;

  @Option(names = "--grid", required = true, paramLabel = "lo:hi:n[,lo:hi:n]",
      description = "Scan grid, one lo:hi:n per parameter.")
  String grid;

  @Option(names = "--fisher", paramLabel = "KIND",
      description = "Also draw the Cramér–Rao expectation of this Fisher kind: truth or rate.")
  String fisher;

  @Option(names = "--plot", defaultValue = "limits", paramLabel = "PREFIX",
      description = "Writes PREFIX.png and PREFIX.svg (default ${DEFAULT-VALUE}).")
  Path plot;

  @Override
  public Integer call() {
    List<LimitSource> sources = new ArrayList<>();
    for (Path m : models) {
      sources.add(ModelSources.limitSource(m));
    }
    for (String h : histograms) {
      sources.add(ModelSources.open(new SourceSpec.Histogram(List.of(h.split(",")), bins)));
    }
    LimitsRequest request = new LimitsRequest(events, sources, thetaTrue, observed, luminosity,
        ParameterGrid.parse(grid), fisher == null ? null : FisherKind.parse(fisher), plot);
    LimitsReport report;
    try (TaskRunner tasks = runner.open("limits")) {
      report = LimitsAnalysis.run(request, tasks);
    }
    for (String w : report.warnings()) {
      System.err.println("warning: " + w);
    }
    common.writeJson(report.summary());
    if (common.humanOutput()) {
      for (LimitsResult r : report.results()) {
        r.scan().intervals().forEach((name, iv) -> System.out.printf(Locale.ROOT,
            "%s %s: best fit %s = %.4g; 68%% %s, 95%% %s%n", r.method(),
            r.expected() ? "expected" : "observed", name,
            r.scan().bestFit()[r.scan().parameters().indexOf(name)], text(iv.cl68()),
            text(iv.cl95())));
      }
      System.out.println("plot: " + String.join(", ", report.plotFiles()));
    }
    return 0;
  }

  private static String text(Interval i) {
    return String.format(Locale.ROOT, "[%.4g, %.4g]", i.lower(), i.upper());
  }
}
