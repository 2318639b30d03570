package org.sbi4j.samples.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.mining.AugmentResult;
import org.sbi4j.samples.mining.JointTrainingSamples;
import org.sbi4j.samples.mining.NegativeWeights;
import org.sbi4j.samples.mining.NuisancePrior;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.PlainSampling;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.Unweighter;

/** {@code sbi4j augment}: training samples for SALLY or the ratio methods from an event file. */
public final class AugmentStep {
  private AugmentStep() {}

  /** Which training sample to build. */
  public enum Method {
    /** x ~ θ_ref with t(x,z|θ_ref). */
    SALLY,
    /** θ0 from a prior, θ1 fixed, y ∈ {0, 1}, log r and both scores. */
    RATIO,
    /** SALLY at several reference points θ_ref, rows split evenly. */
    LOCAL,
    /** x ~ p(x|θ) at θ from the θ0 prior, with θ (docs/math.md §12.2). */
    PLAIN,
    /** As PLAIN from the test partition, with weights σ(θ)/n_θ. */
    TEST;

    /** The method called {@code name} (sally, ratio, local, plain, test). */
    public static Method parse(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown augment method '" + name + "'; choose sally, ratio, local, plain or test");
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
   * @param theta1Prior the θ1 prior of a doubly parameterised ratio sample ({@link Prior#parse});
   *     null: the fixed {@code theta1}. Exactly one of the two is given for RATIO.
   * @param theta1s several θ1 values of a ratio sample, rows split evenly (null: {@code theta1})
   * @param thetaRefs the reference points of a LOCAL sample, rows split evenly (null: {@code
   *     thetaRef})
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
      double maxNegativeFraction,
      String theta1Prior,
      double[][] theta1s,
      double[][] thetaRefs) {
    /** A request with one θ1 or θ_ref. */
    public Request(
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
        double maxNegativeFraction,
        String theta1Prior) {
      this(
          events,
          method,
          thetaRef,
          theta0Prior,
          thetaPoints,
          theta1,
          samples,
          partition,
          out,
          seed,
          maxNegativeFraction,
          theta1Prior,
          null,
          null);
    }

    /** This request for one θ1 and θ_ref, {@code samples} rows and {@code seed}. */
    Request one(double[] theta1, double[] thetaRef, int samples, long seed) {
      return new Request(
          events,
          method == Method.LOCAL ? Method.SALLY : method,
          thetaRef,
          theta0Prior,
          thetaPoints,
          theta1,
          samples,
          partition,
          out,
          seed,
          maxNegativeFraction,
          theta1Prior);
    }

    /** A request with a fixed θ1 (no θ1 prior). */
    public Request(
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
      this(
          events,
          method,
          thetaRef,
          theta0Prior,
          thetaPoints,
          theta1,
          samples,
          partition,
          out,
          seed,
          maxNegativeFraction,
          null);
    }

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
   * How a sample treats the nuisance parameters of an event file that declares them (docs/math.md
   * §7.3); ignored for a file without them, where setting ν1 or ν_ref is an error.
   *
   * @param nu0Prior the ν0 prior of a ratio sample ({@link NuisancePrior#parse}); null: the
   *     constraint N(0, 1)
   * @param nu1 ν1 of a ratio sample; null: 0
   * @param nuRef ν_ref of a SALLY sample; null: 0
   * @param policy what to do with undefined nuisance coefficients
   */
  public record Nuisance(
      String nu0Prior, double[] nu1, double[] nuRef, NuisanceMorphing.Policy policy) {
    /** ν0 from its constraint, ν1 = ν_ref = 0, undefined coefficients refused. */
    public static final Nuisance DEFAULT =
        new Nuisance(null, null, null, NuisanceMorphing.Policy.ERROR);

    public Nuisance {
      if (policy == null) {
        throw new IllegalArgumentException("a nuisance policy is required");
      }
    }
  }

  /**
   * The result.
   *
   * @param rows rows written
   * @param thetaPoints θ0 points (ratio, per θ1; θ1 not counted), θ points (plain, test), reference
   *     points (local) or 1 (sally)
   * @param minEffectiveSampleSize smallest 1/max p over the points
   * @param maxNegativeEvents most events with dσ_e ≤ 0 at any point
   * @param maxNegativeFraction largest fraction of Σ|dσ_e| they carry at any point
   * @param out the file written
   * @param nuisances the nuisance parameters whose values follow θ in the sample (empty when none)
   */
  public record Result(
      int rows,
      int thetaPoints,
      double minEffectiveSampleSize,
      long maxNegativeEvents,
      double maxNegativeFraction,
      String out,
      List<String> nuisances) {}

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
    return run(r, Nuisance.DEFAULT, runner);
  }

  /**
   * As {@link #run(Request, TaskRunner)} with the nuisance settings {@code nu}: for an event file
   * with nuisance parameters the sample is over θ ⊕ ν ({@link JointTrainingSamples}).
   */
  public static Result run(Request r, Nuisance nu, TaskRunner runner) {
    Check.positive("samples", r.samples());
    double[][] several =
        r.method() == Method.LOCAL || r.method() == Method.SALLY ? r.thetaRefs() : r.theta1s();
    if (r.method() == Method.LOCAL && several == null && r.thetaRef() != null) {
      several = new double[][] {r.thetaRef()};
    }
    if (several != null
        && several.length > 1
        && r.method() != Method.LOCAL
        && r.method() != Method.RATIO) {
      throw new InvalidValueException(
          r.method() == Method.SALLY ? "thetaRef" : "theta1",
          "several values are only for the local (θ_ref) and ratio (θ1) methods; the local method is"
              + " SALLY at several reference points");
    }
    AugmentResult a;
    int points;
    if (several != null && several.length > 1 || r.method() == Method.LOCAL) {
      if (several == null || several.length == 0) {
        throw new InvalidValueException("thetaRef", "a local sample needs reference points θ_ref");
      }
      // rows split evenly over the values, each share drawn with its own derived seed
      int[] counts = PlainSampling.evenly(r.samples(), several.length);
      List<AugmentResult> parts = new ArrayList<>();
      int perPart = 0;
      for (int k = 0; k < several.length; k++) {
        if (counts[k] == 0) {
          continue;
        }
        Request one =
            r.method() == Method.LOCAL
                ? r.one(null, several[k], counts[k], seedOf(r, several.length, k))
                : r.one(several[k], null, counts[k], seedOf(r, several.length, k));
        AugmentBuild.Built b = AugmentBuild.build(one, nu, runner);
        parts.add(b.result());
        perPart = b.points();
      }
      a = PlainSampling.concat(parts);
      points = r.method() == Method.LOCAL ? parts.size() : perPart;
    } else {
      Request one =
          r.theta1s() == null ? r : r.one(r.theta1s()[0], r.thetaRef(), r.samples(), r.seed());
      AugmentBuild.Built b = AugmentBuild.build(one, nu, runner);
      a = b.result();
      points = b.points();
    }
    TrainingFiles.write(r.out(), a.sample(), a.nuisanceNames());
    double ess = Double.POSITIVE_INFINITY;
    long neg = 0;
    double frac = 0;
    for (int k = 0; k < a.thetas().length; k++) {
      ess = Math.min(ess, a.effectiveSampleSize()[k]);
      NegativeWeights nw = a.negatives()[k];
      neg = Math.max(neg, nw.count());
      frac = Math.max(frac, nw.fraction());
    }
    return new Result(
        a.sample().size(), points, ess, neg, frac, r.out().toString(), a.nuisanceNames());
  }

  /** The seed of share k of n: the request's own when there is one share. */
  private static long seedOf(Request r, int n, int k) {
    return n == 1 ? r.seed() : Seeds.derive(r.seed(), 100, k);
  }
}
