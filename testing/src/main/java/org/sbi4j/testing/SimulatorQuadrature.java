package org.sbi4j.testing;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.sbi4j.morphing.MorphingSetup;
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
