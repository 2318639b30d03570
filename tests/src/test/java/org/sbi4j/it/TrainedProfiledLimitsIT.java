package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.GridEvaluator;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.NuisanceSettings;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.mining.AugmentResult;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.JointTrainingSamples;
import org.sbi4j.samples.mining.NuisancePrior;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.model.Method;

/**
 * The closure test with trained estimators and profiled nuisance parameters (docs/math.md
 * §7): on interference-1d with its norm and shape nuisances, at L = 10 pb⁻¹ and θ_true = 0, the
 * expected intervals of SALLY (score over θ ⊕ ν at θ_ref = 0, ν_ref = 0, its θ component binned,
 * the templates morphed per bin in ν) and ALICES (trained over θ ⊕ ν, ν0 from its constraint) with
 * both nuisances profiled agree with those of the exact likelihood over θ ⊕ ν, profiled the same
 * way on the same file, within 0.03 (68 %) and 0.05 (95 %).
 */
class TrainedProfiledLimitsIT {
  private static final Interference1D SIM = Interference1D.withNuisances();
  private static final ParameterGrid GRID = ParameterGrid.parse("-1:1:41");
  private static final double L = 10;
  private static EventSample file;
  private static EventSource train;
  private static JointTrainingSamples samples;
  private static LimitsResult exact;

  @BeforeAll
  static void setUp() {
    file = SIM.events(100_000, 20261208L);
    train = WeightedView.of(EventSource.of(file), Partition.TRAIN);
    samples = new JointTrainingSamples(SIM.setup(), NuisanceMorphing.Policy.ERROR, 0.05);
    exact =
        expected(new LimitSource.Ratio("exact", ExactRatio.withNuisances(SIM, new double[] {0})));
  }

  private static LimitsResult expected(LimitSource source) {
    return Limits.expected(
        file, source, new double[] {0}, L, GRID, GridEvaluator.LOCAL, NuisanceSettings.DEFAULT);
  }

  private static TrainingOutcome trained(AugmentResult a, Method method, int epochs, long seed) {
    TrainingConfig config =
        TrainingConfig.builder()
            .hiddenLayers(List.of(50, 50))
            .epochs(epochs)
            .learningRate(3e-3)
            .finalLearningRate(3e-4)
            .build();
    return new Trainer(config).train(a.sample(), a.nuisanceNames(), method, seed, null);
  }

  /** The tolerances for trained estimators: 0.03 (68 %) and 0.05 (95 %). */
  private static void within(LimitsResult got, String what) {
    Intervals e = exact.scan().intervals().get("theta");
    Intervals g = got.scan().intervals().get("theta");
    assertNotNull(got.nuisances(), what + " profiled the nuisances");
    assertEquals(List.of("norm", "shape"), got.nuisances().names());
    System.out.printf(
        Locale.ROOT,
        "%s profiled: 68%% %s 95%% %s; exact 68%% %s 95%% %s; ν̂ %s%n",
        what,
        Arrays.toString(g.cl68().bounds()),
        Arrays.toString(g.cl95().bounds()),
        Arrays.toString(e.cl68().bounds()),
        Arrays.toString(e.cl95().bounds()),
        got.nuisances().bestFitByName());
    assertEquals(e.cl68().lower(), g.cl68().lower(), 0.03, what + " 68% lower");
    assertEquals(e.cl68().upper(), g.cl68().upper(), 0.03, what + " 68% upper");
    assertEquals(e.cl95().lower(), g.cl95().lower(), 0.05, what + " 95% lower");
    assertEquals(e.cl95().upper(), g.cl95().upper(), 0.05, what + " 95% upper");
  }

  @Test
  void sallyWithProfiledNuisancesMatchesTheExactProfile() {
    AugmentResult a =
        samples.sally(
            train,
            new Unweighter(new GoldMiner(SIM.setup())).drawer(train),
            new double[] {0},
            new double[] {0, 0},
            30_000,
            11);
    TrainingOutcome out = trained(a, Method.SALLY, 20, 12);
    within(expected(LimitSource.sally(out.scoreModel())), "SALLY");
  }

  @Test
  void alicesWithProfiledNuisancesMatchesTheExactProfile() {
    // 300 points (θ0, ν0): θ0 uniform on the scan range, ν0 from the constraint N(0, 1).
    double[][] theta0 = Prior.parse("uniform:-1:1").points(SIM.setup(), 300, 13);
    double[][] nu0 = NuisancePrior.CONSTRAINT.draw(List.of("norm", "shape"), 300, 14);
    AugmentResult a =
        samples.ratio(
            train,
            new Unweighter(new GoldMiner(SIM.setup())).drawer(train),
            theta0,
            nu0,
            new double[] {0},
            new double[] {0, 0},
            60_000,
            15);
    // Measured (2026-12-07, these seeds): 30 epochs put the 68 % ends 0.016 and 0.008 and the 95 %
    // ends 0.023 and 0.003 from the exact ones (20 epochs left the 95 % lower end at 0.050, on the
    // issue's tolerance). SALLY: 0.005 / 0.001 (68 %) and 0.017 / 0.000 (95 %). Both: ~75 s.
    TrainingOutcome out = trained(a, Method.ALICES, 30, 16);
    within(expected(new LimitSource.Ratio("ALICES", out.ratioModel())), "ALICES");
  }
}
