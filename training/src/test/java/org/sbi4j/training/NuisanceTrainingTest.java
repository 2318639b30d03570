package org.sbi4j.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.mining.AugmentResult;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.JointTrainingSamples;
import org.sbi4j.samples.mining.NuisancePrior;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.ScoreModel;
import org.sbi4j.training.steps.TrainStep;
import org.sbi4j.training.store.ModelFolder;

/**
 * Training with nuisance parameters in the parameter input (docs/math.md §7.4) on interference-1d
 * with its norm and shape nuisances: the networks take θ ⊕ ν and learn the exact log r(x|θ,ν) of
 * {@link Interference1D#logLikelihood(double[], double[], double[])}.
 */
class NuisanceTrainingTest {
  private static final Interference1D SIM = Interference1D.withNuisances();
  private static final double[] THETA1 = {0};
  private static final double[] NU1 = {0, 0};
  private static EventSource events;
  @TempDir Path tmp;

  @BeforeAll
  static void simulate() {
    events = EventSource.of(SIM.events(60_000, 21));
  }

  private static AugmentResult ratioSample(int rows, long seed) {
    // 300 points (θ0, ν0): every point costs a pass over the events in unweighting and σ(θ,ν)
    double[][] theta0 = Prior.parse("uniform:-1:1").points(SIM.setup(), 300, seed);
    double[][] nu0 = NuisancePrior.CONSTRAINT.draw(List.of("norm", "shape"), 300, seed + 1);
    return new JointTrainingSamples(SIM.setup(), NuisanceMorphing.Policy.ERROR, 0.05)
        .ratio(
            events,
            new Unweighter(new GoldMiner(SIM.setup())).drawer(events),
            theta0,
            nu0,
            THETA1,
            NU1,
            rows,
            seed);
  }

