package org.sbi4j.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.testing.FiniteDifferences;

/**
 * {@link NetworkEvaluator#logRatioAndTangents}: log r̂ and its derivatives along a chosen subset of
 * the parameter inputs (the ν inputs of a profile fit), against central finite differences of log
 * r̂ computed by {@link Network#forward} in plain double Java (the correctness test; float32 with
 * several directions goes through the reverse pass, one direction and float64 through forward
 * tangents), against the all-directions path {@link NetworkEvaluator#predict(double[], double[][])}
 * (consistency), and on one thread against the common pool.
 */
class NetworkEvaluatorTangentsTest {
  private static final List<String> X = List.of("a", "b");

  /** Three parameter inputs, as θ ⊕ (ν₁, ν₂) of a model trained with two nuisance parameters. */
  private static final List<String> THETA = List.of("theta", "nu1", "nu2");

  private static final Scaling X_SCALING =
      new Scaling(new double[] {0.3, -0.2}, new double[] {1.7, 0.8});
  private static final Scaling THETA_SCALING =
      new Scaling(new double[] {0.1, -0.1, 0.2}, new double[] {0.6, 1.3, 2.1});
  private static final double[][] POINTS = {{-0.7, 0.4, -1.2}, {0.3, -0.8, 0.5}, {0, 0, 0}};
  private static final int[][] DIRECTIONS = {{1, 2}, {2}, {2, 0}, {}};

