package org.sbi4j.samples.simulators;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.Components;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.Permutations;

/**
 * The machinery shared by processes with dσ(z|θ) = Σ_c m_c(θ) α_c(z) and a smearing density T(x|z).
 * With S_c = ∫ α_c(z) dz and A_c(x) = ∫ α_c(z) T(x|z) dz:
 *
 * <pre>
 *   σ(θ) = Σ_c m_c(θ) S_c,   p(x|θ) = Σ_c m_c(θ) A_c(x) / σ(θ),
 *   t(x|θ) = Σ_c ∇m_c(θ) A_c(x) / Σ_c m_c(θ) A_c(x) − ∇σ(θ)/σ(θ).
 * </pre>
 *
 * Subclasses give α_c, S_c, A_c, a sampler of the generating density and the detector.
 */
abstract class PolynomialProcess implements Simulator {
  private final MorphingSetup setup;
  private final int[][] components;

  PolynomialProcess(MorphingSetup setup) {
    this.setup = setup;
    this.components = setup.components();
  }

  @Override
  public MorphingSetup setup() {
    return setup;
  }

  @Override
  public int generatingBenchmark() {
    return 0;
  }

  /** α_c(z) for every component c of the setup, in the setup's order. */
  abstract double[] alpha(double[] z);

  /** S_c = ∫ α_c(z) dz, in the setup's component order. */
  abstract double[] integrals();

  /** A_c(x) = ∫ α_c(z) T(x|z) dz, in the setup's component order. */
  abstract double[] smeared(double[] x);

  /** Draws z from the generating density dσ(z|θ_gen)/σ(θ_gen) into {@code z}. */
  abstract void sampleLatent(UniformRandomProvider rng, double[] z);

  /** Draws x from T(x|z) into {@code x}. */
  abstract void detect(UniformRandomProvider rng, double[] z, double[] x);

  /**
   * log f(z,ν) = log dσ(z|θ,ν)/dσ(z|θ,0), the same for every θ; 0 for a process without nuisances.
   */
  double logNuisanceFactor(double[] z, double[] nu) {
    return 0;
  }

  /** S_c(ν) = ∫ α_c(z) f(z,ν) dz; {@link #integrals()} without nuisances. */
  double[] integrals(double[] nu) {
    return integrals();
  }

  /** ∂S_c(ν)/∂ν_j, indexed [j][c]. */
  double[][] integralsGradient(double[] nu) {
    return new double[0][];
  }

  /** A_c(x;ν) = ∫ α_c(z) f(z,ν) T(x|z) dz; {@link #smeared(double[])} without nuisances. */
  double[] smeared(double[] x, double[] nu) {
    return smeared(x);
  }

  /** ∂A_c(x;ν)/∂ν_j, indexed [j][c]. */
  double[][] smearedGradient(double[] x, double[] nu) {
    return new double[0][];
  }

  /** Exponent vectors of the components, in order. */
  final int[][] components() {
    return components;
  }

