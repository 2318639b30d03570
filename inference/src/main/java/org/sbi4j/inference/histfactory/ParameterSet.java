package org.sbi4j.inference.histfactory;

/**
 * The parameters one modifier name introduces (docs/math.md §6.1): a scalar (normfactor, lumi,
 * normsys, histosys) or one per bin (shapesys, staterror, shapefactor), with their starting values,
 * bounds, fixed flags and constraint term: none, Gaussian N(a | θ, σ) or Poisson Pois(a | τ θ).
 *
 * @param name the modifier name
 * @param type the modifier type
 * @param offset index of the first parameter in the model's parameter vector
 * @param inits starting values (fixed parameters stay there)
 * @param lower lower bounds
 * @param upper upper bounds
 * @param fixed whether each parameter is held at its starting value
 * @param constraint the constraint term
 * @param auxdata the auxiliary measurements a (empty when unconstrained)
 * @param sigmas Gaussian widths (normal constraints)
 * @param factors Poisson rate factors τ (Poisson constraints)
 */
record ParameterSet(
    String name,
    ModifierType type,
    int offset,
    double[] inits,
    double[] lower,
    double[] upper,
    boolean[] fixed,
    Constraint constraint,
    double[] auxdata,
    double[] sigmas,
    double[] factors) {

  /** The constraint term of a parameter set. */
  public enum Constraint {
    NONE,
    NORMAL,
    POISSON
  }

  /** Number of parameters. */
  public int size() {
    return inits.length;
  }

  /** True for the per-bin types. */
  public boolean perBin() {
    return type == ModifierType.SHAPESYS
        || type == ModifierType.STATERROR
        || type == ModifierType.SHAPEFACTOR;
  }
}
