package org.sbi4j.morphing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Seeds;

/**
 * The façade behind {@code sbi4j morphing}: builds (or optimises) the basis of a setup and reports
 * components, condition number, the mean squared weight, and weights with gradients at a point.
 */
public final class MorphingAnalysis {
  /** Test points for the mean squared weight of a given basis. */
  public static final int TEST_POINTS = 1000;

  private final MorphingSetup setup;

  public MorphingAnalysis(MorphingSetup setup) {
    this.setup = setup;
  }

  public MorphingSetup setup() {
    return setup;
  }

  /**
   * @param theta point of the weights, one value per parameter, or null for the origin
   * @param optimize search a new basis (keeping no benchmark of the setup fixed)
   * @param trials random candidates of the search
   * @param basisSize size of the optimised basis, or null for the number of components
   * @param seed seed of the search and of the test points
   */
  public MorphingReport run(
      double[] theta, boolean optimize, int trials, Integer basisSize, long seed) {
    int p = setup.parameters().size();
    double[] point = theta == null ? new double[p] : theta.clone();
    setup.checkTheta("theta", point);
    int[][] components = setup.components();
    MorphingSetup used = setup;
    if (optimize) {
      int size = basisSize == null ? components.length : basisSize;
      BasisOptimizer optimizer =
          new BasisOptimizer(
              setup.parameters(), components, BasisOptimizerConfig.defaults().withTrials(trials));
      OptimizedBasis best = optimizer.optimize(new double[0][p], size, seed);
      List<Benchmark> benchmarks = new ArrayList<>();
      double[][] basis = best.basis();
      for (int b = 0; b < basis.length; b++) {
        benchmarks.add(
            new Benchmark(String.format(Locale.ROOT, "morphing_basis_vector_%d", b), basis[b]));
      }
      used = setup.withBenchmarks(benchmarks);
    } else if (setup.benchmarks().isEmpty()) {
      throw new InvalidValueException(
          "benchmarks",
          "the setup has no benchmarks; list them or let the basis optimiser choose them");
    }
    Morpher morpher = used.morpher();
    double[][] test =
        new BasisOptimizer(setup.parameters(), components, BasisOptimizerConfig.defaults())
            .uniformPoints(TEST_POINTS, Seeds.derive(seed, 1));
    return new MorphingReport(
        used.parameterNames(),
        components,
        used.benchmarkNames(),
        used.basis(),
        morpher.conditionNumber(),
        morpher.meanSquaredWeight(test),
        point,
        morpher.weights(point),
        morpher.weightGradients(point));
  }

  /** The morpher of the basis a report describes (its components and benchmarks). */
  public Morpher morpher(MorphingReport report) {
    return Morpher.of(report.components(), report.basis());
  }
}
