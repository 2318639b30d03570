package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.distributed.SparkTaskRunner;
import org.sbi4j.inference.histfactory.Fitter;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.TestStatistic;
import org.sbi4j.inference.histfactory.ToyCalculator;
import org.sbi4j.inference.histfactory.WorkspaceJson;
import org.sbi4j.inference.nplm.NplmTest;
import org.sbi4j.inference.nplm.SampledToys;
import org.sbi4j.inference.nplm.Sampler;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.MinedEvents;
import org.sbi4j.samples.simulators.Interference2D;
import org.sbi4j.samples.steps.ChunkedMining;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.nplm.NetworkShape;
import org.sbi4j.training.nplm.NplmOptimizer;
import org.sbi4j.training.nplm.NplmTrainingConfig;

/**
 * The same seeds give the same numbers on Spark {@code local[2]} as on local threads: NPLM null
 * toys, an ensemble of 3 members, mining of a file in chunks, and the toys of a workspace's CLs.
 * Every comparison is exact (tolerance 0): each task is a pure function of its input and seed, and
 * the partial sums are combined in task order by both runners. (Spark's retry of a failed task is
 * tested in {@code SparkTaskRunnerTest} of the distributed module.)
 */
class SparkRunnerTest {
  private static SparkTaskRunner spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkTaskRunner.connect("local[2]", "sbi4j-spark-test");
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  @Test
  void nplmNullToysEqualTheLocalRunners() {
    SampledToys nulls = SampledToys.nullToys(Sampler.exponential(1), 500, 40);
    NplmTrainingConfig fast =
        NplmTrainingConfig.defaults(NetworkShape.of(1, 4, 1), 9).withOptimizer(NplmOptimizer.LBFGS);
    double[] local;
    try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
      local = NplmTest.nullDistribution(nulls, fast, 4, 11, threads);
    }
    assertArrayEquals(local, NplmTest.nullDistribution(nulls, fast, 4, 11, spark), 0.0);
  }

  @Test
  void anEnsembleOfThreeEqualsTheLocalRunners() {
    EventSample s = scoreSample(400, 3);
    TrainingConfig c =
        TrainingConfig.builder()
            .hiddenLayers(List.of(8))
            .epochs(2)
            .batchSize(64)
            .ensembleSize(3)
            .build();
    List<Network> local;
    try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
      local = new Trainer(c).train(s, Method.SALLY, 5, threads).model().members();
    }
    List<Network> onSpark = new Trainer(c).train(s, Method.SALLY, 5, spark).model().members();
    assertEquals(3, onSpark.size());
    for (int k = 0; k < 3; k++) {
      for (int l = 0; l < local.get(k).layers().size(); l++) {
        assertArrayEquals(local.get(k).layers().get(l).w(), onSpark.get(k).layers().get(l).w());
        assertArrayEquals(local.get(k).layers().get(l).b(), onSpark.get(k).layers().get(l).b());
      }
    }
  }

  @Test
  void miningAChunkedFileEqualsTheLocalRunners() {
    Interference2D sim = new Interference2D();
    Path f = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(f, sim.events(1003, 9));
    double[] t0 = {0.3, -0.4};
    double[] t1 = {0, 0};
    MinedEvents local;
    try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
      local = ChunkedMining.mine(f, t0, t1, 0, threads, 100);
    }
    MinedEvents onSpark = ChunkedMining.mine(f, t0, t1, 0, spark, 100);
    assertEquals(local.sigma0(), onSpark.sigma0(), 0.0);
    assertEquals(local.sigma1(), onSpark.sigma1(), 0.0);
    assertArrayEquals(local.dsigma1(), onSpark.dsigma1(), 0.0);
    assertArrayEquals(local.logR(), onSpark.logR(), 0.0);
    assertArrayEquals(local.t0(), onSpark.t0(), 0.0);
    assertArrayEquals(local.t1(), onSpark.t1(), 0.0);
  }

  /**
   * Two channels with normsys, histosys, staterror and shapesys modifiers: a toy task on a Spark
   * executor rebuilds all of them from the workspace it carries.
   */
  static final String WORKSPACE =
      """
      {"channels": [
        {"name": "sr", "samples": [
          {"name": "signal", "data": [5.0, 8.0],
           "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
          {"name": "bkg", "data": [40.0, 30.0],
           "modifiers": [
             {"name": "norm", "type": "normsys", "data": {"hi": 1.05, "lo": 0.94}},
             {"name": "shape", "type": "histosys",
              "data": {"hi_data": [42.0, 29.0], "lo_data": [38.5, 31.0]}},
             {"name": "stat_sr", "type": "staterror", "data": [2.0, 1.5]}]}]},
        {"name": "cr", "samples": [
          {"name": "bkg", "data": [100.0],
           "modifiers": [
             {"name": "norm", "type": "normsys", "data": {"hi": 1.05, "lo": 0.94}},
             {"name": "unc", "type": "shapesys", "data": [10.0]}]}]}],
       "observations": [{"name": "sr", "data": [47.0, 36.0]}, {"name": "cr", "data": [104.0]}],
       "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": []}}],
       "version": "1.0.0"}
      """;

  @Test
  void workspaceToysEqualTheLocalRunners() {
    HistFactoryModel m = HistFactoryModel.of(WorkspaceJson.parse(WORKSPACE));
    ToyCalculator calc =
        new ToyCalculator(new Fitter(m), m.observedData(), TestStatistic.QTILDE, 30, 17);
    ToyCalculator.Result local;
    try (LocalTaskRunner threads = new LocalTaskRunner(2)) {
      local = calc.test(1, threads);
    }
    ToyCalculator.Result onSpark = calc.test(1, spark);
    assertArrayEquals(local.signalToys(), onSpark.signalToys(), 0.0);
    assertArrayEquals(local.backgroundToys(), onSpark.backgroundToys(), 0.0);
    assertArrayEquals(local.clsExpected(), onSpark.clsExpected(), 0.0);
    assertEquals(local.clsObserved(), onSpark.clsObserved(), 0.0);
  }

  /** x ~ U(−1, 1) with score labels t = x (a SALLY sample). */
  private static EventSample scoreSample(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 2 * rng.nextDouble() - 1;
    }
    return EventSample.ofFeatures(List.of("x"), x)
        .withColumn(Column.T_XZ0, x.clone(), List.of("theta"));
  }
}
