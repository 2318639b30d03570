package org.sbi4j.inference.protomodels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Check;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;

/**
 * The global p-value of the Standard Model (docs/math.md §9.6): the builder on the database and on
 * {@code fakes} fake databases, all walkers of all runs as tasks of one map.
 */
public final class GlobalPValue {
  private GlobalPValue() {}

  /**
   * The outcome.
   *
   * @param observed the walkers on the real database
   * @param fakeK K of each fake database (its walkers' best)
   * @param pValue fraction of fakes with K ≥ K_obs
   * @param pValueRandomized ties with K_obs broken at random: exactly uniform under the SM
   */
  public record Result(
      List<WalkerState> observed, double[] fakeK, double pValue, double pValueRandomized) {
    public Result {
      observed = List.copyOf(observed);
      fakeK = fakeK.clone();
    }

    @Override
    public double[] fakeK() {
      return fakeK.clone();
    }

    /** K of the real database. */
    public double observedK() {
      return observed.get(Builder.bestWalker(observed)).bestEvaluation().k();
    }
  }

  /**
   * Runs the builder on the database (root seed {@code Seeds.derive(seed, 0)}) and on fake f
   * (observations from {@code Seeds.derive(seed, 1, f)}, walkers from {@code Seeds.derive(seed, 2,
   * f)}).
   *
   * @param checkpoints folder with {@code observed/} and {@code fake-NNNN/} checkpoint folders, or
   *     null
   */
  public static Result run(
      DatabaseSource source,
      BuildConfig config,
      int fakes,
      Path checkpoints,
      TaskRunner tasks,
      boolean progress) {
    Check.positive("fakes", fakes);
    long seed = config.seed();
    List<Builder.WalkerTask> all =
        new ArrayList<>(
            Builder.tasks(
                source,
                config,
                Seeds.derive(seed, 0),
                checkpoints == null ? null : checkpoints.resolve("observed"),
                progress,
                ""));
    for (int f = 0; f < fakes; f++) {
      all.addAll(
          Builder.tasks(
              source.faked(Seeds.derive(seed, 1, f)),
              config,
              Seeds.derive(seed, 2, f),
              checkpoints == null
                  ? null
                  : checkpoints.resolve(String.format(java.util.Locale.ROOT, "fake-%04d", f)),
              progress,
              "fake " + f + " "));
    }
    List<WalkerState> states = tasks.map(all, Builder::walk);
    int w = config.walkers();
    List<WalkerState> observed = states.subList(0, w);
    double kObs = observed.get(Builder.bestWalker(observed)).bestEvaluation().k();
    double[] fakeK = new double[fakes];
    int above = 0;
    int ties = 0;
    for (int f = 0; f < fakes; f++) {
      List<WalkerState> run = states.subList(w * (f + 1), w * (f + 2));
      fakeK[f] = run.get(Builder.bestWalker(run)).bestEvaluation().k();
      if (fakeK[f] > kObs) {
        above++;
      } else if (fakeK[f] == kObs) {
        ties++;
      }
    }
    double u = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 3)).nextDouble();
    double p = (double) (above + ties) / fakes;
    double pRandom = (above + u * (1 + ties)) / (fakes + 1);
    return new Result(new ArrayList<>(observed), fakeK, p, pRandom);
  }
}
