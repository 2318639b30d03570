package org.sbi4j.inference.histfactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;
import org.sbi4j.inference.likelihood.LogLikelihood;

/**
 * A workspace's log-likelihood as a function of the event file's θ (docs/math.md §6.9): every
 * workspace parameter that stands for a component of θ (same name, or renamed by the map) is set to
 * it, every other free parameter is profiled, ln L_ws(θ) = max over them of ln L(θ, ν), by {@link
 * Fitter#fitFixing} within the parameters' bounds. Each fit starts from the previous one (points of
 * a grid or a root search are close), so a value agrees with a cold start to the fit's tolerance,
 * not bit for bit. Evaluation is sequential (the warm start is state).
 *
 * <p>A workspace parameter named like one of the event file's nuisance parameters is that ν
 * (docs/math.md §6.9, §7.5): {@link #at} sets it to ν and leaves out its own constraint term, so
 * that the profiling over ν adds the one unit Gaussian N(ν; 0, 1) it has; such a parameter must be
 * constrained by exactly that Gaussian in the workspace (normsys, histosys), else it is refused.
 */
public final class ProfiledWorkspace implements LogLikelihood {
  private final HistFactoryModel model;
  private final Fitter fitter;
  private final Data data;
  private final List<String> thetaNames;
  private final int[] fixedIndex;
  private final int[] fixedTheta;
  private final int[] sharedIndex;
  private final int[] sharedNu;
  private final int nuisances;
  private final boolean profiles;
  private double[] warm;

  /**
   * @param model the workspace's model
   * @param data its data (observed, or {@link #asimov})
   * @param thetaNames the names of θ's components
   * @param renames workspace parameter name → θ name, for parameters named otherwise in the
   *     workspace (e.g. mu → theta); may be empty
   */
  public ProfiledWorkspace(
      HistFactoryModel model, Data data, List<String> thetaNames, Map<String, String> renames) {
    this(model, data, thetaNames, renames, List.of());
  }

  /**
   * As {@link #ProfiledWorkspace(HistFactoryModel, Data, List, Map)}, the workspace parameters
   * named like one of {@code nuisanceNames} shared with the event file's nuisance parameters.
   *
   * @param nuisanceNames the names of the event file's nuisance parameters ν (may be empty)
   * @throws InvalidValueException ("workspaces") for a shared parameter whose workspace constraint
   *     is not the unit Gaussian N(0; ν, 1) on the given data, or that the workspace fixes
   */
  public ProfiledWorkspace(
      HistFactoryModel model,
      Data data,
      List<String> thetaNames,
      Map<String, String> renames,
      List<String> nuisanceNames) {
    this.model = model;
    this.data = data;
    this.thetaNames = List.copyOf(thetaNames);
    Map<String, Integer> mapping = mapping(model, thetaNames, renames);
    fixedIndex = new int[mapping.size()];
    fixedTheta = new int[mapping.size()];
    int k = 0;
    List<String> names = model.parameterNames();
    for (Map.Entry<String, Integer> e : mapping.entrySet()) {
      fixedIndex[k] = names.indexOf(e.getKey());
      fixedTheta[k] = e.getValue();
      k++;
    }
    this.nuisances = nuisanceNames.size();
    List<Integer> si = new ArrayList<>();
    List<Integer> sn = new ArrayList<>();
    for (int j = 0; j < nuisanceNames.size(); j++) {
      String nu = nuisanceNames.get(j);
      for (ParameterSet set : model.parameterSets()) {
        if (set.name().equals(nu) && !mapping.containsKey(nu)) {
          checkUnitGaussian(model, data, set);
          si.add(set.offset());
          sn.add(j);
        }
      }
    }
    sharedIndex = si.stream().mapToInt(Integer::intValue).toArray();
    sharedNu = sn.stream().mapToInt(Integer::intValue).toArray();
    this.fitter = new Fitter(model);
    boolean[] fixed = model.fixed();
    for (int i : fixedIndex) {
      fixed[i] = true;
    }
    for (int i : sharedIndex) {
      fixed[i] = true;
    }
    boolean free = false;
    for (boolean f : fixed) {
      free |= !f;
    }
    this.profiles = free;
    this.warm = model.inits();
  }

