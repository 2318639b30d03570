package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.inference.diagnostics.NormalizedRatio;
import org.sbi4j.inference.fisher.FisherKind;
import org.sbi4j.inference.likelihood.DataFiles;
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
    if (context.has("modelAlices")) {
      sources.add(alices(context.get("modelAlices"), events));
    }
    if (context.has("modelSally")) {
      sources.add(ModelSources.limitSource(context.<Path>get("modelSally")));
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
                + "information). ALICES's r̂(x|θ) is normalised per θ to mean 1 under θ1 = 0 over "
                + "the validation partition, as the exact ratio is (`limits --normalize`, "
                + "docs/math.md §10.6).",
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

  /**
   * ALICES as the quickstart scans it, labelled "ALICES": the model folder's ratio normalised per θ
   * over the validation partition of {@code events} at θ1 = 0 (docs/math.md §10.6; {@code limits
   * --normalize}). Unnormalised, its mean under θ1 at θ = −0.4 was 0.99–1.04 and the intervals
   * missed 0.03/0.05 on 6 of the 12 seeds of bench/results/quickstart-seeds.md (up to 0.114 at the
   * lower 95 % end); normalised, none did.
   */
  static LimitSource alices(Path model, Path events) {
    LimitSource.Ratio raw = (LimitSource.Ratio) ModelSources.limitSource(model);
    LimitSource.Ratio normalised =
        (LimitSource.Ratio) NormalizedRatio.normalize(raw, DataFiles.events(events));
    return new LimitSource.Ratio(raw.label(), normalised.estimator());
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
