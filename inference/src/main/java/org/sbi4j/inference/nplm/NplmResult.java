package org.sbi4j.inference.nplm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.training.nplm.NplmModel;

/**
 * The result of an NPLM test (the JSON of {@code sbi4j nplm}).
 *
 * @param t the observed test statistic
 * @param dof k of the χ²_k fitted to the null toys
 * @param pValueChi2 P(χ²_k ≥ t)
 * @param pValueEmpirical (1 + #{toys ≥ t}) / (1 + K)
 * @param z Φ⁻¹(1 − pValueChi2)
 * @param zEmpirical Φ⁻¹(1 − pValueEmpirical)
 * @param nullT the K toy values of t, in toy order
 * @param ksPValue Kolmogorov–Smirnov p-value of the toys against the fitted χ²_k
 * @param network the f learned on the observed data, a network or a kernel model (null for the
 *     symmetrized test)
 */
public record NplmResult(
    double t,
    double dof,
    double pValueChi2,
    double pValueEmpirical,
    double z,
    double zEmpirical,
    double[] nullT,
    double ksPValue,
    NplmModel network) {
  /**
   * Fewest toys (or permutations) to which a χ²_k is fitted; with fewer, dof, pValueChi2, z and
   * ksPValue are NaN (null in the JSON) and only the empirical p-value is reported.
   */
  public static final int MIN_TOYS_FOR_CHI2 = 20;

  public NplmResult {
    nullT = nullT.clone();
  }

  @Override
  public double[] nullT() {
    return nullT.clone();
  }

  /**
   * The JSON summary: t, dof, pValueChi2, pValueEmpirical, z, zEmpirical and nullT, in this order
   * (a map the caller may extend).
   */
  public Map<String, Object> summary() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("t", t);
    json.put("dof", orNull(dof));
    json.put("pValueChi2", orNull(pValueChi2));
    json.put("pValueEmpirical", pValueEmpirical);
    json.put("z", orNull(z));
    json.put("zEmpirical", zEmpirical);
    json.put("nullT", nullT());
    return json;
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** True when a χ²_k was fitted to the toys (at least {@link #MIN_TOYS_FOR_CHI2} of them). */
  public boolean chiSquaredFitted() {
    return !Double.isNaN(dof);
  }

  /**
   * Standard error of {@link #dof} ({@link ChiSquaredFit#dofError}, docs/math.md §5.4), NaN when no
   * χ²_k was fitted.
   */
  public double dofError() {
    return chiSquaredFitted() ? ChiSquaredFit.fit(nullT).dofError() : Double.NaN;
  }

  /** Warnings about the result: a χ² fit refused for too few toys. */
  public List<String> warnings() {
    if (chiSquaredFitted()) {
      return List.of();
    }
    return List.of(
        "only "
            + nullT.length
            + " toys: a χ² fit needs at least "
            + MIN_TOYS_FOR_CHI2
            + ", so k, p (χ²_k), Z and the KS p-value are not reported; the p-value is the"
            + " empirical one from the toys (run at least "
            + MIN_TOYS_FOR_CHI2
            + " toys for the χ² fit)");
  }

  /**
   * Assembles the p-values and significances of {@code t} against the toys; the χ² fit only with at
   * least {@link #MIN_TOYS_FOR_CHI2} toys.
   */
  static NplmResult of(double t, double[] nullT, NplmModel network) {
    if (nullT.length < MIN_TOYS_FOR_CHI2) {
      double pEmp = Significance.empiricalPValue(t, nullT);
      return new NplmResult(
          t,
          Double.NaN,
          Double.NaN,
          pEmp,
          Double.NaN,
          Significance.z(pEmp),
          nullT,
          Double.NaN,
          network);
    }
    ChiSquaredFit fit = ChiSquaredFit.fit(nullT);
    double pChi2 = Significance.chiSquaredPValue(t, fit.dof());
    double pEmp = Significance.empiricalPValue(t, nullT);
    return new NplmResult(
        t,
        fit.dof(),
        pChi2,
        pEmp,
        Significance.chiSquaredZ(t, fit.dof()),
        Significance.z(pEmp),
        nullT,
        fit.ksPValue(),
        network);
  }
}
