package org.sbi4j.inference.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nuisance parameters of a profiled scan (docs/math.md §7.5).
 *
 * @param names the nuisance parameters, in order
 * @param fixed those held at a value (not profiled), by name
 * @param bestFit ν̂ at the global best fit θ̂, one per name (fixed ones at their value)
 * @param profile ν̂̂(θ) at every grid point, g × m, in the grid's order
 */
public record NuisanceFit(
    List<String> names, Map<String, Double> fixed, double[] bestFit, double[][] profile) {
  public NuisanceFit {
    names = List.copyOf(names);
    fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
    bestFit = bestFit.clone();
    profile = org.sbi4j.common.Check.copy(profile);
  }

  @Override
  public double[] bestFit() {
    return bestFit.clone();
  }

  @Override
  public double[][] profile() {
    return org.sbi4j.common.Check.copy(profile);
  }

  /** ν̂ by name. */
  public Map<String, Double> bestFitByName() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      out.put(names.get(j), bestFit[j]);
    }
    return out;
  }
}
