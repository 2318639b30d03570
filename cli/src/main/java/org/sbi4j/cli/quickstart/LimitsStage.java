package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.inference.fisher.FisherKind;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.Interval;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.LimitsAnalysis;
import org.sbi4j.inference.limits.LimitsReport;
import org.sbi4j.inference.limits.LimitsRequest;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.ModelSources;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.simulators.Simulators;

/**
 * Expected limits at θ_true = 0, L = 10 pb⁻¹ on the toy: the exact likelihood, the trained ALICES
 * and SALLY models when earlier stages shared them (artefacts {@code modelAlices} and {@code
 * modelSally}, model folders), and the histogram baseline on x; one plot and a table.
 */
final class LimitsStage implements Stage {
  static final double LUMINOSITY = 10;

  @Override
  public String name() {
    return "limits: expected limits (exact, trained models, histogram)";
  }

  @Override
  public void run(QuickstartContext context) {
    Path events = context.get("events");
    List<LimitSource> sources = new ArrayList<>();
    sources.add(exact());
    for (String key : List.of("modelAlices", "modelSally")) {
      if (context.has(key)) {
        sources.add(ModelSources.limitSource(context.<Path>get(key)));
      }
    }
    sources.add(LimitSource.histogram(List.of("x")));
    Path plot = context.out().resolve("limits");
    LimitsReport report = expectedLimits(events, sources, plot);
    Map<String, Object> summary = new LinkedHashMap<>();
    context.section(
        "Expected limits",
        String.format(
            Locale.ROOT,
            "θ_true = 0, L = %.0f pb⁻¹ (n = %.2f expected events), Asimov data from the test "
                + "partition; plot `limits.png` (dashed: Cramér–Rao from the truth-level Fisher "
                + "information).",
            LUMINOSITY,
            report.results().get(0).events()));
    context.report("| method | best fit | 68 % CL | 95 % CL |");
    context.report("|---|---|---|---|");
    for (LimitsResult r : report.results()) {
      Intervals iv = r.scan().intervals().get("theta");
      context.report(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %s | %s |",
              r.method(),
              r.scan().bestFit()[0],
              text(iv.cl68()),
              text(iv.cl95())));
      summary.put(r.method(), Map.of("cl68", iv.cl68().bounds(), "cl95", iv.cl95().bounds()));
    }
    for (String w : report.warnings()) {
      context.report("");
      context.report("Warning: " + w);
    }
    context.report("");
    context.summary("limits", summary);
  }

  /** The exact likelihood ratio of the toy against θ1 = 0. */
  static LimitSource exact() {
    return new LimitSource.Ratio(
        "exact", new ExactRatio(Simulators.INTERFERENCE_1D.create(), new double[] {0}));
  }

  /**
   * The quickstart's expected limits of {@code sources}: θ_true = 0, L = {@link #LUMINOSITY},
   * Asimov data from the test partition of {@code events}, the grid −0.9:0.9:37; a plot at {@code
   * plot} (null: none).
   */
  static LimitsReport expectedLimits(Path events, List<LimitSource> sources, Path plot) {
    return LimitsAnalysis.run(
        new LimitsRequest(
            events,
            sources,
            new double[] {0},
            null,
            LUMINOSITY,
            ParameterGrid.parse("-0.9:0.9:37"),
            FisherKind.TRUTH,
            plot));
  }

  private static String text(Interval i) {
    return String.format(Locale.ROOT, "[%.3f, %.3f]", i.lower(), i.upper());
  }
}
