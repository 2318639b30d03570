package org.sbi4j.samples.steps;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.mining.AugmentResult;
import org.sbi4j.samples.mining.EventDrawer;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.JointTrainingSamples;
import org.sbi4j.samples.mining.NegativeWeights;
import org.sbi4j.samples.mining.NuisancePrior;
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
   * @param theta1Prior the θ1 prior of a doubly parameterised ratio sample ({@link Prior#parse});
   *     null: the fixed {@code theta1}. Exactly one of the two is given for RATIO.
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
      String theta1Prior) {
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
   * @param thetaPoints θ0 points (ratio; θ1 not counted) or 1 (sally)
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
    AugmentResult a;
    try (EventFile in = MadMinerFiles.open(r.events())) {
      Nuisances nuisances = Unweighter.nuisancesOf(in);
      if (nuisances.isEmpty() && nu.nu0Prior() != null) {
        throw new InvalidValueException(
            "nu0Prior",
            "the event file declares no nuisance parameters, so there is no ν0 to draw; leave"
                + " it out or use an event file with nuisance benchmarks");
      }
      double[] nu1 = JointMining.resolve("nu1", nu.nu1(), nuisances);
      double[] nuRef = JointMining.resolve("nuRef", nu.nuRef(), nuisances);
      MemoryBudget.require(
          "samples",
          "rows",
          r.samples(),
          bytesPerRow(in.observables().size(), in.setup().parameters().size() + nuisances.size()),
          "draw fewer rows (several smaller samples can be trained on one after another)");
      EventDrawer draws =
          runner == null
              ? new Unweighter(new GoldMiner(in.setup())).drawer(WeightedView.of(in, r.partition()))
              : ChunkedAugment.drawer(
                  r.events(), r.partition(), runner, Unweighter.EVENTS_PER_CHUNK);
      TrainingSamples ts = new TrainingSamples(in.setup(), r.maxNegativeFraction());
      JointTrainingSamples joint =
          nuisances.isEmpty()
              ? null
              : new JointTrainingSamples(in.setup(), nu.policy(), r.maxNegativeFraction());
      // the events σ(θ,ν) is summed over (the drawer's partition), only for a sample over (θ, ν)
      WeightedView view = joint == null ? null : WeightedView.of(in, r.partition());
      if (r.method() == Method.SALLY) {
        if (r.thetaRef() == null) {
          throw new InvalidValueException(
              "thetaRef", "a sally sample needs a reference point θ_ref");
        }
        a =
            joint == null
                ? ts.sally(draws, r.thetaRef(), r.samples(), r.seed())
                : joint.sally(view, draws, r.thetaRef(), nuRef, r.samples(), r.seed());
      } else {
        if (r.theta1() != null && r.theta1Prior() != null) {
          throw new InvalidValueException(
              "theta1Prior",
              "give either a fixed θ1 or a θ1 prior (doubly parameterised sample), not both");
        }
        if (r.theta0Prior() == null || r.theta1() == null && r.theta1Prior() == null) {
          throw new InvalidValueException(
              r.theta0Prior() == null ? "theta0Prior" : "theta1",
              "a ratio sample needs a θ0 prior and a θ1 (or a θ1 prior)");
        }
        double[][] theta0 =
            Prior.parse(r.theta0Prior())
                .points(in.setup(), r.thetaPoints(), org.sbi4j.common.Seeds.derive(r.seed(), 7));
        if (r.theta1Prior() != null) {
          if (joint != null) {
            throw new InvalidValueException(
                "theta1Prior",
                "a doubly parameterised sample (θ1 prior) is not available for an event file with"
                    + " nuisance parameters; give a fixed θ1");
          }
          double[][] theta1 = theta1Points(r, in);
          a = ts.doublyRatio(draws, theta0, theta1, r.samples(), r.seed());
        } else if (joint == null) {
          a = ts.ratio(draws, theta0, r.theta1(), r.samples(), r.seed());
        } else {
          NuisancePrior prior =
              nu.nu0Prior() == null ? NuisancePrior.CONSTRAINT : parseNuisancePrior(nu.nu0Prior());
          if (!prior.fixed() && theta0.length < r.thetaPoints()) {
            // a grid or the benchmarks: repeat the θ0 points so that ν0 gets thetaPoints draws
            double[][] tiled = new double[r.thetaPoints()][];
            for (int k = 0; k < tiled.length; k++) {
              tiled[k] = theta0[k % theta0.length];
            }
            theta0 = tiled;
          }
          double[][] nu0 =
              nuisancePoints(prior, nuisances, theta0.length, Seeds.derive(r.seed(), 8));
          a = joint.ratio(view, draws, theta0, nu0, r.theta1(), nu1, r.samples(), r.seed());
        }
      }
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
    int points =
        r.theta1Prior() != null
            ? a.thetas().length / 2
            : a.thetas().length - (r.method() == Method.RATIO ? 1 : 0);
    return new Result(
        a.sample().size(), points, ess, neg, frac, r.out().toString(), a.nuisanceNames());
  }

  /** The θ1 points of a doubly parameterised sample, parse errors named after the θ1 prior. */
  private static double[][] theta1Points(Request r, EventFile in) {
    try {
      return Prior.parse(r.theta1Prior())
          .points(in.setup(), r.thetaPoints(), Seeds.derive(r.seed(), 9));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("theta1Prior", e.getMessage());
    }
  }

  private static NuisancePrior parseNuisancePrior(String text) {
    try {
      return NuisancePrior.parse(text);
    } catch (InvalidValueException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("nu0Prior", e.getMessage());
    }
  }

  private static double[][] nuisancePoints(
      NuisancePrior prior, Nuisances nuisances, int count, long seed) {
    try {
      return prior.draw(nuisances.names(), count, seed);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("nu0Prior", e.getMessage());
    }
  }

  /**
   * Estimated bytes one row of a training sample takes while it is built and written: x, θ0, θ1,
   * t(x|θ0), t(x|θ1), y and log r, twice (the sample and its written copy), plus the draw itself.
   */
  static long bytesPerRow(int observables, int parameters) {
    return 2 * 8L * (observables + 4L * parameters + 2) + 16;
  }
}
