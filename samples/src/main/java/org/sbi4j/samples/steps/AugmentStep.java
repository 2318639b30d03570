package org.sbi4j.samples.steps;

import java.nio.file.Path;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.mining.AugmentResult;
import org.sbi4j.samples.mining.EventDrawer;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.NegativeWeights;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.mining.WeightedView;

/** {@code sbi4j augment}: training samples for SALLY or the ratio methods from an event file. */
public final class AugmentStep {
  private AugmentStep() {}

  /** Which training sample to build. */
  public enum Method {
    /** x ~ θ_ref with t(x,z|θ_ref). */
    SALLY,
    /** θ0 from a prior, θ1 fixed, y ∈ {0, 1}, log r and both scores. */
    RATIO;

    /** The method called {@code name} (sally, ratio). */
    public static Method parse(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown augment method '" + name + "'; choose sally or ratio");
      }
    }
  }

  /**
   * What to build.
   *
   * @param events the event file
   * @param method SALLY or RATIO
   * @param thetaRef θ_ref (SALLY)
   * @param theta0Prior the θ0 prior (RATIO; {@link Prior#parse})
   * @param thetaPoints number of θ0 points drawn from a prior that is not a grid
   * @param theta1 θ1 (RATIO)
   * @param samples rows
   * @param partition which partition to draw from
   * @param out the training-sample file
   * @param seed the seed
   * @param maxNegativeFraction largest fraction of Σ|dσ_e(θ)| carried by events with dσ_e ≤ 0
   */
  public record Request(
      Path events,
      Method method,
      double[] thetaRef,
      String theta0Prior,
      int thetaPoints,
      double[] theta1,
      int samples,
      Partition partition,
      Path out,
      long seed,
      double maxNegativeFraction) {
    /** A SALLY request: joint scores t(x, z|θ_ref) on {@code samples} rows, no θ0 prior or θ1. */
    public static Request sally(
        Path events,
        double[] thetaRef,
        int samples,
        Partition partition,
        Path out,
        long seed,
        double maxNegativeFraction) {
      return new Request(
          events,
          Method.SALLY,
          thetaRef,
          null,
          0,
          null,
          samples,
          partition,
          out,
          seed,
          maxNegativeFraction);
    }
  }

  /**
   * The result.
   *
   * @param rows rows written
   * @param thetaPoints θ0 points (ratio; θ1 not counted) or 1 (sally)
   * @param minEffectiveSampleSize smallest 1/max p over the points
   * @param maxNegativeEvents most events with dσ_e ≤ 0 at any point
   * @param maxNegativeFraction largest fraction of Σ|dσ_e| they carry at any point
   * @param out the file written
   */
  public record Result(
      int rows,
      int thetaPoints,
      double minEffectiveSampleSize,
      long maxNegativeEvents,
      double maxNegativeFraction,
      String out) {}

  /** Builds and writes the training sample in this thread. */
  public static Result run(Request r) {
    return run(r, null);
  }

  /**
   * Builds and writes the training sample; the two unweighting passes run as tasks over chunks of
   * {@link Unweighter#EVENTS_PER_CHUNK} events on {@code runner} ({@link ChunkedAugment}), or in
   * this thread when it is null. The output is the same either way.
   */
  public static Result run(Request r, TaskRunner runner) {
    Check.positive("samples", r.samples());
    AugmentResult a;
    try (EventFile in = MadMinerFiles.open(r.events())) {
      MemoryBudget.require(
          "samples",
          "rows",
          r.samples(),
          bytesPerRow(in.observables().size(), in.setup().parameters().size()),
          "draw fewer rows (several smaller samples can be trained on one after another)");
      EventDrawer draws =
          runner == null
              ? new Unweighter(new GoldMiner(in.setup())).drawer(WeightedView.of(in, r.partition()))
              : ChunkedAugment.drawer(
                  r.events(), r.partition(), runner, Unweighter.EVENTS_PER_CHUNK);
      TrainingSamples ts = new TrainingSamples(in.setup(), r.maxNegativeFraction());
      if (r.method() == Method.SALLY) {
        if (r.thetaRef() == null) {
          throw new InvalidValueException(
              "thetaRef", "a sally sample needs a reference point θ_ref");
        }
        a = ts.sally(draws, r.thetaRef(), r.samples(), r.seed());
      } else {
        if (r.theta0Prior() == null || r.theta1() == null) {
          throw new InvalidValueException(
              r.theta0Prior() == null ? "theta0Prior" : "theta1",
              "a ratio sample needs a θ0 prior and a θ1");
        }
        double[][] theta0 =
            Prior.parse(r.theta0Prior())
                .points(in.setup(), r.thetaPoints(), org.sbi4j.common.Seeds.derive(r.seed(), 7));
        a = ts.ratio(draws, theta0, r.theta1(), r.samples(), r.seed());
      }
    }
    TrainingFiles.write(r.out(), a.sample());
    double ess = Double.POSITIVE_INFINITY;
    long neg = 0;
    double frac = 0;
    for (int k = 0; k < a.thetas().length; k++) {
      ess = Math.min(ess, a.effectiveSampleSize()[k]);
      NegativeWeights nw = a.negatives()[k];
      neg = Math.max(neg, nw.count());
      frac = Math.max(frac, nw.fraction());
    }
    int points = a.thetas().length - (r.method() == Method.RATIO ? 1 : 0);
    return new Result(a.sample().size(), points, ess, neg, frac, r.out().toString());
  }

  /**
   * Estimated bytes one row of a training sample takes while it is built and written: x, θ0, θ1,
   * t(x|θ0), t(x|θ1), y and log r, twice (the sample and its written copy), plus the draw itself.
   */
  static long bytesPerRow(int observables, int parameters) {
    return 2 * 8L * (observables + 4L * parameters + 2) + 16;
  }
}
