package org.sbi4j.inference.histfactory;

/**
 * What every CLs calculator reports for one tested POI value (docs/math.md §6.5, §6.8): the keys of
 * {@code sbi4j workspace cls} whatever the calculator.
 */
public interface ClsResult {
  /** The POI's name. */
  String poi();

  /** The POI value tested. */
  double poiValue();

  /** Observed CLs (for q₀: the p-value p₀). */
  double clsObserved();

  /** Expected CLs at −2σ, −1σ, 0, +1σ, +2σ. */
  double[] clsExpected();

  /** CLs+b of the observed data. */
  double clsb();

  /** CLb of the observed data. */
  double clb();

  /** The statistic's name ({@code q}, {@code qtilde}, {@code q0}). */
  String testStat();

  /** The statistic's observed value. */
  double testStatValue();
}
