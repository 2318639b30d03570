package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.training.Method;
import org.sbi4j.training.TrainingConfig;

/**
 * Closure of the estimators on interference-1d against the exact likelihood, at CI size: 20k
 * ratio rows (41 θ0 grid points in [−1, 1], θ1 = 0), 2 × 64 tanh, 20 epochs, lr 3e−3 → 1e−4.
 * The full run (100k rows, 3 × 100, target E[(log r̂ − log r)²] < 0.01) is
 * {@link AccuracyBenchmark}, recorded in bench/results/training.md. Measured at this size over 8
 * training seeds (fused engine, 2026-11-23): ALICES 0.012–0.018, CARL 0.091–0.123, RASCAL
 * 0.035–0.091 (α = 10; its ROLR term has infinite variance here, and an ensemble of 3 does not
 * narrow that range: 0.040–0.082), SALLY ρ = 0.998. The bounds below leave a factor ≈ 2 over the
 * worst of the 8 seeds for other platforms' rounding. With θ0 at 5000 uniform points instead of
 * the grid (what {@link AccuracyBenchmark} uses) this size measured no clear gain, so the test
 * keeps the grid.
 */
class EstimatorAccuracyIT {
  private static final int ROWS = 20_000;
  private static EventSample ratio;
  private static EventSource events;

  @BeforeAll
  static void sample() {
    events = EstimatorAccuracy.events(4 * ROWS, 11);
    ratio = EstimatorAccuracy.gridRatioSample(events, ROWS, 12);
  }

  private static TrainingConfig config() {
    return TrainingConfig.builder().epochs(20).hiddenLayers(List.of(64, 64)).learningRate(3e-3)
        .finalLearningRate(1e-4).build();
  }

  @Test
  void alicesBeatsCarlAndIsAccurate() {
    double alices = EstimatorAccuracy.logRatioMse(
        EstimatorAccuracy.train(ratio, Method.ALICES, config(), 13), 10_000, 14);
    double carl = EstimatorAccuracy.logRatioMse(
        EstimatorAccuracy.train(ratio, Method.CARL, config(), 13), 10_000, 14);
    System.out.printf("ALICES MSE %.5f, CARL MSE %.5f%n", alices, carl);
    // Measured 0.012–0.018 (ALICES) and 0.091–0.123 (CARL) over 8 seeds: see the class comment.
    assertTrue(alices < 0.035, "ALICES MSE " + alices);
    assertTrue(alices < carl / 2, "gold mining must help: ALICES " + alices + " vs CARL " + carl);
  }

  @Test
  void rascalIsAccurate() {
    double mse = EstimatorAccuracy.logRatioMse(
        EstimatorAccuracy.train(ratio, Method.RASCAL, config(), 15), 10_000, 16);
    System.out.printf("RASCAL MSE %.5f%n", mse);
    // Measured 0.035–0.091 over 8 seeds with RASCAL's default α = 10 (≈ 0.12 with α = 1): the
    // ROLR term (1/r̂ − 1/r)² on rows drawn at θ0 has infinite variance here (dσ(z|θ0) has a zero
    // for θ0 < 0), so the score term carries the fit (bench/results/training.md). The bound leaves
    // a factor 1.6 over the worst seed; predicting log r̂ = 0 gives E[(log r)²] = 0.72.
    assertTrue(mse < 0.15, "RASCAL MSE " + mse);
  }

  @Test
  void sallyCorrelatesWithTheExactScore() {
    double rho = EstimatorAccuracy.scoreCorrelation(EstimatorAccuracy.train(
        EstimatorAccuracy.sallySample(events, ROWS, 17), Method.SALLY, config(), 18), 10_000, 19);
    System.out.printf("SALLY rho %.5f%n", rho);
    assertTrue(rho > 0.98, "ρ(t̂, t) = " + rho);
  }
}
