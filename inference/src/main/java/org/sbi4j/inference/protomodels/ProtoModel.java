package org.sbi4j.inference.protomodels;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Check;

/**
 * A point of model space (docs/math.md §9.2): for each particle of the database, absent or present
 * with a mass, a signal strength κ (a factor on its production cross section) and branching ratios
 * over its decay channels; for each EFT operator of the database, its coefficient (0: inactive).
 * The Standard Model has no particle and no active operator.
 */
public final class ProtoModel implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double[] masses;
  private final double[] strengths;
  private final double[][] branchings;
  private final double[] coefficients;

  private ProtoModel(
      double[] masses, double[] strengths, double[][] branchings, double[] coefficients) {
    this.masses = masses;
    this.strengths = strengths;
    this.branchings = branchings;
    this.coefficients = coefficients;
  }

  /** The Standard Model of a database with {@code particles} particles and no operator. */
  public static ProtoModel standardModel(int particles) {
    return standardModel(particles, 0);
  }

  /** The Standard Model of a database with {@code particles} particles and {@code operators}. */
  public static ProtoModel standardModel(int particles, int operators) {
    double[] m = new double[particles];
    java.util.Arrays.fill(m, Double.NaN);
    return new ProtoModel(m, new double[particles], new double[particles][], new double[operators]);
  }

  /** Number of EFT operators of the database (active or not). */
  public int operators() {
    return coefficients.length;
  }

  /** Whether operator {@code o} is active (its coefficient is not 0). */
  public boolean active(int o) {
    return coefficients[o] != 0;
  }

  /** Coefficient of operator {@code o} (0 when inactive). */
  public double coefficient(int o) {
    return coefficients[o];
  }

  /** All operator coefficients, one per operator of the database (a copy). */
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** Indices of the active operators, ascending. */
  public List<Integer> activeOperators() {
    List<Integer> out = new ArrayList<>();
    for (int o = 0; o < coefficients.length; o++) {
      if (active(o)) {
        out.add(o);
      }
    }
    return out;
  }

  /** This model with operator {@code o} at {@code coefficient} (0 makes it inactive). */
  public ProtoModel withCoefficient(int o, double coefficient) {
    if (!Double.isFinite(coefficient)) {
      throw new IllegalArgumentException("coefficient must be finite, got " + coefficient);
    }
    ProtoModel out = copy();
    out.coefficients[o] = coefficient;
    return out;
  }

  /** Number of particles of the database (present or not). */
  public int size() {
    return masses.length;
  }

  /** Whether particle {@code p} is present. */
  public boolean present(int p) {
    return !Double.isNaN(masses[p]);
  }

  /** Mass of particle {@code p} (NaN when absent). */
  public double mass(int p) {
    return masses[p];
  }

  /** Signal strength κ of particle {@code p} (0 when absent). */
  public double strength(int p) {
    return strengths[p];
  }

  /** Branching ratios of particle {@code p} (null when absent). */
  public double[] branchings(int p) {
    return branchings[p] == null ? null : branchings[p].clone();
  }

  /** This model with particle {@code p} present at the given values (it may be present already). */
  public ProtoModel with(int p, double mass, double strength, double[] br) {
    Check.positive("mass", mass);
    if (!(strength >= 0) || !Double.isFinite(strength)) {
      throw new IllegalArgumentException("strength must be ≥ 0, got " + strength);
    }
    double sum = 0;
    for (double b : br) {
      if (!(b >= 0)) {
        throw new IllegalArgumentException("branching ratios must be ≥ 0");
      }
      sum += b;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("branching ratios must sum to 1, got " + sum);
    }
    ProtoModel out = copy();
    out.masses[p] = mass;
    out.strengths[p] = strength;
    out.branchings[p] = br.clone();
    return out;
  }

  /** This model without particle {@code p}. */
  public ProtoModel without(int p) {
    ProtoModel out = copy();
    out.masses[p] = Double.NaN;
    out.strengths[p] = 0;
    out.branchings[p] = null;
    return out;
  }

  /** This model with every signal strength multiplied by {@code mu}. */
  public ProtoModel scaled(double mu) {
    ProtoModel out = copy();
    for (int p = 0; p < masses.length; p++) {
      out.strengths[p] *= mu;
    }
    return out;
  }

  private ProtoModel copy() {
    double[][] br = new double[branchings.length][];
    for (int p = 0; p < br.length; p++) {
      br[p] = branchings[p] == null ? null : branchings[p].clone();
    }
    return new ProtoModel(masses.clone(), strengths.clone(), br, coefficients.clone());
  }

  /** Indices of the present particles, ascending. */
  public List<Integer> presentParticles() {
    List<Integer> out = new ArrayList<>();
    for (int p = 0; p < masses.length; p++) {
      if (present(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Number of free parameters: per present particle its mass, its signal strength and one less than
   * its number of open channels, and one per active operator (docs/math.md §9.3).
   */
  public int freeParameters() {
    int n = activeOperators().size();
    for (int p : presentParticles()) {
      int open = 0;
      for (double b : branchings[p]) {
        if (b > 0) {
          open++;
        }
      }
      n += 2 + Math.max(0, open - 1);
    }
    return n;
  }

  /** The model as JSON-ready maps, one per present particle (names from {@code particles}). */
  public List<Map<String, Object>> describe(List<Particle> particles) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int p : presentParticles()) {
      Map<String, Object> m = new LinkedHashMap<>();
      Particle particle = particles.get(p);
      m.put("particle", particle.name());
      m.put("mass", masses[p]);
      m.put("signalStrength", strengths[p]);
      Map<String, Object> br = new LinkedHashMap<>();
      for (int c = 0; c < branchings[p].length; c++) {
        br.put(particle.channels().get(c), branchings[p][c]);
      }
      m.put("branchingRatios", br);
      out.add(m);
    }
    return out;
  }

  /** The active operators' coefficients by name ({@code names}: the database's operators). */
  public Map<String, Object> describeOperators(List<String> names) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int o : activeOperators()) {
      out.put(names.get(o), coefficients[o]);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtoModel m
        && java.util.Arrays.equals(masses, m.masses)
        && java.util.Arrays.equals(strengths, m.strengths)
        && java.util.Arrays.deepEquals(branchings, m.branchings)
        && java.util.Arrays.equals(coefficients, m.coefficients);
  }

  @Override
  public int hashCode() {
    return (java.util.Arrays.hashCode(masses) * 31 + java.util.Arrays.hashCode(strengths)) * 31
        + java.util.Arrays.hashCode(coefficients);
  }
}
