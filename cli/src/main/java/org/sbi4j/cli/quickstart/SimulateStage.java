package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.samples.steps.SimulateStep;

/** Simulates the one-parameter interference toy into {@code events.h5}. */
final class SimulateStage implements Stage {
  /**
   * Events of the toy. 200 000 rather than fewer: the ratio sample is unweighted from the 120 000
   * training events, and at θ0 near −1 few events carry the weight (smallest effective sample size
   * ≈ 360 at 50 000 events, ≈ 1800 here), which biased ALICES's lower limits.
   */
  static final int EVENTS = 200_000;

  @Override
  public String name() {
    return "simulate: interference-1d events at a morphing basis";
  }

  @Override
  public void run(QuickstartContext context) {
    Path events = context.out().resolve("events.h5");
    SimulateStep.Result r = SimulateStep.run("interference-1d", EVENTS, events, context.seed(2));
    context.put("events", events);
    context.summary("simulate", r);
    context.section(
        "Simulation",
        String.format(
            Locale.ROOT,
            "%d events of %s (z ~ e^{-z}(1+θ(z-1))²/(1+θ²), x = z + N(0, 0.5²)) weighted at the "
                + "benchmarks %s: Σw = %s (exact σ = 1 + θ²: 1, 2, 2). File: `events.h5`.",
            r.events(),
            r.process(),
            r.benchmarks(),
            java.util.Arrays.stream(r.crossSections())
                .mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
                .toList()));
  }
}
