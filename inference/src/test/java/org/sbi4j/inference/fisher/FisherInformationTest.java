package org.sbi4j.inference.fisher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.AsimovToyTest;
import org.sbi4j.inference.likelihood.BinnedLikelihood;
import org.sbi4j.inference.likelihood.Binning;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.LogLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.inference.limits.LikelihoodScan;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.inference.limits.ScanResult;
import org.sbi4j.testing.QuadratureToy;

class FisherInformationTest {
  static final double L = 10;

  /** Analytic truth-level information L ∫ (∂dσ)²/dσ dx (the rate term folds into it). */
  static double analyticTruth(double theta) {
    return L
        * new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15)
            .integrate(
                100_000,
                x ->
                    Math.pow(QuadratureToy.dsigmaDerivative(x, theta), 2)
                        / QuadratureToy.dsigma(x, theta),
                0,
                1);
  }

  @Test
  void rateOnlyIsExact() {
    MorphedEvents ev = new MorphedEvents(QuadratureToy.events(5));
    for (double t : new double[] {-0.8, 0, 0.3}) {
      double expected = L * Math.pow(QuadratureToy.sigmaDerivative(t), 2) / QuadratureToy.sigma(t);
      // Gauss–Legendre is exact for the polynomial dσ: only rounding remains.
      assertEquals(expected, FisherInformation.rate(ev, new double[] {t}, L).matrix()[0][0], 1e-12);
    }
  }

  @Test
  void truthLevelEqualsTheAnalyticInformation() {
    MorphedEvents ev = new MorphedEvents(QuadratureToy.events(40));
    for (double t : new double[] {0, 0.5}) {
      double analytic = analyticTruth(t);
      FisherMatrix f = FisherInformation.truth(ev, new double[] {t}, L);
      // The 400-node composite rule integrates the smooth rational integrand to ~1e-12 relative.
      assertEquals(analytic, f.matrix()[0][0], 1e-9 * analytic);
      assertEquals(1 / analytic, f.covariance()[0][0], 1e-9 / analytic);
    }
  }

  @Test
  void widthAgreesWithTheCurvatureOfTheAsimovScan() {
    for (double t : new double[] {0, 0.5}) {
      LogLikelihood ll = AsimovToyTest.asimovLikelihood(t, L);
      double h = 1e-3;
      double q2 =
          -2
              * (ll.evaluate(new double[] {t + h})
                  + ll.evaluate(new double[] {t - h})
                  - 2 * ll.evaluate(new double[] {t}))
              / (h * h);
      double width = 1 / Math.sqrt(analyticTruth(t));
      // q(θ) = I(θ−θ_t)² + O(h³): the central difference has relative error O(h²) ~ 1e-6 plus
      // rounding ~ 1e-16·|log L|/h² ~ 1e-9; the 5 % is met by far, so check 1e-4.
      assertEquals(width, Math.sqrt(2 / q2), 1e-4 * width);
    }
    // With much more data the likelihood becomes Gaussian and the 68 % half-width → 1/√I.
    double lumi = 2000;
    ScanResult r =
        LikelihoodScan.run(
            AsimovToyTest.asimovLikelihood(0, lumi),
            List.of("theta"),
            ParameterGrid.parse("-0.5:0.5:51"));
    double width = 1 / Math.sqrt(analyticTruth(0) * lumi / L);
    assertEquals(width, 0.5 * r.intervals().get("theta").cl68().width(), 0.05 * width);
  }

  @Test
  void histogramInformationIsBelowTruthAndMatchesItsOwnAsimovScan() {
    MorphedEvents ev = new MorphedEvents(QuadratureToy.events(40));
    Summary x = new Summary.Observed(List.of("x"));
    Binning bins = Binning.adaptive(ev.sample().x(), 1, ev.dsigma(new double[] {0}), 20);
    HistogramModel model = new HistogramModel(ev, x, bins, L);
    double hist = FisherInformation.histogram(model, new double[] {0}).matrix()[0][0];
    double truth = analyticTruth(0);
    // Binning loses information (data processing inequality), but 20 bins of a smooth density
    // keep most of it.
    assertEquals(true, hist <= truth * (1 + 1e-12));
    assertEquals(truth, hist, 0.05 * truth);
    Dataset asimov = Dataset.asimov(ev, ev, new double[] {0}, L);
    ScanResult r =
        LikelihoodScan.run(
            new BinnedLikelihood(model, model.counts(asimov, x)),
            List.of("theta"),
            ParameterGrid.parse("-2.5:2.5:51"));
    assertEquals(0, r.bestFit()[0], 1e-5);
    LogLikelihood binned = new BinnedLikelihood(model, model.counts(asimov, x));
    double h = 1e-3;
    double q2 =
        -2
            * (binned.evaluate(new double[] {h})
                + binned.evaluate(new double[] {-h})
                - 2 * binned.evaluate(new double[] {0}))
            / (h * h);
    // Same finite-difference accuracy argument as for the unbinned likelihood.
    assertEquals(1 / Math.sqrt(hist), Math.sqrt(2 / q2), 1e-4 / Math.sqrt(hist));
  }

  @Test
  void histogramInformationOfOneBinIsTheRateInformation() {
    MorphedEvents ev = new MorphedEvents(QuadratureToy.events(5));
    HistogramModel one =
        new HistogramModel(
            ev, new Summary.Observed(List.of("x")), new Binning(List.of(new double[] {0, 1})), L);
    for (double t : new double[] {-0.5, 0.9}) {
      assertEquals(
          FisherInformation.rate(ev, new double[] {t}, L).matrix()[0][0],
          FisherInformation.histogram(one, new double[] {t}).matrix()[0][0],
          1e-12);
    }
  }

  @Test
  void badInputs() {
    MorphedEvents ev = new MorphedEvents(QuadratureToy.events(2));
    assertThrows(
        IllegalArgumentException.class, () -> FisherInformation.truth(ev, new double[] {0, 1}, L));
    assertThrows(
        IllegalArgumentException.class, () -> FisherInformation.rate(ev, new double[] {0}, 0));
  }
}
