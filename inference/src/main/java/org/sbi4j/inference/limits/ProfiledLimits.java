package org.sbi4j.inference.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.inference.histfactory.ProfiledWorkspace;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.NuisanceBinnedLikelihood;
import org.sbi4j.inference.likelihood.NuisanceEvents;
import org.sbi4j.inference.likelihood.NuisanceExtendedLikelihood;
import org.sbi4j.inference.likelihood.NuisanceLikelihood;
import org.sbi4j.inference.likelihood.ProfiledLikelihood;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.training.model.RatioModel;

/**
 * Limits with the event file's nuisance parameters profiled (docs/math.md §7.5): q(θ) = −2[log L(θ,
 * ν̂̂(θ)) − log L(θ̂, ν̂)], constraint terms included, for ratio models whose parameter input is θ
 * ⊕ ν (and the exact likelihood) and for the histogram baseline with per-event nuisance morphing.
 * Workspace channels join with their parameters named like a ν shared (docs/math.md §6.9). The scan
 * runs in this JVM (each point's maximisation starts from its neighbour's ν̂̂, which grid blocks on
 * other machines would not have), its grid as two chains on this JVM's cores unless a workspace
 * joins.
 */
final class ProfiledLimits {
  private ProfiledLimits() {}

  /** The scan and its nuisance parameters. */
  record Scan(ScanResult scan, NuisanceFit fit) {}

  /** Whether the scan profiles: the file declares nuisance parameters and they are profiled. */
  static boolean applies(MorphedEvents rate, NuisanceSettings settings) {
    return !rate.sample().nuisances().isEmpty() && settings.profile();
  }

  /**
   * Without profiling, a ratio model over θ ⊕ ν becomes one over θ with every ν at 0, its grid
   * evaluated in one batched call as without nuisance parameters (in this JVM: its spec would give
   * the model over θ ⊕ ν).
   */
  static LimitSource nominal(LimitSource source, MorphedEvents rate) {
    int p = rate.setup().parameterNames().size();
    int m = rate.sample().nuisances().size();
    if (m > 0
        && source instanceof LimitSource.Ratio r
        && r.estimator().parameters().size() == p + m) {
      return new LimitSource.Ratio(
          r.label(), new FixedNuisanceEstimator(r.estimator(), p, new double[m]));
    }
    return source;
  }

  /**
   * The profiled scan.
   *
   * @param fixed one value per nuisance parameter: NaN when profiled, else its value
   */
  static Scan scan(
      LimitSource source,
      MorphedEvents rate,
      Dataset data,
      double luminosity,
      ParameterGrid grid,
      double[] fixed,
      NuisanceMorphing.Policy policy,
      ProfiledWorkspace workspace) {
    List<String> names = rate.sample().nuisances().names();
    NuisanceEvents events = new NuisanceEvents(rate, rate.sample().nuisanceMorphing(policy));
    NuisanceLikelihood ll = likelihood(source, events, data, luminosity, names, policy);
    if (workspace != null) {
      ll = new WithWorkspace(ll, workspace);
    }
    // the workspace term warm-starts its own fit from its last call: one point after another
    ProfiledLikelihood profiled = new ProfiledLikelihood(ll, fixed, true, workspace == null);
    ScanResult result = LikelihoodScan.run(profiled, rate.setup().parameterNames(), grid);
    double[][] points = grid.points();
    double[][] nuHat = new double[points.length][];
    for (int g = 0; g < points.length; g++) {
      nuHat[g] = profiled.profile(points[g]).nu();
    }
    Map<String, Double> fixedByName = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      if (!Double.isNaN(fixed[j])) {
        fixedByName.put(names.get(j), fixed[j]);
      }
    }
    double[] best = profiled.profile(result.bestFit()).nu();
    return new Scan(result, new NuisanceFit(names, fixedByName, best, nuHat));
  }

  /**
   * The unbinned log L(θ, ν) plus the workspace's ln L_ws(θ, ν) (docs/math.md §6.9): its parameters
   * named like a ν set to it and their own constraint left out, the others profiled.
   */
  record WithWorkspace(NuisanceLikelihood unbinned, ProfiledWorkspace workspace)
      implements NuisanceLikelihood {
    @Override
    public int dimension() {
      return unbinned.dimension();
    }

    @Override
    public List<String> nuisanceNames() {
      return unbinned.nuisanceNames();
    }

    @Override
    public double evaluate(double[] theta, double[] nu, double[] gradient) {
      double u = unbinned.evaluate(theta, nu, gradient);
      if (u == Double.NEGATIVE_INFINITY) {
        return u;
      }
      double[] g = gradient == null ? null : new double[nu.length];
      double w = workspace.at(theta, nu, g);
      if (gradient != null) {
        for (int j = 0; j < nu.length; j++) {
          gradient[j] += g[j];
        }
      }
      return u + w;
    }
  }

  /** log L(θ, ν) of {@code source} without the constraint. */
  static NuisanceLikelihood likelihood(
      LimitSource source,
      NuisanceEvents events,
      Dataset data,
      double luminosity,
      List<String> names,
      NuisanceMorphing.Policy policy) {
    if (source instanceof LimitSource.Ratio r) {
      NuisanceExtendedLikelihood ll =
          new NuisanceExtendedLikelihood(r.estimator(), data, events, names, luminosity);
      if (r.estimator() instanceof RatioModel model) {
        ll.withJointEvaluation(model::logRatioAndTangents);
      }
      return ll;
    }
    LimitSource.Histogram h = (LimitSource.Histogram) source;
    HistogramModel model =
        Limits.histogramModel(events.events(), h.summary(), h.binning(), luminosity);
    return new NuisanceBinnedLikelihood(
        model, h.summary(), model.counts(data, h.summary()), policy);
  }
}
