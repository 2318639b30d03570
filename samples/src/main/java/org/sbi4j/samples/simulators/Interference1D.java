package org.sbi4j.samples.simulators;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceParameter;
import org.sbi4j.morphing.Nuisances;
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
 *
 * <p>{@link #withNuisances()} adds two nuisance parameters (docs/math.md §7): {@code norm}, a 10 %
 * log-normal normalisation, f = 1.1^ν, and {@code shape}, the slope of z, e^{−z} → e^{−λz} with λ =
 * 1 + 0.1ν. Both are two-sided (nuisance benchmarks at ν = ±1 relative to {@code sm}), and log f =
 * ν log 1.1 − 0.1 ν z is linear in ν, so nuisance morphing reproduces every ν exactly. With rate λ
 * the integrals become S = {1/λ, 2(1/λ² − 1/λ), 2/λ³ − 2/λ² + 1/λ} and the smeared moments I_k^λ(x)
 * = ∫₀^∞ z^k e^{−λz} N(x; z, s²) dz = e^{−λx+λ²s²/2} J_k with μ = x − λs²; ∂I_k/∂λ = −I_{k+1}.
 */
public final class Interference1D extends PolynomialProcess {
  /** Detector resolution s. */
  public static final double RESOLUTION = 0.5;

  private final int c0;
  private final int c1;
  private final int c2;
  private final Nuisances nuisances;

  /** Without nuisance parameters. */
  public Interference1D() {
    this(false);
  }

  /** With the {@code norm} and {@code shape} nuisance parameters. */
  public static Interference1D withNuisances() {
    return new Interference1D(true);
  }

  private Interference1D(boolean withNuisances) {
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
    nuisances =
        withNuisances
            ? new Nuisances(
                List.of(
                    new NuisanceParameter("norm", "norm_plus", "norm_minus"),
                    new NuisanceParameter("shape", "shape_plus", "shape_minus")),
                List.of("norm_plus", "norm_minus", "shape_plus", "shape_minus"),
                "sm")
            : Nuisances.NONE;
  }

  /** log of the normalisation factor per unit ν_norm. */
  static final double LOG_NORM = Math.log(1.1);

  /** ∂λ/∂ν_shape. */
  static final double SHAPE = 0.1;

  @Override
  public Nuisances nuisances() {
    return nuisances;
  }

  @Override
  double logNuisanceFactor(double[] z, double[] nu) {
    return nu.length == 0 ? 0 : nu[0] * LOG_NORM - SHAPE * nu[1] * z[0];
  }

  @Override
  double[] integrals(double[] nu) {
    if (nu.length == 0) {
      return integrals();
    }
    double l = 1 + SHAPE * nu[1];
    double f = Math.exp(nu[0] * LOG_NORM);
    double[] s = new double[3];
    s[c0] = f / l;
    s[c1] = f * 2 * (1 / (l * l) - 1 / l);
    s[c2] = f * (2 / (l * l * l) - 2 / (l * l) + 1 / l);
    return s;
  }

  @Override
  double[][] integralsGradient(double[] nu) {
    if (nu.length == 0) {
      return new double[0][];
    }
    double l = 1 + SHAPE * nu[1];
    double f = Math.exp(nu[0] * LOG_NORM);
    double[] s = integrals(nu);
    double[] dNorm = new double[3];
    double[] dShape = new double[3];
    for (int c = 0; c < 3; c++) {
      dNorm[c] = LOG_NORM * s[c];
    }
    dShape[c0] = f * SHAPE * (-1 / (l * l));
    dShape[c1] = f * SHAPE * 2 * (-2 / (l * l * l) + 1 / (l * l));
    dShape[c2] = f * SHAPE * (-6 / (l * l * l * l) + 4 / (l * l * l) - 1 / (l * l));
    return new double[][] {dNorm, dShape};
  }

  @Override
  double[] smeared(double[] x, double[] nu) {
    if (nu.length == 0) {
      return smeared(x);
    }
    double l = 1 + SHAPE * nu[1];
    double f = Math.exp(nu[0] * LOG_NORM);
    double[] i = exponentialGaussianMoments(x[0], RESOLUTION, l);
    double[] a = components(i[0], i[1], i[2]);
    for (int c = 0; c < 3; c++) {
      a[c] *= f;
    }
    return a;
  }

  @Override
  double[][] smearedGradient(double[] x, double[] nu) {
    if (nu.length == 0) {
      return new double[0][];
    }
    double l = 1 + SHAPE * nu[1];
    double f = Math.exp(nu[0] * LOG_NORM);
    double[] i = exponentialGaussianMoments(x[0], RESOLUTION, l);
    double[] a = components(i[0], i[1], i[2]);
    double[] da = components(-i[1], -i[2], -i[3]);
    double[] dNorm = new double[3];
    double[] dShape = new double[3];
    for (int c = 0; c < 3; c++) {
      dNorm[c] = LOG_NORM * f * a[c];
      dShape[c] = SHAPE * f * da[c];
    }
    return new double[][] {dNorm, dShape};
  }

  /** The components {I_0, 2(I_1 − I_0), I_2 − 2I_1 + I_0} in the setup's order. */
  private double[] components(double i0, double i1, double i2) {
    double[] a = new double[3];
    a[c0] = i0;
    a[c1] = 2 * (i1 - i0);
    a[c2] = i2 - 2 * i1 + i0;
    return a;
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
    return components(i[0], i[1], i[2]);
  }

  /** I_k(x) = ∫₀^∞ z^k e^{−z} N(x; z, s²) dz for k = 0, 1, 2. */
  static double[] exponentialGaussianMoments(double x, double s) {
    return java.util.Arrays.copyOf(exponentialGaussianMoments(x, s, 1), 3);
  }

  /** I_k^λ(x) = ∫₀^∞ z^k e^{−λz} N(x; z, s²) dz for k = 0 … 3. */
  static double[] exponentialGaussianMoments(double x, double s, double lambda) {
    double mu = x - lambda * s * s;
    double u = mu / s;
    double cdf = 0.5 * org.apache.commons.math3.special.Erf.erfc(-u / Math.sqrt(2));
    double pdf = Math.exp(-0.5 * u * u) / Math.sqrt(2 * Math.PI);
    double j0 = cdf;
    double j1 = mu * j0 + s * pdf;
    double j2 = mu * j1 + s * s * j0;
    double j3 = mu * j2 + 2 * s * s * j1;
    double pre = Math.exp(-lambda * x + 0.5 * lambda * lambda * s * s);
    return new double[] {pre * j0, pre * j1, pre * j2, pre * j3};
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
