package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.GridEvaluator;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.NuisanceSettings;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;

/**
 * A profiled limits scan (two nuisance parameters, grid fitted as two chains, a float32 network's
 * event tiles spread over the cores) gives the same JSON, to the last digit, on one thread as on
 * two: for the exact ratio, a ratio network over θ ⊕ ν and the histogram baseline.
 */
class ProfiledLimitsThreadsTest {
  private final Interference1D sim = Interference1D.withNuisances();
  private final EventSample file = sim.events(5_000, 3);

  private String json(LimitSource source, int threads) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      LimitsResult r =
          pool.submit(
                  () ->
                      Limits.expected(
                          file,
                          source,
                          new double[] {0},
                          10,
                          ParameterGrid.parse("-1:1:21"),
                          GridEvaluator.LOCAL,
                          NuisanceSettings.DEFAULT))
              .get();
      assertNotNull(r.nuisances(), "the scan profiles the file's nuisance parameters");
      return Json.write(r.summary());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void sameJsonOnOneAndTwoThreads() throws Exception {
    List<LimitSource> sources =
        List.of(
            new LimitSource.Ratio("exact", ExactRatio.withNuisances(sim, new double[] {0.5})),
            new LimitSource.Ratio("net", network()),
            LimitSource.histogram(List.of("x")));
    for (LimitSource s : sources) {
      assertEquals(json(s, 1), json(s, 2), s.label());
    }
  }

  /** A 2 × 32 tanh float32 ratio network on x with input θ ⊕ (norm, shape), random weights. */
  static RatioModel network() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    List<Network.Dense> dense = new ArrayList<>();
    int in = 4;
    for (int l = 0; l <= 2; l++) {
      int o = l == 2 ? 1 : 32;
      double[] w = new double[in * o];
      for (int k = 0; k < w.length; k++) {
        w[k] = (rng.nextDouble() - 0.5) * 0.4 / Math.sqrt(in);
      }
      dense.add(new Network.Dense(in, o, w, new double[o]));
      in = o;
    }
    return new RatioModel(
        new ModelData(
            Method.ALICES,
            Precision.FLOAT32,
            List.of("x"),
            List.of("theta", "norm", "shape"),
            Scaling.identity(1),
            Scaling.identity(3),
            new double[][] {{-1, 1}, {-3, 3}, {-3, 3}},
            List.of(new Network(Activation.TANH, dense))));
  }
}
