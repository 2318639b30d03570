package org.sbi4j.inference.histfactory;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;

/**
 * Asymptotic CLs (docs/math.md §6.5): the observed statistic and the same statistic on the Asimov
 * data set of the conditional fit at μ′ = 0 (μ′ = 1 for q₀), with the auxiliary data at that fit,
 * give CLs+b, CLb, CLs and the expected band at −2σ…+2σ, in the √q space of pyhf and ROOT.
 */
public final class AsymptoticCalculator {
  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private final Fitter fitter;
  private final Data data;
  private final TestStatistic statistic;
  private Data asimov;

  /**
   * A calculator for {@code data}. For q̃ a POI lower bound below 0 is raised to 0 (the free fit of
   * q̃ has μ̂ ≥ 0); q and the others use the bounds as given.
   */
  public AsymptoticCalculator(Fitter fitter, Data data, TestStatistic statistic) {
    this.fitter = fitter.forStatistic(statistic);
    this.data = data;
    this.statistic = statistic;
  }

  /** The result of one hypothesis test. */
  public record Result(
      String poi,
      double poiValue,
      String testStat,
      double testStatValue,
      double testStatAsimov,
      double clsObserved,
      double[] clsExpected,
      double clsb,
      double clb)
      implements ClsResult {
    public Result {
      clsExpected = clsExpected.clone();
    }

    @Override
    public double[] clsExpected() {
      return clsExpected.clone();
    }
  }

  /** The Asimov data set of the conditional fit at μ′ (0 for q, q̃, t; 1 for q₀), cached. */
  public Data asimov() {
    if (asimov == null) {
      double muPrime = statistic == TestStatistic.Q0 ? 1 : 0;
      Fitter.Fit fit = fitter.fixedPoiFit(data, muPrime);
      asimov = fitter.model().expectedData(fit.parameters());
    }
    return asimov;
  }

  /** The hypothesis test at POI value {@code mu}. */
  public Result test(double mu) {
    double q = statistic.evaluate(fitter, data, mu).value();
    double qa = statistic.evaluate(fitter, asimov(), mu).value();
    double sq = Math.sqrt(q);
    double sqa = Math.sqrt(qa);
    double t;
    if (statistic != TestStatistic.QTILDE || sq <= sqa || sqa == 0) {
      t = sq - sqa;
    } else {
      t = (q - qa) / (2 * sqa);
    }
    double clsb = NORMAL.cumulativeProbability(-(t + sqa));
    double clb = NORMAL.cumulativeProbability(-t);
    boolean discovery = statistic == TestStatistic.Q0;
    double[] expected = new double[5];
    for (int i = 0; i < 5; i++) {
      double n = 2 - i;
      double sb = NORMAL.cumulativeProbability(-(n + sqa));
      double b = NORMAL.cumulativeProbability(-n);
      expected[i] = discovery ? sb : sb / b;
    }
    return new Result(
        fitter.model().poi(),
        mu,
        statistic.cliName(),
        q,
        qa,
        discovery ? clsb : clsb / clb,
        expected,
        clsb,
        clb);
  }
}
