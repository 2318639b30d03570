package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.Interval;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.LimitsAnalysis;
import org.sbi4j.inference.limits.LimitsReport;
import org.sbi4j.inference.limits.LimitsRequest;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.NuisanceSettings;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.steps.SimulateStep;

/**
 * Systematic uncertainties (docs/math.md §7): the toy again with its {@code norm} and {@code shape}
 * nuisance parameters (nuisance benchmarks at ν = ±1), and the expected limits of the exact
 * likelihood and the histogram baseline with the nuisances profiled beside the same limits with ν
 * fixed at 0, so the cost of the systematics is read off one table.
 */
final class SystematicsStage implements Stage {
  static final int EVENTS = 20_000;

  @Override
  public String name() {
    return "systematics: limits with and without nuisance parameters";
  }

  @Override
  public void run(QuickstartContext context) {
    Path events = context.out().resolve("events-nuisances.h5");
    SimulateStep.run("interference-1d", EVENTS, events, context.seed(7), true);
    List<LimitSource> sources =
        List.of(
            new LimitSource.Ratio(
                "exact",
                ExactRatio.withNuisances(Interference1D.withNuisances(), new double[] {0})),
            LimitSource.histogram(List.of("x")));
    Map<String, LimitsResult> profiled = limits(events, sources, NuisanceSettings.DEFAULT);
    Map<String, LimitsResult> fixed =
        limits(
            events, sources, new NuisanceSettings(false, Map.of(), NuisanceMorphing.Policy.ERROR));
    context.section(
        "Systematic uncertainties",
        String.format(
            Locale.ROOT,
            "%d events of interference-1d with two nuisance parameters: `norm` (10 %% log-normal"
                + " normalisation) and `shape` (the slope of z, e^{-(1+0.1ν)z}), stored as"
                + " nuisance benchmarks at ν = ±1 in `events-nuisances.h5`. Expected limits at"
                + " θ_true = 0, L = %.0f pb⁻¹: with the nuisances profiled (constraint N(0, 1))"
                + " and with ν fixed at 0.",
            EVENTS,
            LimitsStage.LUMINOSITY));
    context.report(
        "| method | 68 % CL, ν fixed | 68 % CL, ν profiled | 95 % CL, ν fixed | 95 % CL,"
            + " ν profiled |");
    context.report("|---|---|---|---|---|");
    Map<String, Object> summary = new LinkedHashMap<>();
    for (String method : profiled.keySet()) {
      Intervals p = profiled.get(method).scan().intervals().get("theta");
      Intervals f = fixed.get(method).scan().intervals().get("theta");
      context.report(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |",
              method,
              text(f.cl68()),
              text(p.cl68()),
              text(f.cl95()),
              text(p.cl95())));
      summary.put(
          method,
          Map.of(
              "fixed", Map.of("cl68", f.cl68().bounds(), "cl95", f.cl95().bounds()),
              "profiled", Map.of("cl68", p.cl68().bounds(), "cl95", p.cl95().bounds())));
    }
    context.report("");
    context.summary("systematics", summary);
  }

  private static Map<String, LimitsResult> limits(
      Path events, List<LimitSource> sources, NuisanceSettings nuisances) {
    LimitsReport report =
        LimitsAnalysis.run(
            new LimitsRequest(
                events,
                sources,
                new double[] {0},
                null,
                LimitsStage.LUMINOSITY,
                ParameterGrid.parse("-0.9:0.9:37"),
                null,
                null,
                nuisances));
    Map<String, LimitsResult> out = new LinkedHashMap<>();
    for (LimitsResult r : report.results()) {
      out.put(r.method(), r);
    }
    return out;
  }

  private static String text(Interval i) {
    return String.format(Locale.ROOT, "[%.3f, %.3f]", i.lower(), i.upper());
  }
}
