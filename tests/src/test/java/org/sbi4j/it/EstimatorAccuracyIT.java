package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.io.Configs;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;

/**
 * Closure of the estimators on interference-1d against the exact likelihood at the issue's size:
 * 100k ratio rows (θ0 at 5000 points drawn uniformly in [−1, 1], θ1 = 0) unweighted from 400k
 * events, 3 × 100 tanh, 50 epochs, with the shipped {@code configs/train-gold.yaml} (the defaults,
 * lr 1e−3 → 1e−4, plus each weight array's gradient clipped to norm 0.1); the fused engine trains
 * each network in ≈ 35 s on 2 cores. The seeds are {@link AccuracyBenchmark}'s seed s = 1 (events
 * 11, sample 12, training 13) and the 20 000 test pairs are its pairs.
 *
 * <p>Measured with this recipe over seeds s = 0…7 (bench/results/training.md, 2026-11-23): ALICES
 * 0.0022–0.0068 (s = 1: 0.0023); RASCAL (α = 10) 0.0050–0.0104, mean 0.0080 (s = 1: 0.0066); CARL
 * 0.0080–0.0113 over s = 0…3 (s = 1: 0.0082). The bounds are the issue's: E[(log r̂ − log r)²] <
 * 0.01 for ALICES and RASCAL, and CARL worse than ALICES, asserted as a factor 2 (measured 2.5–4.0
 * on the same seeds, 3.5 at s = 1). Same seed, same weights on the CPU, so the measured values are
 * what this test computes.
 */
class EstimatorAccuracyIT {
  private static final int ROWS = 100_000;
  private static final int SALLY_ROWS = 20_000;
  private static final long SEED = 1;
  private static EventSample ratio;
  private static EventSource events;
  private static TrainingConfig gold;

  @BeforeAll
  static void sample() {
    events = EstimatorAccuracy.events(4 * ROWS, 1 + 10 * SEED);
    ratio = EstimatorAccuracy.ratioSample(events, ROWS, 2 + 10 * SEED);
    gold = Configs.load(Path.of("..", "configs", "train-gold.yaml"), TrainingConfig.class);
  }

  private static double mse(Method method) {
    double mse =
        EstimatorAccuracy.logRatioMse(
            EstimatorAccuracy.train(ratio, method, gold, 3 + 10 * SEED), 20_000, 4);
    System.out.printf("%s E[(log r̂ − log r)²] %.5f%n", method.cliName(), mse);
    return mse;
  }

  @Test
  void alicesBeatsCarlAndReachesTheTarget() {
    double alices = mse(Method.ALICES);
    double carl = mse(Method.CARL);
    assertTrue(alices < 0.01, "ALICES MSE " + alices);
    // CARL sees the same events without the joint ratio and score: the gain of gold mining.
    assertTrue(alices < carl / 2, "gold mining must help: ALICES " + alices + " vs CARL " + carl);
  }

  @Test
  void rascalReachesTheTarget() {
    double rascal = mse(Method.RASCAL);
    assertTrue(rascal < 0.01, "RASCAL MSE " + rascal);
  }

  @Test
  void sallyCorrelatesWithTheExactScore() {
    // A small SALLY run: 20k rows, 2 × 64, 20 epochs (fused engine): ρ = 0.998 on SameDiff.
    TrainingConfig c = EstimatorAccuracy.fullSizeConfig().build();
    double rho =
        EstimatorAccuracy.scoreCorrelation(
            EstimatorAccuracy.train(
                EstimatorAccuracy.sallySample(events, SALLY_ROWS, 17), Method.SALLY, c, 18),
            10_000,
            19);
    System.out.printf("SALLY rho %.5f%n", rho);
    assertTrue(rho > 0.98, "ρ(t̂, t) = " + rho);
  }

  /**
   * SALLY at issue 21's size on the fused engine: 100k rows at θ_ref = 0, 3 × 100 tanh, batch 128,
   * Adam 1e−3 → 1e−4, 20 epochs, 25 % validation (the defaults but the epochs). E[(t̂ − t)²] over
   * fresh x ~ p(x|0) against the exact score t(x|0) = 2(E[z|x] − 1): MadMiner reached 0.0008 with
   * this recipe; sbi4j measured 0.00058 (2026-12-07; ρ = 0.99994), and a CLI run on another sample
   * 0.00106. The bound 0.002 is MadMiner's value with a factor 2.5 for seed-to-seed spread; the
   * exact score's variance is 3.3, so an untrained or biased network fails by three orders of
   * magnitude.
   */
  @Test
  void sallyMatchesTheExactScoreAtTheIssueSize() {
    TrainingConfig c = TrainingConfig.builder().epochs(20).build();
    org.sbi4j.training.TrainingOutcome model =
        EstimatorAccuracy.train(
            EstimatorAccuracy.sallySample(events, ROWS, 27), Method.SALLY, c, 28);
    org.sbi4j.training.steps.TruthCheck.Agreement a =
        org.sbi4j.training.steps.TruthCheck.score(
            model.scoreModel(), EstimatorAccuracy.SIM, 20_000, 29);
    System.out.printf("SALLY E[(t̂ − t)²] %.5f, ρ %.5f%n", a.mse(), a.correlation());
    assertEquals(org.sbi4j.training.TrainingEngine.FUSED, model.config().engine());
    assertTrue(a.mse() < 0.002, "E[(t̂ − t)²] = " + a.mse());
  }
}
