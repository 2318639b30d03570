package org.sbi4j.inference.nplm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.training.nplm.NplmFit;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * The NPLM test (D'Agnolo and Wulzer, PRD 99, 015014 (2019); D'Agnolo et al., EPJC 81, 89 (2021)):
 * t = −2 min L[f] on the observed data, the null distribution of t from K toys, a χ²_k fitted to
 * it, and p-values and significances.
 *
 * <p>Seeds: the observed fit uses derive(seed, 0); toy k draws its data with derive(seed, 1, k) and
 * trains with derive(seed, 2, k). Toys run on the given {@link TaskRunner} (one toy per thread,
 * each single-threaded), so the toys' t are the same whichever runner and thread count runs them.
 */
public final class NplmTest {
  private NplmTest() {}

  /** Runs the test of {@code observed} against toys from {@code toys}. */
  public static NplmResult run(
      NplmProblem observed, ToySource toys, NplmTestConfig config, TaskRunner runner) {
    if (observed.dataSize() == 0) {
      throw new IllegalArgumentException("the data sample is empty; give it events");
    }
    if (observed.dimension() != toys.dimension()) {
      throw new IllegalArgumentException(
          "data have " + observed.dimension() + " columns but the toys " + toys.dimension());
    }
    double[] nullT =
        nullDistribution(
            toys, config.training(), config.toys(), config.seed(), runner, config.toysDir());
    return withNull(observed, nullT, config, runner);
  }

  /**
   * The test of {@code observed} against a null distribution already computed (e.g. by a {@link
   * ClipScan} at {@code config}'s clip); the observed fit uses derive(seed, 0) as in {@link #run}.
   */
  static NplmResult withNull(
      NplmProblem observed, double[] nullT, NplmTestConfig config, TaskRunner runner) {
    NplmFit fit =
        NplmTrainer.train(
            observed,
            config.training().withThreads(Math.max(1, runner.parallelism())),
            Seeds.derive(config.seed(), 0));
    return NplmResult.of(fit.t(), nullT, fit.model());
  }

  /** The t of K toys, in toy order: toy k is the same however the toys are run. */
  public static double[] nullDistribution(
      ToySource toys, NplmTrainingConfig training, int count, long seed, TaskRunner runner) {
    return nullDistribution(toys, training, count, seed, runner, null);
  }

  /**
   * The t of K toys, in toy order, each written to {@code toysDir} as it finishes; toys already
   * there (from an interrupted run with the same seed, toy source and training config) are not
   * rerun.
   *
   * @param toysDir the toys folder, or null for none
   */
  public static double[] nullDistribution(
      ToySource toys,
      NplmTrainingConfig training,
      int count,
      long seed,
      TaskRunner runner,
      Path toysDir) {
    NplmTrainingConfig single = training.withThreads(1);
    Map<Long, Double> done =
        toysDir == null ? Map.of() : ToyStore.open(toysDir, key(toys, single, seed));
    String dir = toysDir == null ? null : toysDir.toString();
    List<Long> missing = new ArrayList<>(count);
    for (long k = 0; k < count; k++) {
      if (!done.containsKey(k)) {
        missing.add(k);
      }
    }
    List<Double> fresh =
        runner.map(
            missing,
            k -> {
              double t = toyT(toys, single, seed, k);
              if (dir != null) {
                ToyStore.save(dir, k, t);
              }
              return t;
            });
    double[] t = new double[count];
    for (int k = 0, j = 0; k < count; k++) {
      t[k] = done.containsKey((long) k) ? done.get((long) k) : fresh.get(j++);
    }
    return t;
  }

  /** What determines every toy: the source's key, the seed and the training options. */
  static Map<String, String> key(ToySource toys, NplmTrainingConfig single, long seed) {
    Map<String, String> key = new LinkedHashMap<>();
    key.put("seed", Long.toString(seed));
    key.putAll(toys.key());
    key.put("training", single.toString());
    return key;
  }

  /** t of toy k. */
  public static double toyT(ToySource toys, NplmTrainingConfig training, long seed, long k) {
    NplmProblem problem = toys.draw(Seeds.derive(seed, 1, k));
    return NplmTrainer.train(problem, training, Seeds.derive(seed, 2, k)).t();
  }
}
