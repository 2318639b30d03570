package org.sbi4j.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sbi4j.inference.likelihood.BinnedLikelihood;
import org.sbi4j.inference.likelihood.Binning;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.SallinoLikelihood;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.inference.limits.Intervals;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;

/** SALLINO: per-θ histograms of t̂·(θ − θ_ref), checked against exact and naive answers. */
class SallinoTest {
  private final Simulator sim1 = Simulators.INTERFERENCE_1D.create();

  @Test
  void sallinoIntervalsWithTheExactScoreAreCloseToTheExactOnes() {
    EventSample file = Interference1DLimitsTest.simulatedFile(sim1);
    LimitsResult exact =
        Interference1DLimitsTest.expected(file, Interference1DLimitsTest.exactSource(sim1));
    LimitSource source =
        new LimitSource.Sallino(
            "SALLINO",
            new ExactRatio(sim1, new double[] {0}),
            new double[] {0},
            BinningSpec.defaultBins(1),
            null);
    LimitsResult sallino = Interference1DLimitsTest.expected(file, source);
    Intervals e = exact.scan().intervals().get("theta");
    Intervals s = sallino.scan().intervals().get("theta");
    // The tolerances for approximate methods against the exact ones (as for SALLY): the
    // score at θ_ref = θ_true is locally sufficient, so near θ_true SALLINO loses little.
    assertEquals(e.cl68().lower(), s.cl68().lower(), 0.03);
    assertEquals(e.cl68().upper(), s.cl68().upper(), 0.03);
    assertEquals(e.cl95().lower(), s.cl95().lower(), 0.05);
    assertEquals(e.cl95().upper(), s.cl95().upper(), 0.05);
    assertTrue(sallino.scan().warnings().isEmpty(), sallino.scan().warnings().toString());
  }

  @Test
  void inOneDimensionItIsTheSallyBinnedRatioAgainstThetaRef() {
    // For θ > θ_ref, h = t̂·(θ − θ_ref) is t̂ scaled by a positive number: its quantile bins under
    // θ_ref are SALLY's bins of t̂, so log r(θ) = log L_SALLY(θ) − log L_SALLY(θ_ref) up to
    // rounding (1e-9 relative on sums of ~40 000 terms).
    EventSample file = sim1.events(40_000, 7);
    MorphedEvents rate = new MorphedEvents(file);
    ExactRatio score = new ExactRatio(sim1, new double[] {0});
    Dataset data =
        Dataset.asimov(new MorphedEvents(sim1.events(10_000, 8)), rate, new double[] {0.2}, 10);
    SallinoLikelihood sallino = new SallinoLikelihood(rate, score, new double[] {0}, data, 10, 30);
    Summary summary = new Summary.Score(score);
    HistogramModel model =
        Limits.histogramModel(rate, summary, new BinningSpec(30, null, new double[] {0}), 10);
    BinnedLikelihood sally = new BinnedLikelihood(model, model.counts(data, summary));
    double ref = sally.evaluate(new double[] {0});
    for (double theta : new double[] {0.1, 0.35, 0.8}) {
      double expected = sally.evaluate(new double[] {theta}) - ref;
      double got = sallino.evaluate(new double[] {theta});
      assertEquals(expected, got, 1e-9 * Math.max(1, Math.abs(expected)), "θ = " + theta);
    }
    assertEquals(0, sallino.evaluate(new double[] {0}), 0);
  }

  @Test
  void twoParametersMatchANaiveLoop() {
    Simulator sim = Simulators.INTERFERENCE_2D.create();
    EventSample file = sim.events(5_000, 11);
    MorphedEvents rate = new MorphedEvents(file);
    double[] thetaRef = {0.1, -0.1};
    ExactRatio score = new ExactRatio(sim, thetaRef);
    Dataset data =
        Dataset.asimov(new MorphedEvents(sim.events(2_000, 12)), rate, new double[] {0.3, 0.2}, 50);
    int bins = 12;
    SallinoLikelihood sallino = new SallinoLikelihood(rate, score, thetaRef, data, 50, bins);
    double[][] tFile = score.score(file);
    double[][] tData = score.score(data.events());
    double[] w = data.weights();
    double[] refWeights = rate.dsigma(thetaRef);
    for (double[] theta : new double[][] {{0.3, 0.2}, {-0.5, 0.4}, {0.1, 0.9}}) {
      double[] h = project(tFile, theta, thetaRef);
      // the bin edges are the adaptive rule's (tested with the histogram baseline); the rest is
      // an independent loop: ν_k(θ) = L Σ_{e ∈ k} dσ_e(θ), n_k = Σ_{i ∈ k} w_i and
      // log r = Σ_k n_k log(ν_k(θ)/ν_k(θ_ref)) − (ν_k(θ) − ν_k(θ_ref))
      Binning binning = Binning.adaptive(h, 1, refWeights, bins);
      double[] at = rate.dsigma(theta);
      double[] nu = new double[binning.size()];
      double[] nuRef = new double[binning.size()];
      for (int e = 0; e < h.length; e++) {
        int k = binning.index(h, e);
        nu[k] += 50 * at[e];
        nuRef[k] += 50 * refWeights[e];
      }
      double[] hData = project(tData, theta, thetaRef);
      double[] n = new double[binning.size()];
      for (int i = 0; i < hData.length; i++) {
        n[binning.index(hData, i)] += w[i];
      }
      double expected = 0;
      for (int k = 0; k < n.length; k++) {
        expected += n[k] * Math.log(nu[k] / nuRef[k]) - (nu[k] - nuRef[k]);
      }
      // sums of a few thousand terms in another order: 1e-9 relative
      assertEquals(expected, sallino.evaluate(theta), 1e-9 * Math.max(1, Math.abs(expected)));
    }
  }

  @Test
  void oneBinIsTheRateTermAlone() {
    EventSample file = sim1.events(5_000, 3);
    MorphedEvents rate = new MorphedEvents(file);
    Dataset data = Dataset.observed(sim1.events(17, 4));
    SallinoLikelihood sallino =
        new SallinoLikelihood(
            rate, new ExactRatio(sim1, new double[] {0}), new double[] {0}, data, 10, 1);
    double theta = 0.6;
    // one bin: log Pois(N|Lσ(θ)) − log Pois(N|Lσ(0)) = N log(σ(θ)/σ(0)) − L(σ(θ) − σ(0))
    double s = rate.sigma(new double[] {theta});
    double s0 = rate.sigma(new double[] {0});
    double expected = 17 * Math.log(s / s0) - 10 * (s - s0);
    assertEquals(expected, sallino.evaluate(new double[] {theta}), 1e-10 * Math.abs(expected));
  }

  @Test
  void refusesAModelOfOtherParameters() {
    Simulator sim2 = Simulators.INTERFERENCE_2D.create();
    MorphedEvents rate = new MorphedEvents(sim1.events(1_000, 5));
    Dataset data = Dataset.observed(sim1.events(10, 6));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SallinoLikelihood(
                    rate,
                    new ExactRatio(sim2, new double[] {0, 0}),
                    new double[] {0},
                    data,
                    10,
                    5));
    assertTrue(e.getMessage().contains("differ from the event file's"), e.getMessage());
  }

  private static double[] project(double[][] t, double[] theta, double[] ref) {
    double[] h = new double[t.length];
    for (int e = 0; e < t.length; e++) {
      for (int i = 0; i < ref.length; i++) {
        h[e] += t[e][i] * (theta[i] - ref[i]);
      }
    }
    return h;
  }
}
