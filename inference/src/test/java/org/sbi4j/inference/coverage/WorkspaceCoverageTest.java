package org.sbi4j.inference.coverage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.histfactory.Fitter;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.TestWorkspaces;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.limits.Wilks;

/**
 * Workspace toys on one-bin counting experiments (signal s·μ, background b, μ ∈ [0, 10]). Without
 * nuisance parameters the coverage is a finite sum: with μ̂ = clip((n − b)/s, 0, 10) and ν(μ) = μs
 * + b, t_μ(n) = 2[ν(μ) − ν(μ̂) − n ln(ν(μ)/ν(μ̂))], and the coverage at level c is Σ_n Pois(n |
 * ν(μ)) 1[t_μ(n) ≤ F⁻¹_{χ²_1}(c)] exactly (the μ ≥ 0 bound makes it exceed the nominal value
 * slightly). The toys agree with that sum within the binomial error.
 */
class WorkspaceCoverageTest {
  static final double S = 10;
  static final double B = 50;

  static Workspace counting(List<Modifier> backgroundModifiers) {
    return TestWorkspaces.signalPlusBackground(
        new double[] {S}, new double[] {B}, backgroundModifiers, new double[] {B + 7});
  }

  /** The exact coverage of t_μ at level cl for the one-bin model without nuisances. */
  static double exactCoverage(double mu, double cl) {
    double threshold = Wilks.threshold(cl, 1);
    double nu = mu * S + B;
    PoissonDistribution pois = PoissonDistribution.of(nu);
    double sum = 0;
    for (int n = 0; n < 400; n++) {
      double muHat = Math.min(10, Math.max(0, (n - B) / S));
      double nuHat = muHat * S + B;
      double t = 2 * (nu - nuHat - (n == 0 ? 0 : n * Math.log(nu / nuHat)));
      if (t <= threshold) {
        sum += pois.probability(n);
      }
    }
    return sum;
  }

  static CoverageResult run(HistFactoryModel model, double mu, boolean nominal, int toys) {
    try (LocalTaskRunner runner = new LocalTaskRunner(2)) {
      return CoverageAnalysis.workspace(
          model,
          "counting",
          mu,
          nominal,
          new CoverageAnalysis.Settings(toys, 23, null),
          runner,
          null);
    }
  }

  @Test
  void countingExperimentCoverageMatchesTheExactPoissonSum() {
    HistFactoryModel model = HistFactoryModel.of(counting(List.of()));
    for (double mu : new double[] {0.5, 2}) {
      CoverageResult r = run(model, mu, true, 1000);
      for (double cl : new double[] {Wilks.CL68, Wilks.CL95}) {
        double exact = exactCoverage(mu, cl);
        double sigma = Math.sqrt(exact * (1 - exact) / r.toys());
        System.out.printf(
            "counting μ = %s: coverage at %.4f toys %.4f exact %.4f ± %.4f%n",
            mu, cl, r.coverage(cl), exact, sigma);
        // Binomial(N, exact) counts: 3σ is a false alarm once in 370 runs (seed fixed)
        assertEquals(exact, r.coverage(cl), 3 * sigma, "μ = " + mu + ", cl " + cl);
      }
      assertEquals(1, r.degreesOfFreedom());
      assertEquals(List.of("mu"), r.parameters());
    }
  }

  @Test
  void toysAreDrawnAtTheConditionalFitOrAtNominalValues() {
    // a 10 % normsys on the background: its conditional fit to n = 57 at μ = 1 pulls it
    HistFactoryModel model =
        HistFactoryModel.of(counting(List.of(Modifier.normsys("bkg_norm", 1.1, 0.9))));
    WorkspaceToys conditional = new WorkspaceToys(model, 1, false);
    double[] fitted = new Fitter(model).fixedPoiFit(model.observedData(), 1).parameters();
    assertArrayEquals(fitted, conditional.generatingParameters(), 0);
    WorkspaceToys nominal = new WorkspaceToys(model, 2, true);
    double[] inits = model.inits();
    inits[model.poiIndex()] = 2;
    assertArrayEquals(inits, nominal.generatingParameters(), 0);
    // toys with auxiliary data: large counts, so Wilks holds; 400 toys, 3σ binomial band
    CoverageResult r = run(model, 1, false, 400);
    for (double cl : new double[] {Wilks.CL68, Wilks.CL95}) {
      assertEquals(cl, r.coverage(cl), 3 * Math.sqrt(cl * (1 - cl) / 400), "cl " + cl);
    }
  }

  @Test
  void muTrueOutsideThePoiBoundsIsRefused() {
    HistFactoryModel model = HistFactoryModel.of(counting(List.of()));
    InvalidValueException e =
        assertThrows(InvalidValueException.class, () -> new WorkspaceToys(model, -1, false));
    assertEquals("poi value", e.value());
  }
}
