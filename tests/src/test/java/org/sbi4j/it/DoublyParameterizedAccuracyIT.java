package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.bench.DoublyParameterizedAccuracyBenchmark;
import org.sbi4j.training.TrainingConfig;

/**
 * Closure of the doubly parameterised ALICES estimator (docs/math.md §3.8) on interference-1d
 * against the exact likelihood: E[(log r̂(x|θ0,θ1) − log r(x|θ0,θ1))²] &lt; 0.01 over θ0, θ1 ~
 * U(−1, 1) and x ~ p(x|θ1) (issue 15).
 *
 * <p>The recipe is the shipped default: {@code configs/train-gold.yaml} (3 × 100 tanh, lr 1e−3 →
 * 1e−4, gradient clipping 0.1, 50 epochs, one network) on 100k rows of a doubly parameterised
 * sample, trained with swapped pairs (config {@code swapPairs}, on by default: every row also as
 * (θ1, θ0)); the sample and the metric are {@link DoublyParameterizedAccuracyBenchmark}'s. Without
 * the swap the same network measured 0.0136 and an ensemble of two 0.0120 (2026-12-07); with it see
 * the table of docs/math.md §3.8, which gives the value and the Monte Carlo standard error of the
 * metric at this seed and another. The cost is that of the former ensemble of two (2 × 75k training
 * rows per epoch).
 *
 * <p>Test-set size: 20 000 pairs (θ0, θ1, x). The standard error of the self-normalised estimate of
 * the mean squared error is printed and asserted below a fifth of the margin to the bound, so the
 * comparison with 0.01 is not decided by the test set's noise.
 */
class DoublyParameterizedAccuracyIT {
  private static final long SEED = 1;

  @Test
  void doublyParameterisedAlicesOnSwappedPairsReachesTheTarget() {
    TrainingConfig recipe = DoublyParameterizedAccuracyBenchmark.recipe();
    double[] mse =
        DoublyParameterizedAccuracyBenchmark.run(
            recipe, DoublyParameterizedAccuracyBenchmark.ROWS, SEED);
    System.out.printf(
        "doubly parameterised ALICES E[(log r̂ − log r)²] %.5f ± %.5f%n", mse[0], mse[1]);
    assertTrue(mse[0] < 0.01, "doubly parameterised ALICES MSE " + mse[0] + " ± " + mse[1]);
    assertTrue(
        mse[1] < (0.01 - mse[0]) / 5,
        "the test set's standard error " + mse[1] + " is not small against the margin");
  }
}
