package org.sbi4j.training.model;

import java.util.List;
import java.util.Locale;
import org.sbi4j.training.store.ModelFolder;
import org.sbi4j.training.store.OnnxExport;

/**
 * Everything a trained estimator is: what it estimates, its input standardisation and the weights
 * of its ensemble members. What {@link ModelFolder} stores and {@link OnnxExport} translates.
 *
 * <p>Ratio methods: member inputs are concat((θ0 − μ_θ)/σ_θ, (x − μ_x)/σ_x) (p + d), output log r̂;
 * SALLY: inputs (x − μ_x)/σ_x (d), outputs t̂ (p), in the units of θ.
 *
 * <p>With nuisance parameters (docs/math.md §7.4) the parameter vector is θ ⊕ ν: {@code parameters}
 * ends with the m names of {@code nuisanceNames}, the θ scaling and range have p + m columns, and a
 * SALLY model has p + m outputs. Training and evaluation treat ν exactly as θ.
 *
 * <p>A doubly parameterised ratio model (docs/math.md §3.8) has {@code theta1Range} set: its inputs
 * are concat((θ0 − μ)/σ, (θ1 − μ')/σ', (x − μ_x)/σ_x) (2p + d), the θ scaling has 2p columns (θ0's,
 * then θ1's) and log r̂ = log r̂(x|θ0, θ1) for any θ1 in {@code theta1Range}. Of the difference
 * form ({@link #differenceForm()}) its members instead take (θ, x) (p + d inputs), θ0 and θ1 share
 * one standardisation, and log r̂(x|θ0, θ1) = g(θ0, x) − g(θ1, x).
 *
 * @param method the estimator
 * @param precision arithmetic the members were trained in
 * @param observables names of the d features, in input order
 * @param parameters names of the p parameters (θ, then ν)
 * @param xScaling standardisation of x (d columns)
 * @param thetaScaling standardisation of θ0 (p columns); null for SALLY
 * @param thetaRange θ0 box of the training sample, p × {min, max}; null for SALLY
 * @param members ensemble members (≥ 1), all of the same architecture
 * @param nuisanceNames the nuisance parameters: the last entries of {@code parameters}, in order
 *     (empty without nuisances)
 * @param thetaRef θ_ref of a SALLY model (p entries: the point its score is the score at), or null
 *     for a ratio model or a SALLY model whose folder predates the record
 * @param theta1Range θ1 box of the training sample, p × {min, max}, for a doubly parameterised
 *     ratio model; null otherwise
 * @param morphingAware the combination of a morphing-aware ratio model (docs/math.md §3.9), whose
 *     members map (x − μ_x)/σ_x (d) to their {@link MorphingAware#outputs()} outputs and whose θ
 *     scaling is the identity; null otherwise
 */
