package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.steps.AugmentStep;

/** SALLY and ratio training samples from the simulated events. */
final class AugmentStage implements Stage {
  /** SALLY rows: its limits bin t̂, which needs only a monotone score, so a small sample does. */
  static final int SALLY_ROWS = 20_000;

  /**
   * Ratio rows and θ0 points: ALICES's log r̂ over θ0 ∈ [−1, 1] sets its interval. 100 000 rows
   * with 26 epochs (TrainStage) and the limits stage's normalisation of r̂ per θ
   * (LimitsStage#alices) held the intervals within 0.03/0.05 of the exact ones on all 12 root and
   * training seeds measured; 50 000 rows with 40 epochs (about 0.8× the training CPU) on 11 of the
   * 12 (bench/results/quickstart-seeds.md). Unnormalised neither is robust to the seed.
   */
  static final int RATIO_ROWS = 100_000;

  static final int RATIO_THETAS = 1_000;

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
                events,
                new double[] {0},
                SALLY_ROWS,
                Partition.TRAIN,
                sally,
                context.seed(3),
                0.05));
    AugmentStep.Result r =
        AugmentStep.run(
            new AugmentStep.Request(
                events,
                AugmentStep.Method.RATIO,
                null,
                "uniform:-1:1",
                RATIO_THETAS,
                new double[] {0},
                RATIO_ROWS,
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
