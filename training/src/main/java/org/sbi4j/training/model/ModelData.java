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
    double[] thetaRef) {

  /** A model without a recorded θ_ref. */
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
    if (ratio
        && (thetaScaling == null
            || thetaScaling.width() != p
            || thetaRange == null
            || thetaRange.length != p)) {
      throw new IllegalArgumentException(
          "a ratio model needs a θ scaling and θ range for its " + p + " parameters");
    }
    int inputs = ratio ? p + d : d;
    int outputs = ratio ? 1 : p;
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
    if (thetaRange != null) {
      double[][] copy = new double[thetaRange.length][];
      for (int k = 0; k < thetaRange.length; k++) {
        if (thetaRange[k].length != 2 || !(thetaRange[k][0] <= thetaRange[k][1])) {
          throw new IllegalArgumentException("θ range of parameter " + k + " must be [min, max]");
        }
        copy[k] = thetaRange[k].clone();
      }
      thetaRange = copy;
    }
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

  @Override
  public double[][] thetaRange() {
    if (thetaRange == null) {
      return null;
    }
    double[][] copy = new double[thetaRange.length][];
    for (int k = 0; k < copy.length; k++) {
      copy[k] = thetaRange[k].clone();
    }
    return copy;
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
        thetaRef);
  }

  /** The physics parameters θ: {@code parameters} without the trailing nuisance parameters. */
  public List<String> physicsParameters() {
    return parameters.subList(0, parameters.size() - nuisanceNames.size());
  }
}