public record ModelData(
    Method method,
    Precision precision,
    List<String> observables,
    List<String> parameters,
    Scaling xScaling,
    Scaling thetaScaling,
    double[][] thetaRange,
    List<Network> members,
    List<String> nuisanceNames,
    double[] thetaRef,
    double[][] theta1Range,
    MorphingAware morphingAware) {

  /**
   * A singly parameterised model (θ1 fixed by training), not morphing-aware, without a recorded
   * θ_ref.
   */
  public ModelData(
      Method method,
      Precision precision,
      List<String> observables,
      List<String> parameters,
      Scaling xScaling,
      Scaling thetaScaling,
      double[][] thetaRange,
      List<Network> members,
      List<String> nuisanceNames) {
    this(
        method,
        precision,
        observables,
        parameters,
        xScaling,
        thetaScaling,
        thetaRange,
        members,
        nuisanceNames,
        null,
        null,
        null);
  }

  /** A model without nuisance parameters. */
  public ModelData(
      Method method,
      Precision precision,
      List<String> observables,
      List<String> parameters,
      Scaling xScaling,
      Scaling thetaScaling,
      double[][] thetaRange,
      List<Network> members) {
    this(
        method,
        precision,
        observables,
        parameters,
        xScaling,
        thetaScaling,
        thetaRange,
        members,
        List.of());
  }

  public ModelData {
    if (method == null || precision == null) {
      throw new IllegalArgumentException("model method and precision are required");
    }
    observables = List.copyOf(observables);
    parameters = List.copyOf(parameters);
    members = List.copyOf(members);
    nuisanceNames = nuisanceNames == null ? List.of() : List.copyOf(nuisanceNames);
    int d = observables.size();
    int p = parameters.size();
    if (d == 0 || p == 0 || members.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a model needs observables (%d), parameters (%d) and members (%d)",
              d,
              p,
              members.size()));
    }
    int m = nuisanceNames.size();
    if (m >= p || !parameters.subList(p - m, p).equals(nuisanceNames)) {
      throw new IllegalArgumentException(
          "nuisance parameters "
              + nuisanceNames
              + " must be the last entries of the parameters "
              + parameters
              + " and leave at least one physics parameter");
    }
    if (xScaling.width() != d) {
      throw new IllegalArgumentException(
          "x scaling has " + xScaling.width() + " columns for " + d + " observables");
    }
    boolean ratio = method != Method.SALLY;
    boolean doubly = theta1Range != null;
    if (doubly && (!ratio || m > 0)) {
      throw new IllegalArgumentException(
          "only a ratio model without nuisance parameters can be doubly parameterised");
    }
    int q = doubly ? 2 * p : p;
    if (ratio
        && (thetaScaling == null
            || thetaScaling.width() != q
            || thetaRange == null
            || thetaRange.length != p
            || doubly && theta1Range.length != p)) {
      throw new IllegalArgumentException(
          "a "
              + (doubly ? "doubly parameterised " : "")
              + "ratio model needs a θ scaling of "
              + q
              + " columns and θ ranges for its "
              + p
              + " parameters");
    }
    if (morphingAware != null
        && (!ratio || doubly || m > 0 || morphingAware.parameterCount() != p)) {
      throw new IllegalArgumentException(
          "a morphing-aware model is a ratio model of the morphing's "
              + morphingAware.parameterCount()
              + " parameters at one θ1, without nuisance parameters");
    }
    // the difference form of a doubly parameterised model: one network g of (θ, x)
    boolean difference = doubly && members.get(0).inputs() == p + d;
    int inputs = morphingAware != null ? d : ratio ? (difference ? p : q) + d : d;
    int outputs = morphingAware != null ? morphingAware.outputs() : ratio ? 1 : p;
    for (int k = 0; k < members.size(); k++) {
      Network n = members.get(k);
      if (n.inputs() != inputs || n.outputs() != outputs) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "member %d has %d inputs and %d outputs; %s with %d parameters and %d observables "
                    + "needs %d and %d",
                k,
                n.inputs(),
                n.outputs(),
                method.cliName(),
                p,
                d,
                inputs,
                outputs));
      }
      if (!n.hiddenWidths().equals(members.get(0).hiddenWidths())
          || n.activation() != members.get(0).activation()) {
        throw new IllegalArgumentException(
            "ensemble member " + k + " has a different architecture from member 0");
      }
    }
    if (difference && !sameHalves(thetaScaling, p)) {
      throw new IllegalArgumentException(
          "the θ scaling of a doubly parameterised model of the difference form must give θ0 and"
              + " θ1 the same standardisation (its one network sees both)");
    }
    thetaRange = checkedRange("θ", thetaRange);
    theta1Range = checkedRange("θ1", theta1Range);
    if (thetaRef != null) {
      if (ratio || thetaRef.length != p) {
        throw new IllegalArgumentException(
            "θ_ref is recorded for SALLY models only, with one entry per parameter (" + p + ")");
      }
      for (double v : thetaRef) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("θ_ref must be finite");
        }
      }
      thetaRef = thetaRef.clone();
    }
  }

  @Override
  public double[] thetaRef() {
    return thetaRef == null ? null : thetaRef.clone();
  }

  private static double[][] checkedRange(String what, double[][] range) {
    if (range == null) {
      return null;
    }
    double[][] copy = new double[range.length][];
    for (int k = 0; k < range.length; k++) {
      if (range[k] == null || range[k].length != 2 || !(range[k][0] <= range[k][1])) {
        throw new IllegalArgumentException(
            what + " range of parameter " + k + " must be [min, max]");
      }
      copy[k] = range[k].clone();
    }
    return copy;
  }

  private static double[][] copy(double[][] range) {
    if (range == null) {
      return null;
    }
    double[][] copy = new double[range.length][];
    for (int k = 0; k < copy.length; k++) {
      copy[k] = range[k].clone();
    }
    return copy;
  }

  @Override
  public double[][] thetaRange() {
    return copy(thetaRange);
  }

  @Override
  public double[][] theta1Range() {
    return copy(theta1Range);
  }

  /** True for a doubly parameterised ratio model, whose network also takes θ1. */
  public boolean doublyParameterized() {
    return theta1Range != null;
  }

  /**
   * True for a doubly parameterised model of the difference form (docs/math.md §3.8): its members
   * are one network g of p + d inputs (θ, then x) and log r̂(x|θ0,θ1) = g(θ0, x) − g(θ1, x).
   */
  public boolean differenceForm() {
    return doublyParameterized()
        && members.get(0).inputs() == parameters.size() + observables.size();
  }

  private static boolean sameHalves(Scaling s, int p) {
    for (int k = 0; k < p; k++) {
      if (s.mean()[k] != s.mean()[p + k] || s.scale()[k] != s.scale()[p + k]) {
        return false;
      }
    }
    return true;
  }

  /** Number of θ inputs before x: p, 2p for a doubly parameterised model, 0 for SALLY. */
  public int thetaInputs() {
    int p = parameters.size();
    return isRatio() ? (doublyParameterized() ? 2 * p : p) : 0;
  }

  /** True for the parameterized ratio methods, false for SALLY. */
  public boolean isRatio() {
    return method != Method.SALLY;
  }

  /** The same model with {@code members} instead of its own (e.g. one member of an ensemble). */
  public ModelData withMembers(List<Network> members) {
    return new ModelData(
        method,
        precision,
        observables,
        parameters,
        xScaling,
        thetaScaling,
        thetaRange,
        members,
        nuisanceNames,
        thetaRef,
        theta1Range,
        morphingAware);
  }

  /** True for a morphing-aware ratio model ({@link MorphingAwareModel} evaluates it). */
  public boolean isMorphingAware() {
    return morphingAware != null;
  }

  /** The physics parameters θ: {@code parameters} without the trailing nuisance parameters. */
  public List<String> physicsParameters() {
    return parameters.subList(0, parameters.size() - nuisanceNames.size());
  }
}
