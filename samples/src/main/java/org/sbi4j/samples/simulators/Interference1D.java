package org.sbi4j.samples.simulators;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;

/**
 * {@code interference-1d}: one parameter θ ∈ [−1, 1], parton variable z > 0 with dσ(z|θ) = e^{−z}
 * (1 + θ(z − 1))², so σ(θ) = 1 + θ² and p(z|θ) = e^{−z}(1 + θ(z−1))²/(1 + θ²); detector x = z +
 * N(0, s²), s = 0.5.
 *
 * <p>Components θ⁰, θ¹, θ² with α = e^{−z}·{1, 2(z−1), (z−1)²}. The smeared integrals follow from
 * I_k(x) = ∫₀^∞ z^k e^{−z} N(x; z, s²) dz = e^{−x+s²/2} J_k with μ = x − s² and the truncated
 * Gaussian moments J_0 = Φ(μ/s), J_1 = μ J_0 + s φ(μ/s), J_2 = μ J_1 + s² J_0. Benchmarks: sm (θ =
 * 0, where events are generated), plus (θ = 1), minus (θ = −1).
 */
public final class Interference1D extends PolynomialProcess {
  /** Detector resolution s. */
  public static final double RESOLUTION = 0.5;

  private final int c0;
  private final int c1;
  private final int c2;

  public Interference1D() {
    super(
        MorphingSetup.of(
            List.of(Parameter.of("theta", 2, -1, 1)),
            List.of(
                new Benchmark("sm", new double[] {0}),
                new Benchmark("plus", new double[] {1}),
                new Benchmark("minus", new double[] {-1})),
            2));
    c0 = index(components(), 0);
    c1 = index(components(), 1);
    c2 = index(components(), 2);
  }

  @Override
  public String name() {
    return "interference-1d";
  }

  @Override
  public List<String> observables() {
    return List.of("x");
  }

  @Override
  public List<String> latents() {
    return List.of("z");
  }

  @Override
  double[] alpha(double[] z) {
    double[] a = new double[3];
    if (z[0] < 0) {
      return a;
    }
    double e = Math.exp(-z[0]);
    double u = z[0] - 1;
    a[c0] = e;
    a[c1] = 2 * u * e;
    a[c2] = u * u * e;
    return a;
  }

  @Override
  double[] integrals() {
    double[] s = new double[3];
    s[c0] = 1;
    s[c2] = 1;
    return s;
  }

  @Override
  double[] smeared(double[] x) {
    double[] i = exponentialGaussianMoments(x[0], RESOLUTION);
    double[] a = new double[3];
    a[c0] = i[0];
    a[c1] = 2 * (i[1] - i[0]);
    a[c2] = i[2] - 2 * i[1] + i[0];
    return a;
  }

  /** I_k(x) = ∫₀^∞ z^k e^{−z} N(x; z, s²) dz for k = 0, 1, 2. */
  static double[] exponentialGaussianMoments(double x, double s) {
    double mu = x - s * s;
    double u = mu / s;
    double cdf = 0.5 * org.apache.commons.math3.special.Erf.erfc(-u / Math.sqrt(2));
    double pdf = Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
    double j0 = cdf;
    double j1 = mu * j0 + s * pdf;
    double j2 = mu * j1 + s * s * j0;
    double pre = Math.exp(-x + 0.5 * s * s);
    return new double[] {pre * j0, pre * j1, pre * j2};
  }

  @Override
  void sampleLatent(UniformRandomProvider rng, double[] z) {
    z[0] = -Math.log1p(-rng.nextDouble());
  }

  @Override
  void detect(UniformRandomProvider rng, double[] z, double[] x) {
    x[0] = z[0] + RESOLUTION * ZigguratSampler.NormalizedGaussian.of(rng).sample();
  }
}
