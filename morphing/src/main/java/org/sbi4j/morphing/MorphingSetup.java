package org.sbi4j.morphing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;

/**
 * Everything that defines a morphing: parameters, benchmarks, the overall maximum power and,
 * optionally, explicit components and a stored morphing matrix (as an event file may carry).
 *
 * @param parameters the theory parameters, unique names
 * @param benchmarks the basis points, unique names, one value per parameter
 * @param maxOverallPower maximum total power P of a component (2 production, 4 production × decay)
 * @param components explicit components × parameters exponents, or null to enumerate them
 * @param morphingMatrix stored W (components × benchmarks), or null to compute it
 */
public record MorphingSetup(
    List<Parameter> parameters,
    List<Benchmark> benchmarks,
    int maxOverallPower,
    int[][] components,
    double[][] morphingMatrix) {

  public MorphingSetup {
    if (parameters == null || parameters.isEmpty()) {
      throw new IllegalArgumentException("setup has no parameters; list at least one");
    }
    parameters = List.copyOf(parameters);
    benchmarks = List.copyOf(benchmarks == null ? List.of() : benchmarks);
    uniqueNames("parameter", parameters.stream().map(Parameter::name).toList());
    uniqueNames("benchmark", benchmarks.stream().map(Benchmark::name).toList());
    for (Benchmark b : benchmarks) {
      if (b.size() != parameters.size()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "benchmark '%s' has %d values but there are %d parameters %s",
                b.name(),
                b.size(),
                parameters.size(),
                parameters.stream().map(Parameter::name).toList()));
      }
    }
    Check.nonNegative("maxOverallPower", maxOverallPower);
    if (components != null) {
      for (int[] k : components) {
        if (k.length != parameters.size()) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "a component has %d exponents but there are %d parameters",
                  k.length,
                  parameters.size()));
        }
      }
      components = Check.copy(components);
    }
    morphingMatrix = morphingMatrix == null ? null : Check.copy(morphingMatrix);
  }

  /** A setup whose components are enumerated and whose matrix is computed. */
  public static MorphingSetup of(
      List<Parameter> parameters, List<Benchmark> benchmarks, int maxOverallPower) {
    return new MorphingSetup(parameters, benchmarks, maxOverallPower, null, null);
  }

  private static void uniqueNames(String what, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String n : names) {
      if (!seen.add(n)) {
        throw new IllegalArgumentException(
            "two " + what + "s are named '" + n + "'; names must be unique");
      }
    }
  }

  @Override
  public int[][] components() {
    return components == null
        ? Components.enumerate(parameters, maxOverallPower)
        : Check.copy(components);
  }

  /** The stored morphing matrix, or null when it is to be computed. */
  @Override
  public double[][] morphingMatrix() {
    return morphingMatrix == null ? null : Check.copy(morphingMatrix);
  }

  /** Benchmarks × parameters. */
  public double[][] basis() {
    double[][] out = new double[benchmarks.size()][];
    for (int b = 0; b < out.length; b++) {
      out[b] = benchmarks.get(b).theta();
    }
    return out;
  }

  public List<String> parameterNames() {
    return parameters.stream().map(Parameter::name).toList();
  }

  public List<String> benchmarkNames() {
    return benchmarks.stream().map(Benchmark::name).toList();
  }

  /** The morpher for this setup: the stored matrix when there is one, else W = M⁻¹ (or M⁺). */
  public Morpher morpher() {
    return morphingMatrix == null
        ? Morpher.of(components(), basis())
        : Morpher.withMatrix(components(), basis(), morphingMatrix);
  }

  /** This setup with other benchmarks and the matrix dropped (it belonged to the old basis). */
  public MorphingSetup withBenchmarks(List<Benchmark> newBenchmarks) {
    return new MorphingSetup(parameters, newBenchmarks, maxOverallPower, components, null);
  }

  /** Throws unless {@code theta} has one finite value per parameter. */
  public void checkTheta(String name, double[] theta) {
    if (theta == null || theta.length != parameters.size()) {
      throw new InvalidValueException(
          name,
          String.format(
              Locale.ROOT,
              "%s has %d values but there are %d parameters %s; pass one comma-separated value each",
              name,
              theta == null ? 0 : theta.length,
              parameters.size(),
              parameterNames()));
    }
    Check.finite(name, theta);
  }
}
