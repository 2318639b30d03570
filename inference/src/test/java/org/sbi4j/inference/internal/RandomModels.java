package org.sbi4j.inference.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;

/**
 * The random ALICES models of {@code org.sbi4j.bench.LimitsBenchmark} (tests module), which this
 * module's tests cannot reach: the same construction and seed, so the tests check the networks
 * that the benchmark times. To be folded into one when the grid evaluator is replaced.
 */
final class RandomModels {
  private RandomModels() {}

  /** x (1) and θ (1) → {@code layers} tanh layers of {@code width} → 1, weights from seed 7. */
  static RatioEstimator randomModel(int width, int layers, Precision precision) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    List<Network.Dense> dense = new ArrayList<>();
    int in = 2;
    for (int l = 0; l <= layers; l++) {
      int o = l == layers ? 1 : width;
      double[] w = new double[in * o];
      for (int k = 0; k < w.length; k++) {
        w[k] = (rng.nextDouble() - 0.5) * 2 / Math.sqrt(in);
      }
      dense.add(new Network.Dense(in, o, w, new double[o]));
      in = o;
    }
    ModelData data = new ModelData(Method.ALICES, precision, List.of("x"), List.of("theta"),
        Scaling.identity(1), Scaling.identity(1), new double[][] {{-1, 1}},
        List.of(new Network(Activation.TANH, dense)));
    return new RatioModel(data);
  }
}
