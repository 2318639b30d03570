package org.sbi4j.morphing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The nuisance parameters of an event file and the nuisance benchmarks their weights live in.
 *
 * <p>Every nuisance benchmark holds, per event, the weight the event would have at the reference
 * benchmark's θ with one nuisance parameter moved to ±1 (MadMiner's convention). The factor
 * dσ(x|θ,ν)/dσ(x|θ,0) is taken to be independent of θ, so the coefficients of {@link
 * NuisanceMorphing} come from these weights and the reference weights alone.
 *
 * @param parameters the nuisance parameters, in the order of the ν vector
 * @param benchmarks names of the nuisance benchmarks, in the order of the nuisance weight columns
 * @param reference name of the θ benchmark the nuisance weights are relative to
 */
public record Nuisances(
    List<NuisanceParameter> parameters, List<String> benchmarks, String reference) {
  /** No nuisance parameters. */
  public static final Nuisances NONE = new Nuisances(List.of(), List.of(), null);

  public Nuisances {
    parameters = List.copyOf(parameters);
    benchmarks = List.copyOf(benchmarks);
    Set<String> names = new HashSet<>();
    for (NuisanceParameter p : parameters) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException(
            "two nuisance parameters are named '" + p.name() + "'; names must be unique");
      }
    }
    Set<String> columns = new HashSet<>();
    for (String b : benchmarks) {
      if (!columns.add(b)) {
        throw new IllegalArgumentException(
            "two nuisance benchmarks are named '" + b + "'; names must be unique");
      }
    }
    for (NuisanceParameter p : parameters) {
      requireBenchmark(p, p.plusBenchmark(), benchmarks);
      if (p.twoSided()) {
        requireBenchmark(p, p.minusBenchmark(), benchmarks);
      }
    }
    if (!parameters.isEmpty() && (reference == null || reference.isBlank())) {
      throw new IllegalArgumentException(
          "nuisance parameters need a reference benchmark (the θ benchmark their weights refer to)");
    }
  }

  private static void requireBenchmark(NuisanceParameter p, String name, List<String> benchmarks) {
    if (!benchmarks.contains(name)) {
      throw new IllegalArgumentException(
          "nuisance parameter '"
              + p.name()
              + "' refers to benchmark '"
              + name
              + "', which is not among the nuisance benchmarks "
              + benchmarks
              + "; add its weights or fix the name");
    }
  }

  /** Number of nuisance parameters. */
  public int size() {
    return parameters.size();
  }

  public boolean isEmpty() {
    return parameters.isEmpty();
  }

  /** Names of the nuisance parameters, in order. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (NuisanceParameter p : parameters) {
      out.add(p.name());
    }
    return out;
  }

  /** Index of the named nuisance parameter, or −1. */
  public int indexOf(String name) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Column of the ν = +1 weights of parameter {@code i}. */
  public int plusColumn(int i) {
    return benchmarks.indexOf(parameters.get(i).plusBenchmark());
  }

  /** Column of the ν = −1 weights of parameter {@code i}, or −1 when it is one-sided. */
  public int minusColumn(int i) {
    NuisanceParameter p = parameters.get(i);
    return p.twoSided() ? benchmarks.indexOf(p.minusBenchmark()) : -1;
  }

  /**
   * Checks these nuisances against a θ setup: no ν name equals a θ name, no nuisance benchmark
   * shares a name with a θ benchmark, and the reference is a θ benchmark.
   *
   * @return the index of the reference among the setup's benchmarks (−1 without nuisances)
   */
  public int checkAgainst(MorphingSetup setup) {
    if (isEmpty()) {
      return -1;
    }
    for (String n : names()) {
      if (setup.parameterNames().contains(n)) {
        throw new IllegalArgumentException(
            "nuisance parameter '"
                + n
                + "' has the name of a physics parameter θ; rename one of them");
      }
    }
    for (String b : benchmarks) {
      if (setup.benchmarkNames().contains(b)) {
        throw new IllegalArgumentException(
            "nuisance benchmark '" + b + "' has the name of a θ benchmark; rename one of them");
      }
    }
    int ref = setup.benchmarkNames().indexOf(reference);
    if (ref < 0) {
      throw new IllegalArgumentException(
          "the nuisance reference benchmark '"
              + reference
              + "' is not among the θ benchmarks "
              + setup.benchmarkNames());
    }
    return ref;
  }
}
