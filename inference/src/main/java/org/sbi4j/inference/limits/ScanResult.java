package org.sbi4j.inference.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Check;

/**
 * The outcome of a likelihood scan (docs/math.md §4): log L on every grid point, the continuous
 * best fit, q(θ) = −2[log L(θ) − log L(θ̂)] and the Wilks p-values on the grid, and the 68 %/95 %
 * intervals of every parameter (profiled over the others when there are several).
 *
 * @param parameters parameter names, p
 * @param grid the scanned grid (g points)
 * @param logLikelihood log L per grid point, g
 * @param bestFit θ̂, p
 * @param maxLogLikelihood log L(θ̂) ≥ every grid value
 * @param q −2Δlog L per grid point, g, ≥ 0
 * @param pValues 1 − F_{χ²_p}(q) per grid point, g
 * @param intervals per parameter name, in parameter order
 * @param warnings human-readable warnings (intervals reaching the grid edge, extrapolation)
 */
public record ScanResult(
    List<String> parameters,
    ParameterGrid grid,
    double[] logLikelihood,
    double[] bestFit,
    double maxLogLikelihood,
    double[] q,
    double[] pValues,
    Map<String, Intervals> intervals,
    List<String> warnings) {

  public ScanResult {
    parameters = List.copyOf(parameters);
    if (parameters.size() != grid.dimension()) {
      throw new IllegalArgumentException(
          parameters.size() + " parameter names for a " + grid.dimension() + "-dimensional grid");
    }
    Check.length("bestFit", bestFit, grid.dimension());
    Check.length("logLikelihood", logLikelihood, grid.size());
    Check.length("q", q, grid.size());
    Check.length("pValues", pValues, grid.size());
    logLikelihood = logLikelihood.clone();
    bestFit = bestFit.clone();
    q = q.clone();
    pValues = pValues.clone();
    intervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
    warnings = List.copyOf(warnings);
  }

  @Override
  public double[] logLikelihood() {
    return logLikelihood.clone();
  }

  @Override
  public double[] bestFit() {
    return bestFit.clone();
  }

  @Override
  public double[] q() {
    return q.clone();
  }

  @Override
  public double[] pValues() {
    return pValues.clone();
  }

  /** Grid points, g × p. */
  public double[][] points() {
    return grid.points();
  }

  /** For a 2-parameter scan: q as z[i₀][i₁] over the two axes. */
  public double[][] qPlane() {
    return plane(q);
  }

  /** For a 2-parameter scan: p-values as z[i₀][i₁]. */
  public double[][] pValuePlane() {
    return plane(pValues);
  }

  /** This result with more warnings appended. */
  public ScanResult withWarnings(List<String> more) {
    List<String> all = new java.util.ArrayList<>(warnings);
    all.addAll(more);
    return new ScanResult(
        parameters, grid, logLikelihood, bestFit, maxLogLikelihood, q, pValues, intervals, all);
  }

  private double[][] plane(double[] values) {
    if (grid.dimension() != 2) {
      throw new IllegalArgumentException(
          "a plane needs a 2-parameter scan, not " + grid.dimension());
    }
    int n0 = grid.axis(0).length;
    int n1 = grid.axis(1).length;
    double[][] z = new double[n0][n1];
    for (int i = 0; i < n0; i++) {
      System.arraycopy(values, i * n1, z[i], 0, n1);
    }
    return z;
  }
}
