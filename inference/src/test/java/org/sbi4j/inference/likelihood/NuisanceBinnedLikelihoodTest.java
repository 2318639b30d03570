package org.sbi4j.inference.likelihood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;

/**
 * The per-bin nuisance morphing of the histogram likelihood against a naive loop: bin contents at
 * the reference and nuisance benchmarks summed by hand, A = ½ log(W₊/W₋), B = ½ log(W₊W₋/W0²), the
 * Poisson sum, and the ν-gradient against central differences; undefined bins are counted.
 */
class NuisanceBinnedLikelihoodTest {
  static final double L = 10;
  static final double[] EDGES = {-2, 0, 0.5, 1, 2, 4, 30};
  private final Interference1D sim = Interference1D.withNuisances();

  private HistogramModel model(EventSample file) {
    MorphedEvents rate = new MorphedEvents(file);
    return new HistogramModel(rate, summary(), new Binning(List.of(EDGES)), L);
  }

  private static Summary summary() {
    return new Summary.Observed(List.of("x"));
  }

  @Test
  void valueAndGradientMatchTheNaiveLoop() {
    EventSample file = sim.events(3_000, 5);
    HistogramModel model = model(file);
    double[] counts = {0.5, 2, 1.5, 3, 2.5, 1};
    NuisanceBinnedLikelihood ll =
        new NuisanceBinnedLikelihood(model, summary(), counts, NuisanceMorphing.Policy.ERROR);
    double[] theta = {0.3};
    double[] nu = {0.4, -0.7};
    int nb = EDGES.length - 1;
    double[] w0 = new double[nb];
    double[][] wp = new double[nb][2];
    double[][] wm = new double[nb][2];
    int ref = file.setup().get().benchmarkNames().indexOf("sm");
    int nbench = file.setup().get().benchmarks().size();
    for (int e = 0; e < file.size(); e++) {
      double x = file.xRow(e)[0];
      int k = 0;
      while (k < nb - 1 && x >= EDGES[k + 1]) {
        k++;
      }
      w0[k] += file.weights()[e * nbench + ref];
      // nuisance benchmark columns: norm_plus, norm_minus, shape_plus, shape_minus
      wp[k][0] += file.nuisanceWeight(e, 0);
      wm[k][0] += file.nuisanceWeight(e, 1);
      wp[k][1] += file.nuisanceWeight(e, 2);
      wm[k][1] += file.nuisanceWeight(e, 3);
    }
    double[] mu0 = model.expected(theta);
    double expect = 0;
    for (int k = 0; k < nb; k++) {
      double log = 0;
      for (int j = 0; j < 2; j++) {
        double a = 0.5 * Math.log(wp[k][j] / wm[k][j]);
        double b = 0.5 * Math.log(wp[k][j] * wm[k][j] / (w0[k] * w0[k]));
        log += a * nu[j] + b * nu[j] * nu[j];
      }
      double mu = mu0[k] * Math.exp(log);
      expect +=
          counts[k] * Math.log(mu)
              - mu
              - org.apache.commons.math3.special.Gamma.logGamma(counts[k] + 1);
    }
    double[] grad = new double[2];
    // sums of a few terms of size ~10: rounding ~1e-14
    assertEquals(expect, ll.evaluate(theta, nu, grad), 1e-10);
    double h = 1e-6;
    for (int j = 0; j < 2; j++) {
      double[] up = nu.clone();
      double[] down = nu.clone();
      up[j] += h;
      down[j] -= h;
      double fd = (ll.evaluate(theta, up, null) - ll.evaluate(theta, down, null)) / (2 * h);
      // central differences: error ~h² f''' + rounding 1e-14/h ≈ 1e-8
      assertEquals(fd, grad[j], 1e-6, "∂/∂ν_" + j);
    }
  }

  @Test
  void aBinWithoutContentAtANuisanceBenchmarkIsCountedOrClamped() {
    EventSample file = sim.events(2_000, 6);
    double[] nw = file.nuisanceWeights();
    int k = file.nuisances().benchmarks().size();
    for (int e = 0; e < file.size(); e++) {
      if (file.xRow(e)[0] < 0) {
        nw[e * k] = 0; // no norm_plus weight in the first bin
      }
    }
    EventSample bad = file.withNuisances(file.nuisances(), nw);
    HistogramModel model = model(bad);
    double[] counts = new double[EDGES.length - 1];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new NuisanceBinnedLikelihood(
                    model, summary(), counts, NuisanceMorphing.Policy.ERROR));
    assertTrue(
        e.getMessage().startsWith("1 per-bin nuisance coefficients of the 6"), e.getMessage());
    assertTrue(e.getMessage().endsWith("clamp them as MadMiner does"), e.getMessage());
    assertEquals("clamp-nuisance", ((InvalidValueException) e).value());
    NuisanceBinnedLikelihood clamped =
        new NuisanceBinnedLikelihood(model, summary(), counts, NuisanceMorphing.Policy.CLAMP);
    assertTrue(Double.isFinite(clamped.evaluate(new double[] {0}, new double[] {1, 1}, null)));
  }
}
