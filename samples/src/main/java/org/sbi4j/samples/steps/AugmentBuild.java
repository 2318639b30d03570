package org.sbi4j.samples.steps;

import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.AugmentResult;
import org.sbi4j.samples.mining.EventDrawer;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.JointTrainingSamples;
import org.sbi4j.samples.mining.NuisancePrior;
import org.sbi4j.samples.mining.PlainSampling;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.mining.WeightedView;

/** The body of {@link AugmentStep}: one sample (SALLY, ratio with one θ1, plain or test). */
final class AugmentBuild {
  private AugmentBuild() {}

  /** A built sample and its number of θ0 points (ratio), θ points (plain, test) or 1 (sally). */
  record Built(AugmentResult result, int points) {}

  /** One sample: SALLY, RATIO with one θ1, PLAIN or TEST. */
  static Built build(AugmentStep.Request r, AugmentStep.Nuisance nu, TaskRunner runner) {
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
      if (r.method() == AugmentStep.Method.PLAIN || r.method() == AugmentStep.Method.TEST) {
        if (r.theta0Prior() == null) {
          throw new InvalidValueException(
              "theta0Prior", "a plain or test sample needs the points θ from a θ0 prior");
        }
        if (joint != null) {
          throw new InvalidValueException(
              "method",
              "plain and test samples are not available for an event file with nuisance"
                  + " parameters");
        }
        double[][] thetas =
            Prior.parse(r.theta0Prior())
                .points(in.setup(), r.thetaPoints(), Seeds.derive(r.seed(), 7));
        a =
            PlainSampling.sample(
                draws,
                in.setup(),
                thetas,
                r.samples(),
                r.method() == AugmentStep.Method.TEST,
                r.maxNegativeFraction(),
                r.seed());
      } else if (r.method() == AugmentStep.Method.SALLY) {
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
    int points =
        r.theta1Prior() != null
            ? a.thetas().length / 2
            : a.thetas().length - (r.method() == AugmentStep.Method.RATIO ? 1 : 0);
    return new Built(a, points);
  }

  /** The θ1 points of a doubly parameterised sample, parse errors named after the θ1 prior. */
  private static double[][] theta1Points(AugmentStep.Request r, EventFile in) {
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