  @Test
  void alicesLearnsTheExactRatioOverThetaAndNu() throws Exception {
    AugmentResult a = ratioSample(30_000, 3);
    Path file = tmp.resolve("train.h5");
    TrainingFiles.write(file, a.sample(), a.nuisanceNames());
    Path config = tmp.resolve("config.yaml");
    Files.writeString(
        config,
        "hiddenLayers: [32, 32]\nepochs: 15\nlearningRate: 3.0e-3\nfinalLearningRate: 3.0e-4\n"
            + "gradientClip: 0.1\n");
    Path dir = tmp.resolve("model");
    TrainStep.Result r =
        TrainStep.run(new TrainStep.Request(Method.ALICES, file, config, dir, 5, null));
    assertEquals(List.of("norm", "shape"), r.nuisances());
    ModelFolder.Loaded loaded = ModelFolder.load(dir);
    assertEquals(List.of("norm", "shape"), loaded.model().nuisanceNames());
    assertEquals(List.of("theta", "norm", "shape"), loaded.model().parameters());
    assertTrue(Files.readString(dir.resolve("model.json")).contains("\"nuisance_names\""));
    RatioModel model = loaded.ratioModel();
    assertEquals(List.of("norm", "shape"), model.nuisanceNames());
    assertEquals(List.of(32, 32), loaded.config().hiddenLayers());

    // test pairs: x ~ p(x|θ1, ν1) (events at θ = 0, ν = 0), θ ~ U(−1, 1), ν ~ N(0, 1)
    int n = 4000;
    EventSample test = SIM.events(n, 77);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(78);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] params = new double[n * 3];
    for (int i = 0; i < n; i++) {
      params[i * 3] = 2 * rng.nextDouble() - 1;
      params[i * 3 + 1] = g.sample();
      params[i * 3 + 2] = g.sample();
    }
    double[] atZero = params.clone();
    for (int i = 0; i < n; i++) {
      atZero[i * 3 + 1] = 0;
      atZero[i * 3 + 2] = 0;
    }
    Prediction pr = model.predict(params, test.x());
    Prediction pr0 = model.predict(atZero, test.x());
    double mse = 0;
    double shiftMse = 0;
    double shiftVar = 0;
    for (int i = 0; i < n; i++) {
      double[] x = test.xRow(i);
      double[] th = {params[i * 3]};
      double[] nu = {params[i * 3 + 1], params[i * 3 + 2]};
      double exact = SIM.logLikelihood(x, th, nu) - SIM.logLikelihood(x, THETA1, NU1);
      // the effect of ν alone: log r(x|θ,ν) − log r(x|θ,0), exact and estimated
      double shift = SIM.logLikelihood(x, th, nu) - SIM.logLikelihood(x, th, NU1);
      double shiftHat = pr.logRatio()[i] - pr0.logRatio()[i];
      mse += Math.pow(pr.logRatio()[i] - exact, 2) / n;
      shiftMse += Math.pow(shiftHat - shift, 2) / n;
      shiftVar += shift * shift / n;
    }
    System.out.printf(
        "ALICES with ν: MSE log r %.5f; ν effect: MSE %.5f, mean square %.5f%n",
        mse, shiftMse, shiftVar);
    // The no-nuisance fast tests allow 0.03 after a few epochs of a small net (TrainerTest); the
    // input two parameters wider gets the same bound. Measured (2026-12-07): 0.0234 here, against
    // 0.0166 for the same recipe (events, 300 θ0 points, rows, net, seeds) without nuisances.
    assertTrue(mse < 0.03, "MSE of log r̂(x|θ,ν) = " + mse);
    // ν must be used: the estimated effect of ν must explain most of the exact one (a network
    // that ignored ν would have shiftMse = shiftVar).
    assertTrue(shiftMse < 0.3 * shiftVar, "ν effect MSE " + shiftMse + " vs " + shiftVar);
  }

  @Test
  void sallyLearnsTheScoreOverThetaAndNu() throws Exception {
    double[] thetaRef = {0};
    double[] nuRef = {0, 0};
    AugmentResult a =
        new JointTrainingSamples(SIM.setup(), NuisanceMorphing.Policy.ERROR, 0.05)
            .sally(
                events,
                new Unweighter(new GoldMiner(SIM.setup())).drawer(events),
                thetaRef,
                nuRef,
                8_000,
                9);
    TrainingConfig c =
        TrainingConfig.builder()
            .hiddenLayers(List.of(32, 32))
            .epochs(10)
            .learningRate(3e-3)
            .finalLearningRate(3e-4)
            .build();
    TrainingOutcome out =
        new Trainer(c).train(a.sample(), a.nuisanceNames(), Method.SALLY, 10, null);
    Path dir = tmp.resolve("sally");
    ModelFolder.save(dir, out, null);
    ScoreModel model = ModelFolder.load(dir).scoreModel();
    assertEquals(List.of("theta", "norm", "shape"), model.parameters());
    assertEquals(List.of("norm", "shape"), model.nuisanceNames());
    int n = 3000;
    EventSample test = SIM.events(n, 31);
    double[][] tHat = model.score(test);
    assertEquals(3, tHat[0].length);
    assertArrayEquals(tHat[5], out.scoreModel().score(test)[5], 0);
    double[] mse = new double[3];
    double[] var = new double[3];
    double[] mean = new double[3];
    double[][] exact = new double[n][];
    for (int i = 0; i < n; i++) {
      exact[i] = SIM.score(test.xRow(i), thetaRef, nuRef);
      for (int k = 0; k < 3; k++) {
        mean[k] += exact[i][k] / n;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        mse[k] += Math.pow(tHat[i][k] - exact[i][k], 2) / n;
        var[k] += Math.pow(exact[i][k] - mean[k], 2) / n;
      }
    }
    System.out.printf(
        "SALLY with ν: MSE t̂ %.5f %.5f %.5f; Var t %.5f %.5f %.5f%n",
        mse[0], mse[1], mse[2], var[0], var[1], var[2]);
    // The normalised density does not depend on ν_norm: its exact score is 0, and so is every
    // joint score of that component (log 1.1 − log 1.1), which the network must reproduce.
    assertEquals(0, var[1], 1e-20);
    assertTrue(mse[1] < 1e-3, "ν_norm score MSE " + mse[1]);
    // θ and ν_shape: t̂ estimates E[t(x,z)|x] = t(x), up to the fit; measured (2026-12-07) at
    // 3 % of Var t for both, so 20 % fails only for a network that did not learn t(x).
    assertTrue(mse[0] < 0.2 * var[0], "θ score MSE " + mse[0] + " vs Var " + var[0]);
    assertTrue(mse[2] < 0.2 * var[2], "ν_shape score MSE " + mse[2] + " vs Var " + var[2]);
  }
}
