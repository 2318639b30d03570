package org.sbi4j.cli.quickstart;

import java.util.List;
import java.util.Locale;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.nplm.NplmPlots;
import org.sbi4j.inference.nplm.NplmResult;
import org.sbi4j.inference.nplm.NplmTest;
import org.sbi4j.inference.nplm.NplmTestConfig;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.nplm.Sampler;
import org.sbi4j.samples.EventSample;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * A small NPLM run on the 1D benchmark: reference e^{−x}, data with a narrow signal at 6.4, the
 * fast L-BFGS mode and a few toys; writes {@code nplm-null} and {@code nplm-f} plots.
 */
final class NplmStage implements Stage {
  private static final int REFERENCE = 2000;
  private static final double EXPECTED = 100;
  private static final double SIGNAL = 20;
  private static final int TOYS = NplmResult.MIN_TOYS_FOR_CHI2;

  @Override
  public String name() {
    return "nplm: test data with a tail signal against an e^-x reference";
  }

  @Override
  public void run(QuickstartContext context) {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), REFERENCE, EXPECTED);
    NplmProblem observed =
        new SampledToys(
                Sampler.exponential(1),
                REFERENCE,
                EXPECTED,
                Sampler.normal(6.4, 0.16),
                SIGNAL,
                null)
            .draw(context.seed(20));
    NplmTrainingConfig training =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9).withOptimizer(NplmOptimizer.LBFGS);
    NplmResult result;
    try (LocalTaskRunner runner = LocalTaskRunner.perCore()) {
      result =
          NplmTest.run(
              observed, nulls, new NplmTestConfig(training, TOYS, context.seed(21)), runner);
    }
    EventSample reference = EventSample.ofFeatures(List.of("x"), observed.reference());
    NplmPlots.save(result, reference, context.out().resolve("nplm"));
    context.summary("nplm", result.summary());
    context.section(
        "NPLM",
        String.format(
            Locale.ROOT,
            "Reference e^{-x} (%d events, N(0) = %.0f), data with %.0f expected signal events at "
                + "x = 6.4: t = %.2f; %d toys fit χ² with k = %.2f; Z = %.2f (χ²), %.2f (toys). "
                + "Plots: nplm-null.png, nplm-f.png.",
            REFERENCE,
            EXPECTED,
            SIGNAL,
            result.t(),
            TOYS,
            result.dof(),
            result.z(),
            result.zEmpirical()));
  }
}
