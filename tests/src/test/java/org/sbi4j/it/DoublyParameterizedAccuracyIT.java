package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.bench.DoublyParameterizedAccuracyBenchmark;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.RatioModel;

/**
 * Closure of the doubly parameterised ALICES estimator (docs/math.md §3.8) on interference-1d
 * against the exact likelihood: E[(log r̂(x|θ0,θ1) − log r(x|θ0,θ1))²] &lt; 0.01 over θ0, θ1 ~
 * U(−1, 1) and x ~ p(x|θ1) (issue 15), on the recipe and sample of {@link
 * DoublyParameterizedAccuracyBenchmark} (200k rows, the shipped gold recipe with its 50 epochs) at
 * training seed 1. The table of docs/math.md §3.8 gives seeds 1 to 4 on this recipe: 0.00759 ±
 * 0.00044, 0.00551 ± 0.00041, 0.00640 ± 0.00040 (each below 0.01 by at least 5.5 standard errors)
 * and 0.00963 ± 0.00044 (below 0.01 by 0.8 standard errors only: the recipe is not yet robust at
 * every seed); on the former 100k rows seed 3 missed the target (0.0178).
 *
 * <p>Test-set size: {@value #PAIRS} pairs (θ0, θ1, x) with x drawn from p(x|θ1) itself ({@link
 * DoublyMetric#direct}, checked against quadrature in {@code DoublyMetricTest}), whose plain mean
 * has a standard error of about 0.0004 at this accuracy (measured); the test asserts that the bound
 * lies at least 3 standard errors above the estimate, so that the comparison with 0.01 is not
 * decided by the test set's noise. Evaluating the pairs takes a few seconds; training (200k rows
 * and their mirrors, 50 epochs) dominates: 559 s under load (load 4–5), about twice the training
 * time of the former 100k rows (bench/results/doubly-accuracy.md).
 */
class DoublyParameterizedAccuracyIT {
  static final int PAIRS = 200_000;
  private static final long SEED = 1;

  @Test
  void doublyParameterisedAlicesReachesTheTarget() {
    TrainingConfig recipe = DoublyParameterizedAccuracyBenchmark.recipe();
    RatioModel model =
        DoublyParameterizedAccuracyBenchmark.train(
            recipe, DoublyParameterizedAccuracyBenchmark.ROWS, SEED);
    double[] mse = DoublyMetric.direct(DoublyParameterizedAccuracyBenchmark.of(model), PAIRS, 6);
    System.out.printf(
        "doubly parameterised ALICES E[(log r̂ − log r)²] %.5f ± %.5f%n", mse[0], mse[1]);
    assertTrue(mse[0] < 0.01, "doubly parameterised ALICES MSE " + mse[0] + " ± " + mse[1]);
    assertTrue(
        mse[1] < (0.01 - mse[0]) / 3,
        "the margin to 0.01 is below 3 standard errors: " + mse[0] + " ± " + mse[1]);
  }
}
