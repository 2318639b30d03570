package org.sbi4j.bench;

import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.it.EstimatorAccuracy;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.io.Configs;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.RatioModel;

/**
 * Closure of the doubly parameterised ALICES estimator (docs/math.md §3.8) on interference-1d
 * against the exact likelihood: prints E[(log r̂(x|θ0,θ1) − log r(x|θ0,θ1))²] over θ0, θ1 ~ U(−1,
 * 1) and x ~ p(x|θ1), the target being &lt; 0.01. A benchmark, not a test: at the size
 * below it takes about 200 s on an idle 2-core machine and measured 0.0120 (2026-12-07), above the
 * target, so the target is an open item (docs/math.md §3.8).
 *
 * <p>Training: {@link #ROWS} rows unweighted from 4 × as many events at θ = 0, θ0 and θ1 each at
 * 5000 points drawn uniformly in [−1, 1] and paired, the shipped {@code configs/train-gold.yaml}
 * recipe (3 × 100 tanh, lr 1e−3 → 1e−4, gradient clipping 0.1) with {@link #EPOCHS} epochs on the
 * fused engine, an ensemble of {@link #MEMBERS} (log r̂ is the member mean, §3.6). The test pairs x
 * ~ p(x|θ1) are events at θ = 0 reweighted by the exact r(x|θ1, 0) (self-normalised importance
 * weights, exact in expectation).
 *
 * <p>Usage: {@code bench/doubly-accuracy.sh}.
 */
public final class DoublyParameterizedAccuracyBenchmark {
  static final Simulator SIM = EstimatorAccuracy.SIM;
  static final int ROWS = 100_000;
  static final int EPOCHS = 50;
  static final int MEMBERS = 2;
  private static final long SEED = 1;

  private DoublyParameterizedAccuracyBenchmark() {}

  public static void main(String[] args) {
    EventSource events = EstimatorAccuracy.events(4 * ROWS, 1 + 10 * SEED);
    double[][] theta0 =
        Prior.parse("uniform:-1:1").points(SIM.setup(), 5000, Seeds.derive(SEED, 3));
    double[][] theta1 =
        Prior.parse("uniform:-1:1").points(SIM.setup(), 5000, Seeds.derive(SEED, 4));
    EventSample sample =
        new TrainingSamples(SIM.setup(), 0.05)
            .doublyRatio(
                new Unweighter(new GoldMiner(SIM.setup()))
                    .drawer(WeightedView.of(events, Partition.TRAIN)),
                theta0,
                theta1,
                ROWS,
                2 + 10 * SEED)
            .sample();
    TrainingConfig gold =
        Configs.load(Path.of("..", "configs", "train-gold.yaml"), TrainingConfig.class).toBuilder()
            .epochs(EPOCHS)
            .ensembleSize(MEMBERS)
            .build();
    RatioModel model = new Trainer(gold).train(sample, Method.ALICES, 3 + 10 * SEED).ratioModel();
    double mse = mse(model, 20_000, 4);
    System.out.printf(
        "doubly parameterised ALICES E[(log r̂ − log r)²] %.5f (target < 0.01: %s)%n",
        mse, mse < 0.01 ? "met" : "not met");
  }

  /**
   * E[(log r̂ − log r)²] over n pairs θ0, θ1 ~ U(−1, 1) with x ~ p(x|θ1): events at θ = 0 weighted
   * by r(x|θ1, 0).
   */
  static double mse(RatioModel model, int n, long seed) {
    EventSample test = SIM.events(n, Seeds.derive(seed, 1));
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 2));
    double[] rows = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      rows[i] = 2 * rng.nextDouble() - 1;
    }
    double[] lr = model.predict(rows, test.x()).logRatio();
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < n; i++) {
      double[] t0 = {rows[2 * i]};
      double[] t1 = {rows[2 * i + 1]};
      double w = Math.exp(SIM.logRatio(test.xRow(i), t1, new double[] {0}));
      double exact = SIM.logRatio(test.xRow(i), t0, t1);
      sum += w * Math.pow(lr[i] - exact, 2);
      weights += w;
    }
    return sum / weights;
  }

  static double mseAnti(RatioModel model, int n, long seed) {
    EventSample test = SIM.events(n, Seeds.derive(seed, 1));
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 2));
    double[] rows = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      rows[i] = 2 * rng.nextDouble() - 1;
    }
    double[] swapped = new double[2 * n];
    for (int i = 0; i < n; i++) {
      swapped[2 * i] = rows[2 * i + 1];
      swapped[2 * i + 1] = rows[2 * i];
    }
    double[] lr = model.predict(rows, test.x()).logRatio();
    double[] lrs = model.predict(swapped, test.x()).logRatio();
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < n; i++) {
      double[] t0 = {rows[2 * i]};
      double[] t1 = {rows[2 * i + 1]};
      double w = Math.exp(SIM.logRatio(test.xRow(i), t1, new double[] {0}));
      double exact = SIM.logRatio(test.xRow(i), t0, t1);
      sum += w * Math.pow(0.5 * (lr[i] - lrs[i]) - exact, 2);
      weights += w;
    }
    return sum / weights;
  }
}
