package org.sbi4j.inference.nplm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.samples.Permutations;
import org.sbi4j.training.nplm.NplmProblem;
import org.sbi4j.training.nplm.NplmTrainer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * The symmetrized two-sample NPLM test (docs/math.md §5): with the pooled sample P = A ∪ B as
 * reference, t = t_{A+B}(A) + t_{A+B}(B), where t_{A+B}(A) = −2 min_f [(N_A/(N_A+N_B)) Σ_{x∈P}
 * (e^{f(x)} − 1) − Σ_{x∈A} f(x)] and likewise for B. The null distribution comes from permutations
 * of P that keep the sizes N_A and N_B.
 *
 * <p>Seeds: the observed terms train with derive(seed, 0, 0) and derive(seed, 0, 1); permutation k
 * shuffles with derive(seed, 1, k) and trains with derive(seed, 2, k, 0) and (…, 1).
 */
public final class SymmetrizedTest {
  private SymmetrizedTest() {}

  /**
   * Runs the test.
   *
   * @param dimension d
   * @param a N_A × d events of sample A, row-major, N_A ≥ 1
   * @param b N_B × d events of sample B, row-major, N_B ≥ 1
   */
  public static NplmResult run(
      int dimension, double[] a, double[] b, NplmTestConfig config, TaskRunner runner) {
    check("A", a, dimension);
    check("B", b, dimension);
    int na = a.length / dimension;
    double[] pooled = new double[a.length + b.length];
    System.arraycopy(a, 0, pooled, 0, a.length);
    System.arraycopy(b, 0, pooled, a.length, b.length);
    NplmTrainingConfig training = config.training().withThreads(Math.max(1, runner.parallelism()));
    double t = statistic(dimension, pooled, na, training, Seeds.derive(config.seed(), 0));
    NplmTrainingConfig single = config.training().withThreads(1);
    List<Long> indices = new ArrayList<>();
    for (long k = 0; k < config.toys(); k++) {
      indices.add(k);
    }
    long seed = config.seed();
    List<Double> perm =
        runner.map(
            indices,
            k ->
                statistic(
                    dimension,
                    permute(pooled, dimension, Seeds.derive(seed, 1, k)),
                    na,
                    single,
                    Seeds.derive(seed, 2, k)));
    return NplmResult.of(t, perm.stream().mapToDouble(Double::doubleValue).toArray(), null);
  }

  /** t of the split "first N_A rows of {@code pooled} are A, the rest B". */
  static double statistic(int d, double[] pooled, int na, NplmTrainingConfig training, long seed) {
    int n = pooled.length / d;
    double[] a = java.util.Arrays.copyOfRange(pooled, 0, na * d);
    double[] b = java.util.Arrays.copyOfRange(pooled, na * d, pooled.length);
    NplmProblem pa = NplmProblem.weighted(d, pooled, null, a, null, na);
    NplmProblem pb = NplmProblem.weighted(d, pooled, null, b, null, n - na);
    return NplmTrainer.train(pa, training, Seeds.derive(seed, 0)).t()
        + NplmTrainer.train(pb, training, Seeds.derive(seed, 1)).t();
  }

  private static double[] permute(double[] pooled, int d, long seed) {
    int n = pooled.length / d;
    int[] index = Permutations.random(n, seed);
    double[] out = new double[pooled.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(pooled, index[i] * d, out, i * d, d);
    }
    return out;
  }

  private static void check(String name, double[] x, int d) {
    if (x.length == 0) {
      throw new IllegalArgumentException("sample " + name + " is empty; give it events");
    }
    if (x.length % d != 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "sample %s has %d values, not rows of %d features", name, x.length, d));
    }
    for (int k = 0; k < x.length; k++) {
      if (!Double.isFinite(x[k])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "sample %s row %d, column %d is %s; remove or fix that event",
                name,
                k / d,
                k % d,
                x[k]));
      }
    }
  }
}
