package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.ScoreModel;

/**
 * The closure test with trained estimators: on interference-1d at L = 10 pb⁻¹ and θ_true =
 * 0, expected intervals from ALICES and SALLY trained on the training partition agree with those of
 * the exact likelihood within 0.03 (68 %) and 0.05 (95 %).
 */
class TrainedLimitsIT {
  private static final ParameterGrid GRID = ParameterGrid.parse("-1:1:41");

  private static void within(Intervals exact, Intervals other, String what) {
    assertEquals(exact.cl68().lower(), other.cl68().lower(), 0.03, what + " 68% lower");
    assertEquals(exact.cl68().upper(), other.cl68().upper(), 0.03, what + " 68% upper");
    assertEquals(exact.cl95().lower(), other.cl95().lower(), 0.05, what + " 95% lower");
    assertEquals(exact.cl95().upper(), other.cl95().upper(), 0.05, what + " 95% upper");
  }

  /** Trains a 50×50 network for 20 epochs. */
  private static ModelData trained(EventSample sample, Method method, long seed) {
    TrainingConfig config =
        TrainingConfig.builder().hiddenLayers(List.of(50, 50)).epochs(20).build();
    return new Trainer(config).train(sample, method, seed).model();
  }

  /** Expected intervals on theta at θ_true = 0 and L = 10 over {@link #GRID}. */
  private static Intervals expected(EventSample file, LimitSource source) {
    return Limits.expected(file, source, new double[] {0}, 10, GRID)
        .scan()
        .intervals()
        .get("theta");
  }

  @Test
  void alicesAndSallyMatchTheExactLikelihood() {
    Simulator sim = Simulators.INTERFERENCE_1D.create();
    EventSample file = sim.events(100_000, 2026);
    EventSource train = WeightedView.of(EventSource.of(file), Partition.TRAIN);
    TrainingSamples samples = new TrainingSamples(file.setup().orElseThrow(), 0.05);
    Intervals exact =
        expected(file, new LimitSource.Ratio("exact", new ExactRatio(sim, new double[] {0})));

    ScoreModel sally =
        new ScoreModel(
            trained(samples.sally(train, new double[] {0}, 30_000, 11).sample(), Method.SALLY, 12));
    Intervals s = expected(file, LimitSource.sally(sally));
    within(exact, s, "SALLY");

    double[][] theta0 = new double[41][];
    for (int i = 0; i < theta0.length; i++) {
      theta0[i] = new double[] {-1 + 0.05 * i};
    }
    RatioModel alices =
        new RatioModel(
            trained(
                samples.ratio(train, theta0, new double[] {0}, 60_000, 13).sample(),
                Method.ALICES,
                14));
    Intervals a = expected(file, new LimitSource.Ratio("ALICES", alices));
    System.out.printf(
        "exact %s %s; SALLY %s %s; ALICES %s %s%n",
        java.util.Arrays.toString(exact.cl68().bounds()),
        java.util.Arrays.toString(exact.cl95().bounds()),
        java.util.Arrays.toString(s.cl68().bounds()),
        java.util.Arrays.toString(s.cl95().bounds()),
        java.util.Arrays.toString(a.cl68().bounds()),
        java.util.Arrays.toString(a.cl95().bounds()));
    within(exact, a, "ALICES");
  }
}