  /**
   * Which workspace parameter stands for which θ component: workspace name → index in θ, in the
   * workspace's parameter order.
   *
   * @throws InvalidValueException ("workspace map") for a rename of a parameter the workspace does
   *     not have or to a name θ does not have, for two workspace parameters standing for one θ
   *     component, and when no parameter stands for any (the workspace would add a constant)
   */
  public static Map<String, Integer> mapping(
      HistFactoryModel model, List<String> thetaNames, Map<String, String> renames) {
    List<String> names = model.parameterNames();
    for (Map.Entry<String, String> r : renames.entrySet()) {
      if (!names.contains(r.getKey()) || r.getKey().contains("[")) {
        throw new InvalidValueException(
            "workspace map",
            "the workspace has no scalar parameter '"
                + r.getKey()
                + "' to map to '"
                + r.getValue()
                + "' (its parameters: "
                + String.join(", ", names)
                + ")");
      }
      if (!thetaNames.contains(r.getValue())) {
        throw new InvalidValueException(
            "workspace map",
            "'"
                + r.getValue()
                + "' is not a parameter of the event file (θ = "
                + String.join(", ", thetaNames)
                + "); map a workspace parameter to one of these");
      }
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    String[] by = new String[thetaNames.size()];
    for (String n : names) {
      String target = renames.getOrDefault(n, n);
      int a = thetaNames.indexOf(target);
      if (a < 0 || n.contains("[")) {
        continue;
      }
      if (by[a] != null) {
        throw new InvalidValueException(
            "workspace map",
            "workspace parameters '"
                + by[a]
                + "' and '"
                + n
                + "' both stand for θ component '"
                + target
                + "'; map only one of them");
      }
      by[a] = n;
      out.put(n, a);
    }
    if (out.isEmpty()) {
      throw new InvalidValueException(
          "workspace map",
          "the workspace shares no parameter with θ ("
              + String.join(", ", thetaNames)
              + "; its parameters: "
              + String.join(", ", names)
              + "): profiled over all its parameters it would only add a constant to log L and"
              + " leave every limit unchanged; name its POI like a θ component or map it to one");
    }
    return out;
  }

  /**
   * The workspace's Asimov data at θ_true: expected main and auxiliary data with the θ parameters
   * at θ_true and every other parameter at its initial (nominal) value.
   */
  public static Data asimov(
      HistFactoryModel model,
      List<String> thetaNames,
      Map<String, String> renames,
      double[] thetaTrue) {
    double[] pars = model.inits();
    List<String> names = model.parameterNames();
    mapping(model, thetaNames, renames)
        .forEach((name, a) -> pars[names.indexOf(name)] = thetaTrue[a]);
    return model.expectedData(pars);
  }

  /** Workspace parameter → θ name, for every parameter set to θ. */
  public Map<String, String> mapped() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int k = 0; k < fixedIndex.length; k++) {
      out.put(model.parameterNames().get(fixedIndex[k]), thetaNames.get(fixedTheta[k]));
    }
    return out;
  }

  /** The workspace parameters that are event-file nuisance parameters, in ν's order. */
  public List<String> shared() {
    List<String> out = new ArrayList<>();
    for (int i : sharedIndex) {
      out.add(model.parameterNames().get(i));
    }
    return out;
  }

  /**
   * Refuses a shared parameter set whose workspace constraint is not N(0; ν, 1): a per-bin set, an
   * unconstrained or Poisson-constrained one, another Gaussian, or one the workspace fixes.
   */
  private static void checkUnitGaussian(HistFactoryModel model, Data data, ParameterSet s) {
    int k = 0;
    for (ParameterSet t : model.parameterSets()) {
      if (t == s) {
        break;
      }
      k += t.auxdata().length;
    }
    String type = s.type().name().toLowerCase(Locale.ROOT);
    String what;
    if (s.perBin()) {
      what = "is a per-bin " + type + " set with one parameter per bin";
    } else if (s.fixed()[0]) {
      what = "is fixed in the workspace's measurement config";
    } else if (s.constraint() == ParameterSet.Constraint.NONE) {
      what = "has no constraint term (" + type + ")";
    } else if (s.constraint() == ParameterSet.Constraint.POISSON) {
      what = "has a Poisson constraint (" + type + ")";
    } else if (s.sigmas()[0] != 1 || data.aux()[k] != 0) {
      what =
          String.format(
              Locale.ROOT,
              "is constrained by a Gaussian of width %s centred at %s (%s)",
              s.sigmas()[0],
              data.aux()[k],
              type);
    } else {
      return;
    }
    throw new InvalidValueException(
        "workspaces",
        "workspace parameter '"
            + s.name()
            + "' is named like the event file's nuisance parameter but "
            + what
            + ", not the unit Gaussian N(0; ν, 1) of the file's nuisances; rename it in the"
            + " workspace to keep it apart, or model it as a normsys/histosys to share it");
  }

  /** The parameters profiled at every θ (free, not set to θ and not shared with ν). */
  public List<String> profiled() {
    boolean[] fixed = model.fixed();
    for (int i : fixedIndex) {
      fixed[i] = true;
    }
    for (int i : sharedIndex) {
      fixed[i] = true;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < fixed.length; i++) {
      if (!fixed[i]) {
        out.add(model.parameterNames().get(i));
      }
    }
    return out;
  }

  /**
   * Refuses a range of θ that leaves the bounds of a workspace parameter standing for it.
   *
   * @param value the value name for the error (e.g. "grid", "theta-true")
   * @param lower lowest θ per component
   * @param upper highest θ per component
   */
  public void checkInside(String value, double[] lower, double[] upper) {
    double[] lo = model.lower();
    double[] hi = model.upper();
    for (int k = 0; k < fixedIndex.length; k++) {
      int i = fixedIndex[k];
      int a = fixedTheta[k];
      if (lower[a] < lo[i] || upper[a] > hi[i]) {
        throw new InvalidValueException(
            value,
            String.format(
                Locale.ROOT,
                "'%s' in [%s, %s] leaves the bounds [%s, %s] of the workspace parameter '%s'"
                    + " standing for it; stay inside them or widen the bounds in the workspace's"
                    + " measurement config",
                thetaNames.get(a),
                lower[a],
                upper[a],
                lo[i],
                hi[i],
                model.parameterNames().get(i)));
      }
    }
  }

  @Override
  public int dimension() {
    return thetaNames.size();
  }

  /** ln L_ws(θ) with every shared parameter at ν = 0 (the nominal), as {@link #at}. */
  @Override
  public synchronized double[] evaluate(double[][] thetas) {
    double[] out = new double[thetas.length];
    double[] nu = new double[nuisances];
    for (int j = 0; j < thetas.length; j++) {
      out[j] = at(thetas[j], nu, null);
    }
    return out;
  }

  /**
   * ln L_ws(θ, ν): θ parameters at θ, shared parameters at their ν, the others profiled; the shared
   * parameters' constraint terms −½ν² left out (the constant −½ ln 2π of each stays).
   *
   * @param theta θ
   * @param nu the event file's ν, one value per nuisance name given to the constructor
   * @param gradient null, or an array of ν's length that receives ∂ ln L_ws / ∂ν (envelope theorem:
   *     the partial derivative at the profiled parameters; 0 for ν not shared)
   */
  public synchronized double at(double[] theta, double[] nu, double[] gradient) {
    if (theta.length != thetaNames.size() || nu.length != nuisances) {
      throw new IllegalArgumentException(
          "θ has "
              + theta.length
              + " components and ν "
              + nu.length
              + ", the workspace term "
              + thetaNames.size()
              + " and "
              + nuisances);
    }
    if (gradient != null) {
      Arrays.fill(gradient, 0);
    }
    double[] values = new double[fixedIndex.length + sharedIndex.length];
    for (int k = 0; k < fixedIndex.length; k++) {
      values[k] = theta[fixedTheta[k]];
    }
    double unconstrain = 0;
    for (int k = 0; k < sharedIndex.length; k++) {
      double v = nu[sharedNu[k]];
      values[fixedIndex.length + k] = v;
      unconstrain += 0.5 * v * v;
    }
    int[] indices = allFixed();
    double[] start = startAt(warm, indices, values);
    if (!Double.isFinite(model.negativeLogLikelihood(start, data, null))) {
      start = startAt(model.inits(), indices, values);
      if (!Double.isFinite(model.negativeLogLikelihood(start, data, null))) {
        return Double.NEGATIVE_INFINITY;
      }
    }
    double[] at = start;
    double nll;
    if (!profiles) {
      nll = model.negativeLogLikelihood(start, data, null);
    } else {
      Fitter.Fit fit = fitter.fitFixing(data, indices, values, start);
      warm = fit.parameters();
      at = fit.parameters();
      nll = fit.nll();
    }
    if (gradient != null && sharedIndex.length > 0) {
      double[] g = new double[model.size()];
      model.negativeLogLikelihood(at, data, g);
      for (int k = 0; k < sharedIndex.length; k++) {
        // −∂nll/∂ν, plus ν for the left-out −½ν²
        gradient[sharedNu[k]] = -g[sharedIndex[k]] + nu[sharedNu[k]];
      }
    }
    return -nll + unconstrain;
  }

  private int[] allFixed() {
    int[] out = Arrays.copyOf(fixedIndex, fixedIndex.length + sharedIndex.length);
    System.arraycopy(sharedIndex, 0, out, fixedIndex.length, sharedIndex.length);
    return out;
  }

  private static double[] startAt(double[] base, int[] indices, double[] values) {
    double[] start = Arrays.copyOf(base, base.length);
    for (int k = 0; k < values.length; k++) {
      start[indices[k]] = values[k];
    }
    return start;
  }
}
