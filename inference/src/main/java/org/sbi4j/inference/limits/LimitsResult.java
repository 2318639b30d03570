package org.sbi4j.inference.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Expected or observed limits of one method.
 *
 * @param method the source's label
 * @param expected true for Asimov (expected) limits, false for observed
 * @param thetaTrue θ_true of expected limits, null for observed
 * @param luminosity L in pb⁻¹
 * @param events n of the Poisson term (L σ(θ_true), or the number of observed events)
 * @param scan the scan, its intervals and warnings
 * @param nuisances the profiled nuisance parameters, or null when none were profiled
 */
public record LimitsResult(
    String method,
    boolean expected,
    double[] thetaTrue,
    double luminosity,
    double events,
    ScanResult scan,
    NuisanceFit nuisances) {
  public LimitsResult {
    thetaTrue = thetaTrue == null ? null : thetaTrue.clone();
  }

  /** A result without nuisance parameters. */
  public LimitsResult(
      String method,
      boolean expected,
      double[] thetaTrue,
      double luminosity,
      double events,
      ScanResult scan) {
    this(method, expected, thetaTrue, luminosity, events, scan, null);
  }

  @Override
  public double[] thetaTrue() {
    return thetaTrue == null ? null : thetaTrue.clone();
  }

  /**
   * The result with docs/cli.md's keys: {@code parameters}, {@code grid} (g × p), {@code q}, {@code
   * pValues}, {@code bestFit}, {@code intervals} {name: {cl68: [lo, hi], cl95: [lo, hi]}}, plus
   * {@code method}, {@code mode}, {@code thetaTrue}, {@code luminosity}, {@code events}, {@code
   * warnings}.
   */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", method);
    out.put("mode", expected ? "expected" : "observed");
    if (thetaTrue != null) {
      out.put("thetaTrue", thetaTrue.clone());
    }
    out.put("luminosity", luminosity);
    out.put("events", events);
    out.put("parameters", scan.parameters());
    out.put("grid", scan.points());
    out.put("q", scan.q());
    out.put("pValues", scan.pValues());
    out.put("bestFit", scan.bestFit());
    Map<String, Object> intervals = new LinkedHashMap<>();
    scan.intervals()
        .forEach(
            (name, iv) -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("cl68", iv.cl68().bounds());
              m.put("cl95", iv.cl95().bounds());
              intervals.put(name, m);
            });
    out.put("intervals", intervals);
    if (nuisances != null) {
      out.put("nuisanceParameters", nuisances.names());
      out.put("fixedNuisances", nuisances.fixed());
      out.put("nuisanceBestFit", nuisances.bestFitByName());
      out.put("nuisanceProfile", nuisances.profile());
    }
    out.put("warnings", scan.warnings());
    return out;
  }
}
