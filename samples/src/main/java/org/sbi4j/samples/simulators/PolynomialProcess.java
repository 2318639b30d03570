package org.sbi4j.samples.simulators;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.Components;
import org.sbi4j.morphing.MorphingSetup;
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
    int[] perm = Permutations.random(n, Seeds.derive(seed, 2));
    double[] zPerm = new double[n * k];
    for (int i = 0; i < n; i++) {
      System.arraycopy(zAll, perm[i] * k, zPerm, i * k, k);
    }
    return new Simulation(events.select(perm), zPerm, k);
  }

  @Override
  public double partonDensity(double[] z, double[] theta) {
    return dot(monomials(theta), alpha(z));
  }

  @Override
  public double crossSection(double[] theta) {
    return dot(monomials(theta), integrals());
  }

  @Override
  public double logLikelihood(double[] x, double[] theta) {
    checkX(x);
    double[] m = monomials(theta);
    double num = dot(m, smeared(x));
    if (!(num > 0)) {
      throw new IllegalArgumentException(
          "p(x|θ) underflows at x = "
              + Arrays.toString(x)
              + "; x lies far outside the simulator's support");
    }
    return Math.log(num) - Math.log(dot(m, integrals()));
  }

  @Override
  public double[] score(double[] x, double[] theta) {
    checkX(x);
    double[] m = monomials(theta);
    double[] a = smeared(x);
    double[] s = integrals();
    double pa = dot(m, a);
    double ps = dot(m, s);
    double[] t = new double[theta.length];
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
