package org.sbi4j.it;

import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.steps.TruthCheck;

/**
 * Trains estimators on the 1-parameter simulator (interference-1d, θ1 = θ_ref = 0) from gold-mined
 * training samples and scores them against the exact likelihood: the mean squared error of log r̂
 * over x ~ p(x|θ1) and θ0 ~ U(−1, 1), and the correlation of SALLY's t̂ with the exact score at 0.
 */
public final class EstimatorAccuracy {
  public static final Simulator SIM = Simulators.INTERFERENCE_1D.create();
  private static final double[] THETA1 = {0};

  private EstimatorAccuracy() {}

  /**
   * The accuracy tests' full-size training: 20 epochs of a 2 × 64 network, learning rate 3e-3
   * decaying to 1e-4; the rest at its defaults.
   */
  public static TrainingConfig.Builder fullSizeConfig() {
    return TrainingConfig.builder()
        .epochs(20)
        .hiddenLayers(List.of(64, 64))
        .learningRate(3e-3)
        .finalLearningRate(1e-4);
  }

  /** Events at θ = 0 (the generating benchmark), enough for {@code rows} unweighted draws. */
  public static EventSource events(int count, long seed) {
    return EventSource.of(SIM.events(count, seed));
  }

  /**
   * A ratio sample: θ0 at 5000 points drawn uniformly in [−1, 1] (prior {@code uniform:-1:1}), θ1 =
   * 0. At full size a 41-point θ0 grid leaves E[(log r̂ − log r)²] at 0.017 against 0.0064 with
   * these points (bench/results/training.md).
   */
  public static EventSample ratioSample(EventSource events, int rows, long seed) {
    return ratioSample(
        events,
        Prior.parse("uniform:-1:1").points(SIM.setup(), 5000, Seeds.derive(seed, 3)),
        rows,
        seed);
  }

  private static EventSample ratioSample(
      EventSource events, double[][] theta0, int rows, long seed) {
    return new TrainingSamples(SIM.setup(), 0.05)
        .ratio(WeightedView.of(events, Partition.TRAIN), theta0, THETA1, rows, seed)
        .sample();
  }

  /** A SALLY training sample at θ_ref = 0. */
  public static EventSample sallySample(EventSource events, int rows, long seed) {
    return new TrainingSamples(SIM.setup(), 0.05)
        .sally(WeightedView.of(events, Partition.TRAIN), THETA1, rows, seed)
        .sample();
  }

  public static TrainingOutcome train(EventSample sample, Method m, TrainingConfig c, long seed) {
    return new Trainer(c).train(sample, m, seed);
  }

  /** E[(log r̂ − log r)²] over n fresh x ~ p(x|θ1 = 0) with θ0 ~ U(−1, 1). */
  public static double logRatioMse(TrainingOutcome model, int n, long seed) {
    return logRatioMse(model.ratioModel()::predict, n, seed);
  }

  /**
   * E[(log r̂ − log r)²] over n fresh x ~ p(x|θ1 = 0) with θ0 ~ U(−1, 1), for any estimator that
   * predicts row-wise from n θ rows and n feature rows (a ratio or a morphing-aware model).
   */
  public static double logRatioMse(
      BiFunction<double[], double[], Prediction> predict, int n, long seed) {
    EventSample test = SIM.events(n, Seeds.derive(seed, 1));
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 2));
    double[] theta = new double[n];
    for (int i = 0; i < n; i++) {
      theta[i] = 2 * rng.nextDouble() - 1;
    }
    Prediction pr = predict.apply(theta, test.x());
    double mse = 0;
    for (int i = 0; i < n; i++) {
      double exact = SIM.logRatio(test.xRow(i), new double[] {theta[i]}, THETA1);
      mse += Math.pow(pr.logRatio()[i] - exact, 2) / n;
    }
    return mse;
  }

  /** Pearson correlation of SALLY's t̂ with the exact score t(x|0) over n fresh x ~ p(x|0). */
  public static double scoreCorrelation(TrainingOutcome model, int n, long seed) {
    EventSample test = SIM.events(n, Seeds.derive(seed, 3));
    double[] tHat = model.scoreModel().predict(test.x()).score();
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = SIM.score(test.xRow(i), THETA1)[0];
    }
    return TruthCheck.correlation(tHat, t);
  }
}
