package org.sbi4j.morphing;

import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Check;
import org.sbi4j.common.Seeds;

/**
 * Searches for a morphing basis with small weights over the parameter ranges: the figure of merit
 * is the mean over θ ~ U(ranges) of Σ_b w_b(θ)² (docs/math.md §1). A seeded random search over
 * candidate bases is followed by local refinement (one benchmark moved at a time, steps shrinking
 * on rejection). Fixed benchmarks are kept in place. Same seed, same basis.
 */
public final class BasisOptimizer {
  private final List<Parameter> parameters;
  private final int[][] components;
  private final BasisOptimizerConfig config;

  public BasisOptimizer(
      List<Parameter> parameters, int[][] components, BasisOptimizerConfig config) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("no parameters to optimise a basis for");
    }
    this.parameters = List.copyOf(parameters);
    this.components = Check.copy(components);
    this.config = config;
  }

  /**
   * @param fixed benchmarks that must stay in the basis (rows × parameters; may be empty)
   * @param size number of benchmarks in the basis, at least the number of components
   * @param seed root seed of the search
   * @throws IllegalArgumentException when no acceptable basis is found
   */
  public OptimizedBasis optimize(double[][] fixed, int size, long seed) {
    int p = parameters.size();
    Check.rectangular("fixed benchmarks", fixed, p);
    if (size < components.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a basis of %d benchmarks cannot morph %d components; ask for at least %d",
              size,
              components.length,
              components.length));
    }
    if (fixed.length > size) {
      throw new IllegalArgumentException(
          fixed.length + " fixed benchmarks exceed the basis size " + size);
    }
    double[][] test = uniformPoints(config.testPoints(), Seeds.derive(seed, 1));
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 2));

    double[][] best = null;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int trial = 0; trial < config.trials(); trial++) {
      double[][] candidate = new double[size][];
      for (int b = 0; b < size; b++) {
        candidate[b] = b < fixed.length ? fixed[b].clone() : uniformPoint(rng);
      }
      double score = score(candidate, test);
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "no candidate basis among %d trials has cond(M) <= %.3g; widen the parameter ranges or "
                  + "raise the number of trials",
              config.trials(),
              config.maxCondition()));
    }
    double[] step = new double[p];
    for (int i = 0; i < p; i++) {
      step[i] = 0.1 * (parameters.get(i).max() - parameters.get(i).min());
    }
    int movable = size - fixed.length;
    for (int s = 0; s < config.refinementSteps() && movable > 0; s++) {
      int b = fixed.length + rng.nextInt(movable);
      double[][] candidate = Check.copy(best);
      for (int i = 0; i < p; i++) {
        Parameter par = parameters.get(i);
        double v = candidate[b][i] + step[i] * (2 * rng.nextDouble() - 1);
        candidate[b][i] = Math.min(par.max(), Math.max(par.min(), v));
      }
      double score = score(candidate, test);
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      } else if (s % 50 == 49) {
        for (int i = 0; i < p; i++) {
          step[i] *= 0.8;
        }
      }
    }
    Morpher m = Morpher.of(components, best, config.maxCondition());
    return new OptimizedBasis(best, m.meanSquaredWeight(test), m.conditionNumber());
  }

  /** Test points θ ~ U(ranges), rows × parameters, reproducible from {@code seed}. */
  public double[][] uniformPoints(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[][] out = new double[n][];
    for (int k = 0; k < n; k++) {
      out[k] = uniformPoint(rng);
    }
    return out;
  }

  private double[] uniformPoint(UniformRandomProvider rng) {
    double[] t = new double[parameters.size()];
    for (int i = 0; i < t.length; i++) {
      Parameter par = parameters.get(i);
      t[i] = par.min() + (par.max() - par.min()) * rng.nextDouble();
    }
    return t;
  }

  private double score(double[][] basis, double[][] test) {
    try {
      return Morpher.of(components, basis, config.maxCondition()).meanSquaredWeight(test);
    } catch (IllegalArgumentException singularOrDuplicate) {
      return Double.POSITIVE_INFINITY;
    }
  }
}
