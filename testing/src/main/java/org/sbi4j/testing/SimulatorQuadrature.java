package org.sbi4j.testing;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulator;

/** Quadrature "events" carrying a simulator's exact density. */
public final class SimulatorQuadrature {
  private SimulatorQuadrature() {}

  /**
   * A one-observable simulator's exact detector-level density as weighted "events": composite
   * 10-point Gauss–Legendre nodes on [lo, hi], weighted at benchmark b by node weight × σ(θ_b)
   * p(x|θ_b). Weighted sums over them are integrals of the exact density.
   */
  public static EventSample quadratureEvents(
      Simulator simulator, double lo, double hi, int panels) {
    MorphingSetup setup = simulator.setup();
    double[][] basis = setup.basis();
    double width = (hi - lo) / panels;
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(10, 0, width);
    int m = rule.getNumberOfPoints();
    double[] x = new double[panels * m];
    double[] w = new double[x.length * basis.length];
    for (int p = 0; p < panels; p++) {
      for (int k = 0; k < m; k++) {
        int e = p * m + k;
        x[e] = lo + p * width + rule.getPoint(k);
        for (int b = 0; b < basis.length; b++) {
          w[e * basis.length + b] =
              rule.getWeight(k)
                  * simulator.crossSection(basis[b])
                  * Math.exp(simulator.logLikelihood(new double[] {x[e]}, basis[b]));
        }
      }
    }
    return EventSample.ofFeatures(simulator.observables(), x).withWeights(setup, w, null);
  }

  /**
   * A one-latent simulator's exact parton-level cross section as weighted "events" with nuisance
   * weights: composite 10-point Gauss–Legendre nodes z on [lo, hi] (the feature is z itself),
   * weighted at θ benchmark b by node weight × dσ(z|θ_b) and at every nuisance benchmark by node
   * weight × dσ(z|θ_ref, ν = ±e_j) (the reference benchmark's θ with one ν at ±1). Weighted sums
   * are integrals over z, so σ(θ, ν) from nuisance morphing of these events is exact up to the
   * rule's error whenever log dσ(z|θ,ν)/dσ(z|θ,0) is quadratic in ν.
   */
  public static EventSample partonEvents(Simulator simulator, double lo, double hi, int panels) {
    MorphingSetup setup = simulator.setup();
    Nuisances nuisances = simulator.nuisances();
    double[][] basis = setup.basis();
    int ref = nuisances.checkAgainst(setup);
    int k = nuisances.benchmarks().size();
    double[][] shifts = new double[k][nuisances.size()];
    for (int j = 0; j < nuisances.size(); j++) {
      shifts[nuisances.plusColumn(j)][j] = 1;
      if (nuisances.minusColumn(j) >= 0) {
        shifts[nuisances.minusColumn(j)][j] = -1;
      }
    }
    double width = (hi - lo) / panels;
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(10, 0, width);
    int m = rule.getNumberOfPoints();
    double[] z = new double[panels * m];
    double[] w = new double[z.length * basis.length];
    double[] nw = new double[z.length * k];
    for (int p = 0; p < panels; p++) {
      for (int q = 0; q < m; q++) {
        int e = p * m + q;
        z[e] = lo + p * width + rule.getPoint(q);
        double[] zz = {z[e]};
        for (int b = 0; b < basis.length; b++) {
          w[e * basis.length + b] = rule.getWeight(q) * simulator.partonDensity(zz, basis[b]);
        }
        for (int c = 0; c < k; c++) {
          nw[e * k + c] = rule.getWeight(q) * simulator.partonDensity(zz, basis[ref], shifts[c]);
        }
      }
    }
    EventSample events = EventSample.ofFeatures(simulator.latents(), z).withWeights(setup, w, null);
    return nuisances.isEmpty() ? events : events.withNuisances(nuisances, nw);
  }

  /**
   * The unbinned Asimov q(θ) = 2L[∫ dσ_t log(dσ_t/dσ_θ) dx + σ(θ) − σ_t] of a one-observable
   * simulator at luminosity {@code lumi}, by adaptive Gauss–Legendre quadrature of its exact
   * density on [lo, hi]: no morphing, no estimator.
   */
  public static double asimovQ(
      Simulator simulator, double theta, double thetaTrue, double lumi, double lo, double hi) {
    double[] t = {thetaTrue};
    double[] th = {theta};
    double st = simulator.crossSection(t);
    double sth = simulator.crossSection(th);
    DoubleUnaryOperator f =
        x -> {
          double[] xx = {x};
          double lt = simulator.logLikelihood(xx, t);
          return st * Math.exp(lt) * (lt - simulator.logLikelihood(xx, th) + Math.log(st / sth));
        };
    double kl =
        new IterativeLegendreGaussIntegrator(24, 1e-12, 1e-14)
            .integrate(1_000_000, f::applyAsDouble, lo, hi);
    return 2 * lumi * (kl + sth - st);
  }
}
