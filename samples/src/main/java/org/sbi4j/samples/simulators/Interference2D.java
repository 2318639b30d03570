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
 * {@code interference-2d}: two parameters θ = (θ_a, θ_b) ∈ [−1, 1]², latent z = (E, φ) with E > 0,
 * φ ∈ [0, 2π) and
 *
 * <pre>
 *   dσ(z|θ) = e^{−E}/(2π) · (1 + θ_a (E − 1) + θ_b cos φ)²,   σ(θ) = 1 + θ_a² + θ_b²/2,
 * </pre>
 *
 * quadratic in θ through the interference of the Standard-Model amplitude with two operators (six
 * components). Three observables with detector smearing: x_E = E + N(0, 0.5²), x_c = cos φ + N(0,
 * 0.3²), x_s = sin φ + N(0, 0.3²).
 *
 * <p>p(x|θ) is exact: each α_c factorises into an energy part, handled by the truncated Gaussian
 * moments of {@link Interference1D}, and an angular part g(φ) ∈ {1, cos φ, cos²φ}, whose smeared
 * integral (1/2π)∫ g(φ) N(x_c; cos φ) N(x_s; sin φ) dφ is periodic and analytic in φ: the
 * trapezoidal rule with {@value #ANGLE_NODES} nodes is exact to machine precision (its error is of
 * order I_{256}(κ)/I_0(κ) with κ = |x_⊥|/0.3², below 1e−40 for |x_⊥| < 10). Benchmarks: sm (0, 0;
 * events are generated here), (1, 0), (0, 1), (−1, 0), (0, −1), (1, 1).
 *
 * <p>{@link #withNuisances()} adds one shape nuisance parameter, {@code shape}: the slope of the
 * energy spectrum, e^{−E} → e^{−λE} with λ = 1 + 0.1ν (docs/math.md §7.3), two-sided with nuisance
 * benchmarks {@code shape_plus} / {@code shape_minus} at ν = ±1 relative to {@code sm}. log f =
 * −0.1νE is linear in ν, so nuisance morphing reproduces every ν exactly; the angular part is
 * untouched and the energy parts keep their closed forms: ∫ {1, (E−1), (E−1)²} e^{−λE} dE = {1/λ,
 * 1/λ² − 1/λ, 2/λ³ − 2/λ² + 1/λ}, the smeared ones use the moments I_k^λ of {@link Interference1D}
 * with ∂I_k^λ/∂λ = −I_{k+1}^λ.
 */
public final class Interference2D extends PolynomialProcess {
  /** Energy resolution. */
  public static final double ENERGY_RESOLUTION = 0.5;

  /** Resolution of cos φ and sin φ. */
  public static final double ANGLE_RESOLUTION = 0.3;

  static final int ANGLE_NODES = 256;

  /** ∂λ/∂ν_shape. */
  static final double SHAPE = 0.1;

  private final int[] idx = new int[6];
  private final Nuisances nuisances;

  /** Without nuisance parameters. */
  public Interference2D() {
    this(false);
  }

  /** With the {@code shape} nuisance parameter (the slope of the energy spectrum). */
  public static Interference2D withNuisances() {
    return new Interference2D(true);
  }

  private Interference2D(boolean withNuisances) {
    super(
        MorphingSetup.of(
            List.of(Parameter.of("theta_a", 2, -1, 1), Parameter.of("theta_b", 2, -1, 1)),
            List.of(
                new Benchmark("sm", new double[] {0, 0}),
                new Benchmark("a", new double[] {1, 0}),
                new Benchmark("b", new double[] {0, 1}),
                new Benchmark("minus_a", new double[] {-1, 0}),
                new Benchmark("minus_b", new double[] {0, -1}),
                new Benchmark("ab", new double[] {1, 1})),
            2));
    int[][] k = {{0, 0}, {1, 0}, {0, 1}, {2, 0}, {1, 1}, {0, 2}};
    for (int j = 0; j < 6; j++) {
      idx[j] = index(components(), k[j]);
    }
    nuisances =
        withNuisances
            ? new Nuisances(
                List.of(new NuisanceParameter("shape", "shape_plus", "shape_minus")),
                List.of("shape_plus", "shape_minus"),
                "sm")
            : Nuisances.NONE;
  }

  @Override
  public Nuisances nuisances() {
    return nuisances;
  }

  @Override
  double logNuisanceFactor(double[] z, double[] nu) {
    return nu.length == 0 ? 0 : -SHAPE * nu[0] * z[0];
  }

  @Override
  double[] integrals(double[] nu) {
    if (nu.length == 0) {
      return integrals();
    }
    double l = 1 + SHAPE * nu[0];
    return combine(1 / l, 1 / (l * l) - 1 / l, 2 / (l * l * l) - 2 / (l * l) + 1 / l, 1, 0, 0.5);
  }

  @Override
  double[][] integralsGradient(double[] nu) {
    if (nu.length == 0) {
      return new double[0][];
    }
    double l = 1 + SHAPE * nu[0];
    double l2 = l * l;
    double l3 = l2 * l;
    // d/dλ of {1/λ, 1/λ² − 1/λ, 2/λ³ − 2/λ² + 1/λ}, times dλ/dν = 0.1
    return new double[][] {
      combine(
          -SHAPE / l2,
          SHAPE * (-2 / l3 + 1 / l2),
          SHAPE * (-6 / (l3 * l) + 4 / l3 - 1 / l2),
          1,
          0,
          0.5)
    };
  }

  @Override
  double[] smeared(double[] x, double[] nu) {
    if (nu.length == 0) {
      return smeared(x);
    }
    double[] i =
        Interference1D.exponentialGaussianMoments(x[0], ENERGY_RESOLUTION, 1 + SHAPE * nu[0]);
    double[] g = angular(x[1], x[2]);
    return combine(i[0], i[1] - i[0], i[2] - 2 * i[1] + i[0], g[0], g[1], g[2]);
  }

  @Override
  double[][] smearedGradient(double[] x, double[] nu) {
    if (nu.length == 0) {
      return new double[0][];
    }
    double[] i =
        Interference1D.exponentialGaussianMoments(x[0], ENERGY_RESOLUTION, 1 + SHAPE * nu[0]);
    double[] g = angular(x[1], x[2]);
    // ∂I_k/∂λ = −I_{k+1}: the energy parts' derivatives, times dλ/dν = 0.1
    return new double[][] {
      combine(
          -SHAPE * i[1],
          -SHAPE * (i[2] - i[1]),
          -SHAPE * (i[3] - 2 * i[2] + i[1]),
          g[0],
          g[1],
          g[2])
    };
  }

  @Override
  public String name() {
    return "interference-2d";
  }

  @Override
  public List<String> observables() {
    return List.of("x_E", "x_cos", "x_sin");
  }

  @Override
  public List<String> latents() {
    return List.of("E", "phi");
  }

  /** In the order 1, θ_a, θ_b, θ_a², θ_a θ_b, θ_b²: energy factor × angular factor. */
  private double[] combine(double e0, double e1, double e2, double g0, double g1, double g2) {
    double[] a = new double[6];
    a[idx[0]] = e0 * g0;
    a[idx[1]] = 2 * e1 * g0;
    a[idx[2]] = 2 * e0 * g1;
    a[idx[3]] = e2 * g0;
    a[idx[4]] = 2 * e1 * g1;
    a[idx[5]] = e0 * g2;
    return a;
  }

  @Override
  double[] alpha(double[] z) {
    if (z[0] < 0) {
      return new double[6];
    }
    double e = Math.exp(-z[0]) / (2 * Math.PI);
    double u = z[0] - 1;
    double c = Math.cos(z[1]);
    return combine(e, e * u, e * u * u, 1, c, c * c);
  }

  @Override
  double[] integrals() {
    return combine(1, 0, 1, 1, 0, 0.5);
  }

  @Override
  double[] smeared(double[] x) {
    double[] i = Interference1D.exponentialGaussianMoments(x[0], ENERGY_RESOLUTION);
    double e0 = i[0];
    double e1 = i[1] - i[0];
    double e2 = i[2] - 2 * i[1] + i[0];
    double[] g = angular(x[1], x[2]);
    return combine(e0, e1, e2, g[0], g[1], g[2]);
  }

  /** (1/2π)∫ {1, cos φ, cos²φ} N(x_c; cos φ, s²) N(x_s; sin φ, s²) dφ by the trapezoidal rule. */
  private static double[] angular(double xc, double xs) {
    double s2 = ANGLE_RESOLUTION * ANGLE_RESOLUTION;
    double r = Math.hypot(xc, xs);
    double kappa = r / s2;
    double psi = Math.atan2(xs, xc);
    double g0 = 0;
    double g1 = 0;
    double g2 = 0;
    for (int j = 0; j < ANGLE_NODES; j++) {
      double phi = 2 * Math.PI * j / ANGLE_NODES;
      double f = Math.exp(kappa * (Math.cos(phi - psi) - 1));
      double c = Math.cos(phi);
      g0 += f;
      g1 += f * c;
      g2 += f * c * c;
    }
    // N(xc; cos φ)N(xs; sin φ) = exp(−(r² + 1)/(2s²) + κ cos(φ − ψ)) / (2π s²)
    double pre = Math.exp(kappa - (r * r + 1) / (2 * s2)) / (2 * Math.PI * s2) / ANGLE_NODES;
    return new double[] {pre * g0, pre * g1, pre * g2};
  }

  @Override
  void sampleLatent(UniformRandomProvider rng, double[] z) {
    z[0] = -Math.log1p(-rng.nextDouble());
    z[1] = 2 * Math.PI * rng.nextDouble();
  }

  @Override
  void detect(UniformRandomProvider rng, double[] z, double[] x) {
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    x[0] = z[0] + ENERGY_RESOLUTION * g.sample();
    x[1] = Math.cos(z[1]) + ANGLE_RESOLUTION * g.sample();
    x[2] = Math.sin(z[1]) + ANGLE_RESOLUTION * g.sample();
  }
}