  @Override
  public Simulation simulate(int n, long seed) {
    if (n <= 0) {
      throw new IllegalArgumentException("events = " + n + " must be positive");
    }
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 1));
    int k = latents().size();
    int d = observables().size();
    int nb = setup.benchmarks().size();
    double[][] basis = setup.basis();
    double[] thetaGen = basis[generatingBenchmark()];
    double sigmaGen = crossSection(thetaGen);
    double[] zAll = new double[n * k];
    double[] xAll = new double[n * d];
    double[] w = new double[n * nb];
    double[] z = new double[k];
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      sampleLatent(rng, z);
      detect(rng, z, x);
      double gen = partonDensity(z, thetaGen);
      for (int b = 0; b < nb; b++) {
        w[i * nb + b] = sigmaGen * partonDensity(z, basis[b]) / (n * gen);
      }
      System.arraycopy(z, 0, zAll, i * k, k);
      System.arraycopy(x, 0, xAll, i * d, d);
    }
    int[] from = new int[n];
    Arrays.fill(from, generatingBenchmark());
    EventSample events = EventSample.ofFeatures(observables(), xAll).withWeights(setup, w, from);
    if (!nuisances().isEmpty()) {
      events = events.withNuisances(nuisances(), nuisanceWeights(w, zAll, n, k));
    }
    int[] perm = Permutations.random(n, Seeds.derive(seed, 2));
    double[] zPerm = new double[n * k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(zAll, perm[i] * k, zPerm, i * k, k);
    }
    return new Simulation(events.select(perm), zPerm, k);
  }

  /**
   * Each event's weight at every nuisance benchmark: its weight at the reference benchmark times
   * f(z,ν) with one ν at ±1.
   */
  private double[] nuisanceWeights(double[] w, double[] z, int n, int k) {
    Nuisances nu = nuisances();
    int nb = setup.benchmarks().size();
    int ref = nu.checkAgainst(setup);
    int cols = nu.benchmarks().size();
    double[][] points = new double[cols][nu.size()];
    for (int j = 0; j < nu.size(); j++) {
      points[nu.plusColumn(j)][j] = 1;
      if (nu.minusColumn(j) >= 0) {
        points[nu.minusColumn(j)][j] = -1;
      }
    }
    double[] out = new double[n * cols];
    double[] zi = new double[k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(z, i * k, zi, 0, k);
      for (int c = 0; c < cols; c++) {
        out[i * cols + c] = w[i * nb + ref] * Math.exp(logNuisanceFactor(zi, points[c]));
      }
    }
    return out;
  }

  @Override
  public double partonDensity(double[] z, double[] theta) {
    return dot(monomials(theta), alpha(z));
  }

  @Override
  public double partonDensity(double[] z, double[] theta, double[] nu) {
    checkNu(nu);
    return Math.exp(logNuisanceFactor(z, nu)) * partonDensity(z, theta);
  }

  @Override
  public double crossSection(double[] theta) {
    return crossSection(theta, new double[nuisances().size()]);
  }

  @Override
  public double crossSection(double[] theta, double[] nu) {
    checkNu(nu);
    return dot(monomials(theta), integrals(nu));
  }

  @Override
  public double logLikelihood(double[] x, double[] theta) {
    return logLikelihood(x, theta, new double[nuisances().size()]);
  }

  @Override
  public double logLikelihood(double[] x, double[] theta, double[] nu) {
    checkX(x);
    checkNu(nu);
    double[] m = monomials(theta);
    double num = dot(m, smeared(x, nu));
    if (!(num > 0)) {
      throw new IllegalArgumentException(
          "p(x|θ) underflows at x = "
              + Arrays.toString(x)
              + "; x lies far outside the simulator's support");
    }
    return Math.log(num) - Math.log(dot(m, integrals(nu)));
  }

  @Override
  public double[] score(double[] x, double[] theta) {
    return Arrays.copyOf(score(x, theta, new double[nuisances().size()]), theta.length);
  }

  @Override
  public double[] score(double[] x, double[] theta, double[] nu) {
    checkX(x);
    checkNu(nu);
    double[] m = monomials(theta);
    double[] a = smeared(x, nu);
    double[] s = integrals(nu);
    double pa = dot(m, a);
    double ps = dot(m, s);
    double[] t = new double[theta.length + nu.length];
    double[][] da = smearedGradient(x, nu);
    double[][] ds = integralsGradient(nu);
    for (int j = 0; j < nu.length; j++) {
      t[theta.length + j] = dot(m, da[j]) / pa - dot(m, ds[j]) / ps;
    }
    double[] dm = new double[components.length];
    for (int i = 0; i < theta.length; i++) {
      for (int c = 0; c < components.length; c++) {
        dm[c] = Components.derivative(components[c], theta, i);
      }
      t[i] = dot(dm, a) / pa - dot(dm, s) / ps;
    }
    return t;
  }

  private double[] monomials(double[] theta) {
    setup.checkTheta("theta", theta);
    double[] m = new double[components.length];
    for (int c = 0; c < m.length; c++) {
      m[c] = Components.value(components[c], theta);
    }
    return m;
  }

  private void checkNu(double[] nu) {
    if (nu.length != nuisances().size()) {
      throw new IllegalArgumentException(
          "ν has "
              + nu.length
              + " values but "
              + name()
              + " has the nuisance parameters "
              + nuisances().names());
    }
  }

  private void checkX(double[] x) {
    if (x.length != observables().size()) {
      throw new IllegalArgumentException(
          "x has " + x.length + " values but " + name() + " has observables " + observables());
    }
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** The index of exponent vector {@code k} among {@code components}. */
  static int index(int[][] components, int... k) {
    for (int c = 0; c < components.length; c++) {
      if (Arrays.equals(components[c], k)) {
        return c;
      }
    }
    throw new IllegalStateException("no component " + Arrays.toString(k));
  }
}
