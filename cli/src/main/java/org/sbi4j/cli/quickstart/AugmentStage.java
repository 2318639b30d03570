package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.steps.AugmentStep;

/** SALLY and ratio training samples from the simulated events. */
final class AugmentStage implements Stage {
  @Override
  public String name() {
    return "augment: SALLY and ratio training samples";
  }

  @Override
  public void run(QuickstartContext context) {
    Path events = context.get("events");
    Path sally = context.out().resolve("train_sally.h5");
    Path ratio = context.out().resolve("train_ratio.h5");
    AugmentStep.Result s =
        AugmentStep.run(
            AugmentStep.Request.sally(
                events, new double[] {0}, 20_000, Partition.TRAIN, sally, context.seed(3), 0.05));
    AugmentStep.Result r =
        AugmentStep.run(
            new AugmentStep.Request(
                events,
                AugmentStep.Method.RATIO,
                null,
                "uniform:-1:1",
                50,
                new double[] {0},
                20_000,
                Partition.TRAIN,
                ratio,
                context.seed(4),
                0.05));
    context.put("trainSally", sally);
    context.put("trainRatio", ratio);
    context.summary("augmentSally", s);
    context.summary("augmentRatio", r);
    context.section(
        "Training samples",
        String.format(
            Locale.ROOT,
            "SALLY at θ_ref = 0: %d rows (`train_sally.h5`); ratio with θ0 ~ U(−1, 1) at %d points "
                + "and θ1 = 0: %d rows (`train_ratio.h5`); smallest effective sample size %.0f.",
            s.rows(),
            r.thetaPoints(),
            r.rows(),
            Math.min(s.minEffectiveSampleSize(), r.minEffectiveSampleSize())));
  }
}