  @Test
  void tangentsMatchFiniteDifferencesAndTheFullGradient() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(21L);
    double[] x = features(rng, 203); // two tiles, the last of 75 rows
    int n = x.length / 2;
    for (Precision precision : Precision.values()) {
      for (Activation act : Activation.values()) {
        List<Network> members =
            List.of(randomNetwork(rng, act, 5, 37), randomNetwork(rng, act, 5, 37));
        ModelData data = model(precision, members);
        boolean f32 = precision == Precision.FLOAT32;
        List<NetworkEvaluator> evaluators =
            f32
                ? List.of(
                    NetworkEvaluator.withKernel(data, true),
                    NetworkEvaluator.withKernel(data, false))
                : List.of(new NetworkEvaluator(data));
        // log r̂: float32 sums of up to 37 products and a fast tanh within 5e-7, through three
        // layers, 1e-4 absolute on values of O(1) (as NetworkEvaluatorTest); float64 sums in
        // Network.forward's order, 1e-12. Tangents against central differences with h = 1e-5:
        // float32, the same rounding divided by σ ≥ 0.6, 2e-4; float64, truncation h² f''' ~
        // 1e-9 and cancellation 1e-16 / h ~ 1e-11 on O(10) values, 1e-7.
        double tolR = f32 ? 1e-4 : 1e-12;
        double tolT = f32 ? 2e-4 : 1e-7;
        for (NetworkEvaluator e : evaluators) {
          for (double[] point : POINTS) {
            Prediction full = e.predict(x, new double[][] {point})[0];
            for (int[] dirs : DIRECTIONS) {
              double[][] out = e.logRatioAndTangents(x, point, dirs);
              assertEquals(1 + dirs.length, out.length);
              for (int i = 0; i < n; i++) {
                int event = i;
                String at = precision + " " + act + " event " + i + " dirs " + dirs.length;
                assertEquals(mean(members, point, x, i), out[0][i], tolR, "log r " + at);
                // consistency with the all-directions path: the same float arithmetic per
                // tangent, only the member mean and the θ-scale division taken in another
                // order (a few double ulps)
                assertEquals(full.logRatio()[i], out[0][i], 1e-12 * (1 + Math.abs(out[0][i])));
                for (int k = 0; k < dirs.length; k++) {
                  double fd =
                      FiniteDifferences.central(
                          th -> mean(members, th, x, event), point, dirs[k], 1e-5);
                  assertEquals(fd, out[1 + k][i], tolT, "tangent " + dirs[k] + " " + at);
                  double all = full.score()[3 * i + dirs[k]];
                  // float32 with two or more directions: one reverse pass, its sums in another
                  // order than the forward tangents' — float32 rounding as against the finite
                  // differences; else the same forward arithmetic per tangent (a few double ulps)
                  double tolFull =
                      f32 && dirs.length >= NetworkEvaluator.REVERSE
                          ? tolT
                          : 1e-12 * (1 + Math.abs(all));
                  assertEquals(all, out[1 + k][i], tolFull, "full " + at);
                }
              }
            }
          }
        }
      }
    }
  }

  /** The same numbers on one thread as on the common pool, to the last bit (3001 events). */
  @Test
  void tangentsDoNotDependOnTheNumberOfThreads() throws Exception {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(22L);
    double[] x = features(rng, 3001);
    for (Precision precision : Precision.values()) {
      NetworkEvaluator e =
          new NetworkEvaluator(
              model(
                  precision,
                  List.of(
                      randomNetwork(rng, Activation.TANH, 5, 37),
                      randomNetwork(rng, Activation.TANH, 5, 37))));
      double[][] many = e.logRatioAndTangents(x, POINTS[0], new int[] {1, 2});
      double[][] manyValue = e.logRatio(x, new double[][] {POINTS[0]});
      ForkJoinPool one = new ForkJoinPool(1);
      try {
        double[][] single =
            one.submit(() -> e.logRatioAndTangents(x, POINTS[0], new int[] {1, 2})).get();
        double[][] singleValue = one.submit(() -> e.logRatio(x, new double[][] {POINTS[0]})).get();
        for (int c = 0; c < many.length; c++) {
          assertArrayEquals(many[c], single[c], 0.0);
        }
        assertArrayEquals(manyValue[0], singleValue[0], 0.0);
        // the value of the tangent path is the value-only path's, bit for bit
        assertArrayEquals(manyValue[0], many[0], 0.0);
      } finally {
        one.shutdown();
      }
    }
  }

  @Test
  void refusesRepeatedOrOutOfRangeDirections() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(23L);
    NetworkEvaluator e =
        new NetworkEvaluator(
            model(Precision.FLOAT32, List.of(randomNetwork(rng, Activation.TANH, 5, 8))));
    double[] x = features(rng, 4);
    assertThrows(
        IllegalArgumentException.class,
        () -> e.logRatioAndTangents(x, POINTS[0], new int[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class, () -> e.logRatioAndTangents(x, POINTS[0], new int[] {3}));
  }

  private static double[] features(UniformRandomProvider rng, int n) {
    double[] x = new double[n * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = 3 * rng.nextDouble() - 1;
    }
    return x;
  }

  /** The members' mean log r̂ of event i by Network.forward on the standardised inputs. */
  private static double mean(List<Network> members, double[] theta, double[] x, int i) {
    double[] in = new double[5];
    for (int k = 0; k < 3; k++) {
      in[k] = THETA_SCALING.apply(k, theta[k]);
    }
    for (int j = 0; j < 2; j++) {
      in[3 + j] = X_SCALING.apply(j, x[i * 2 + j]);
    }
    double s = 0;
    for (Network net : members) {
      s += net.forward(in)[0];
    }
    return s / members.size();
  }

  /** in → width → width → 1, weights U(−1, 1)·√(3/in), biases U(−0.5, 0.5). */
  private static Network randomNetwork(
      UniformRandomProvider rng, Activation act, int inputs, int width) {
    List<Network.Dense> layers = new ArrayList<>();
    int in = inputs;
    for (int o : new int[] {width, width, 1}) {
      double[] w = new double[in * o];
      for (int k = 0; k < w.length; k++) {
        w[k] = (2 * rng.nextDouble() - 1) * Math.sqrt(3.0 / in);
      }
      double[] b = new double[o];
      for (int k = 0; k < o; k++) {
        b[k] = rng.nextDouble() - 0.5;
      }
      layers.add(new Network.Dense(in, o, w, b));
      in = o;
    }
    return new Network(act, layers);
  }

  private static ModelData model(Precision precision, List<Network> members) {
    return new ModelData(
        Method.ALICES,
        precision,
        X,
        THETA,
        X_SCALING,
        THETA_SCALING,
        new double[][] {{-1, 1}, {-2, 2}, {-2, 2}},
        members);
  }
}
