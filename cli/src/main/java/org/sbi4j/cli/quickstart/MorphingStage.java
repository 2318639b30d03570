package org.sbi4j.cli.quickstart;

import java.util.List;
import java.util.Locale;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingAnalysis;
import org.sbi4j.morphing.MorphingReport;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;

/** Morphing of a two-parameter production process: optimised basis and its weights. */
final class MorphingStage implements Stage {
  @Override
  public String name() {
    return "morphing: optimise a basis for two EFT parameters";
  }

  @Override
  public void run(QuickstartContext context) {
    MorphingSetup setup =
        MorphingSetup.of(
            List.of(Parameter.of("c_a", 2, -1, 1), Parameter.of("c_b", 2, -1, 1)),
            List.of(new Benchmark("sm", new double[] {0, 0})),
            2);
    MorphingReport report =
        new MorphingAnalysis(setup).run(new double[] {0.5, -0.5}, true, 200, null, context.seed(1));
    context.summary("morphing", report);
    context.section(
        "Morphing",
        String.format(
            Locale.ROOT,
            "Two parameters, production only: %d components; optimised basis of %d benchmarks with "
                + "cond(M) = %.3g and mean Σ_b w_b² = %.3g over the ranges.",
            report.components().length,
            report.basis().length,
            report.conditionNumber(),
            report.meanSquaredWeight()));
  }
}
