package org.sbi4j.inference.nplm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sbi4j.training.nplm.NplmNetwork;

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
 * @param network the f learned on the observed data (null for the symmetrized test)
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
    NplmNetwork network) {
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
    json.put("dof", dof);
    json.put("pValueChi2", pValueChi2);
    json.put("pValueEmpirical", pValueEmpirical);
    json.put("z", z);
    json.put("zEmpirical", zEmpirical);
    json.put("nullT", nullT());
    return json;
  }

  /** Assembles the p-values and significances of {@code t} against the toys. */
  static NplmResult of(double t, double[] nullT, NplmNetwork network) {
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
