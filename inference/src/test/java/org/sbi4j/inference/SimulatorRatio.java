package org.sbi4j.inference;

import java.util.List;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.training.RatioEstimator;

/**
 * Test-only ratio "model": the exact log r(x|θ, θ_ref) = log p(x|θ) − log p(x|θ_ref) of a
 * simulator, so limits computed with it are the ideal a trained model aims at.
 */
final class SimulatorRatio implements RatioEstimator {
  private final Simulator simulator;
  private final double[] reference;

  SimulatorRatio(Simulator simulator, double[] reference) {
    this.simulator = simulator;
    this.reference = reference.clone();
  }

  @Override
  public List<String> observables() {
    return simulator.observables();
  }

  @Override
  public List<String> parameters() {
    return simulator.setup().parameterNames();
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    double[][] out = new double[thetas.length][events.size()];
    for (int e = 0; e < events.size(); e++) {
      double[] x = events.xRow(e);
      double ref = simulator.logLikelihood(x, reference);
      for (int j = 0; j < thetas.length; j++) {
        out[j][e] = simulator.logLikelihood(x, thetas[j]) - ref;
      }
    }
    return out;
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    double[][][] out = new double[thetas.length][events.size()][];
    for (int j = 0; j < thetas.length; j++) {
      for (int e = 0; e < events.size(); e++) {
        out[j][e] = simulator.score(events.xRow(e), thetas[j]);
      }
    }
    return out;
  }

  @Override
  public double[][] thetaRange() {
    return null;
  }

  /**
   * A one-observable simulator's exact detector-level density as weighted "events": composite
   * 10-point Gauss–Legendre nodes on [lo, hi], weighted at benchmark b by node weight ×
   * σ(θ_b) p(x|θ_b). Weighted sums over them are integrals of the exact density.
   */
  static EventSample quadratureEvents(Simulator simulator, double lo, double hi, int panels) {
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
          w[e * basis.length + b] = rule.getWeight(k) * simulator.crossSection(basis[b])
              * Math.exp(simulator.logLikelihood(new double[] {x[e]}, basis[b]));
        }
      }
    }
    return EventSample.ofFeatures(simulator.observables(), x).withWeights(setup, w, null);
  }
}
