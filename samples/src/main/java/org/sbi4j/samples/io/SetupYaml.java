package org.sbi4j.samples.io;

import java.util.ArrayList;
import java.util.List;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;

/**
 * The YAML schema of a morphing setup (documented with an example in {@code configs/setup.yaml}).
 *
 * @param parameters the theory parameters
 * @param benchmarks the basis points (may be empty when the basis is to be optimised)
 * @param maxOverallPower total power of a component; defaults to the largest per-parameter power
 * @param components explicit exponents (components × parameters); enumerated when absent
 */
public record SetupYaml(
    List<ParameterYaml> parameters,
    List<BenchmarkYaml> benchmarks,
    Integer maxOverallPower,
    int[][] components) {

  /**
   * @param name parameter name
   * @param range [min, max]
   * @param maxPower highest power in dσ (default 2)
   * @param lhaBlock LHA block (optional)
   * @param lhaId LHA id (optional)
   */
  public record ParameterYaml(
      String name, double[] range, Integer maxPower, String lhaBlock, Integer lhaId) {}

  /**
   * @param name benchmark name
   * @param theta one value per parameter, in the order of {@code parameters}
   */
  public record BenchmarkYaml(String name, double[] theta) {}

  /** The setup this document describes. */
  public MorphingSetup toSetup() {
    if (parameters == null || parameters.isEmpty()) {
      throw new IllegalArgumentException("setup has no 'parameters'; list at least one");
    }
    List<Parameter> ps = new ArrayList<>();
    int maxPower = 0;
    for (int i = 0; i < parameters.size(); i++) {
      ParameterYaml p = parameters.get(i);
      if (p == null) {
        throw new IllegalArgumentException(
            "parameters[" + i + "] is empty; give its name and " + "range");
      }
      if (p.range == null || p.range.length != 2) {
        throw new IllegalArgumentException("parameters[" + i + "].range must be [min, max]");
      }
      int power = p.maxPower == null ? 2 : p.maxPower;
      maxPower = Math.max(maxPower, power);
      ps.add(
          new Parameter(
              p.name, p.lhaBlock, p.lhaId == null ? 0 : p.lhaId, power, p.range[0], p.range[1]));
    }
    List<Benchmark> bs = new ArrayList<>();
    if (benchmarks != null) {
      for (int i = 0; i < benchmarks.size(); i++) {
        BenchmarkYaml b = benchmarks.get(i);
        if (b == null) {
          throw new IllegalArgumentException(
              "benchmarks[" + i + "] is empty; give its name and " + "theta");
        }
        if (b.theta == null) {
          throw new IllegalArgumentException("benchmarks[" + i + "].theta is missing");
        }
        bs.add(new Benchmark(b.name, b.theta));
      }
    }
    return new MorphingSetup(
        ps, bs, maxOverallPower == null ? maxPower : maxOverallPower, components, null);
  }
}
