package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.ProfiledWorkspace;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Observation;
import org.sbi4j.inference.histfactory.Workspace.ParameterConfig;
import org.sbi4j.inference.histfactory.Workspace.Sample;
import org.sbi4j.inference.likelihood.CombinedLikelihood;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.LogLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;

/**
 * The combined likelihood of an unbinned channel and a workspace (docs/math.md §6.9) against closed
 * forms and an independent brute-force profile.
 */
class CombinedLikelihoodTest {
  static final double L = 10;
  static final double[] X = {0.2, 1.4, 0.7, 2.9, -0.3, 1.1, 0.05};
  private final Simulator sim = Simulators.INTERFERENCE_1D.create();
  private final EventSample events = sim.events(2_000, 11);
  private final MorphedEvents rate = new MorphedEvents(events);
  private final Dataset data = Dataset.observed(EventSample.ofFeatures(List.of("x"), X));

  /** One bin "sr": signal s · theta (bounds [−1, 1]), background b with its modifiers. */
  static Workspace counting(double s, double b, double n, List<Modifier> backgroundModifiers) {
    return new Workspace(
        "1.0.0",
        List.of(
            new Channel(
                "sr",
                List.of(
                    new Sample(
                        "signal",
                        new double[] {s},
                        List.of(Modifier.plain("theta", ModifierType.NORMFACTOR))),
                    new Sample("background", new double[] {b}, backgroundModifiers)))),
        List.of(new Observation("sr", new double[] {n})),
        List.of(
            new Measurement(
                "m",
                "theta",
                List.of(
                    new ParameterConfig(
                        "theta", null, new double[][] {{-1, 1}}, null, null, null, null)))));
  }

  /** log Pois(n | ν) with the Γ-function constant, as pyhf's logpdf. */
  static double logPoisson(double n, double nu) {
    return n * Math.log(nu) - nu - Gamma.logGamma(n + 1);
  }

  /**
   * The unbinned log L by a naive loop: log Pois(n | Lσ(θ)) with σ(θ) = Σ_e Σ_b W_b(θ) w_e(θ_b),
   * plus Σ_i [log p(x_i|θ) − log p(x_i|0)] from the simulator's exact density.
   */
  double unbinnedByHand(double theta) {
    double[] w = events.setup().get().morpher().weights(new double[] {theta});
    double sigma = 0;
    for (int e = 0; e < events.size(); e++) {
      for (int b = 0; b < w.length; b++) {
        sigma += w[b] * events.weight(e, b);
      }
    }
    double out = logPoisson(X.length, L * sigma);
    for (double x : X) {
      out +=
          sim.logLikelihood(new double[] {x}, new double[] {theta})
              - sim.logLikelihood(new double[] {x}, new double[] {0});
    }
    return out;
  }

  LogLikelihood unbinned() {
    return new ExtendedLikelihood(new ExactRatio(sim, new double[] {0}), data, rate, L);
  }

  @Test
  void unbinnedPlusCountingWorkspaceIsTheSumOfTheTwoClosedForms() {
    double s = 5;
    double b = 20;
    double n = 22;
    HistFactoryModel model = HistFactoryModel.of(counting(s, b, n, List.of()));
    ProfiledWorkspace ws =
        new ProfiledWorkspace(model, model.observedData(), List.of("theta"), Map.of());
    assertEquals(Map.of("theta", "theta"), ws.mapped());
    assertEquals(List.of(), ws.profiled());
    CombinedLikelihood combined = new CombinedLikelihood(List.of(unbinned(), ws));
    double[][] thetas = {{-0.8}, {-0.3}, {0}, {0.4}, {0.9}};
    double[] values = combined.evaluate(thetas);
    for (int j = 0; j < thetas.length; j++) {
      double t = thetas[j][0];
      double expected = unbinnedByHand(t) + logPoisson(n, t * s + b);
      // the same sums in another order: agreement to rounding (|log L| ~ 60)
      assertEquals(expected, values[j], 1e-10 * Math.abs(expected), "θ = " + t);
    }
  }

  /** Background with a normsys (code4: nonlinear in α) and a Gaussian-constrained lumi-free α. */
  static Workspace withNuisance() {
    return counting(6, 25, 34, List.of(Modifier.normsys("bkg_norm", 1.2, 0.85)));
  }

  /** max over α of ln L_ws(θ, α): a scan of 4001 points on [−5, 5], then Brent in its cell. */
  static double bruteForceProfile(HistFactoryModel model, Data data, double theta) {
    List<String> names = model.parameterNames();
    int it = names.indexOf("theta");
    int ia = names.indexOf("bkg_norm");
    java.util.function.DoubleUnaryOperator f =
        a -> {
          double[] p = model.inits();
          p[it] = theta;
          p[ia] = a;
          return model.logPdf(p, data);
        };
    int n = 4001;
    double step = 10.0 / (n - 1);
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (f.applyAsDouble(-5 + i * step) > f.applyAsDouble(-5 + best * step)) {
        best = i;
      }
    }
    double lo = -5 + Math.max(best - 1, 0) * step;
    double hi = -5 + Math.min(best + 1, n - 1) * step;
    return new BrentOptimizer(1e-14, 1e-14)
        .optimize(
            new MaxEval(1000),
            GoalType.MAXIMIZE,
            new SearchInterval(lo, hi, -5 + best * step),
            new UnivariateObjectiveFunction(f::applyAsDouble))
        .getValue();
  }

  @Test
  void profilingAWorkspaceNuisanceEqualsABruteForceProfile() {
    HistFactoryModel model = HistFactoryModel.of(withNuisance());
    Data observed = model.observedData();
    ProfiledWorkspace ws = new ProfiledWorkspace(model, observed, List.of("theta"), Map.of());
    assertEquals(List.of("bkg_norm"), ws.profiled());
    LogLikelihood u = unbinned();
    CombinedLikelihood combined = new CombinedLikelihood(List.of(u, ws));
    double[][] thetas = {{-0.9}, {-0.4}, {0}, {0.35}, {0.8}, {1}};
    double[] values = combined.evaluate(thetas);
    double[] unbinnedValues = u.evaluate(thetas);
    for (int j = 0; j < thetas.length; j++) {
      double t = thetas[j][0];
      // the tolerance: L-BFGS stops at a projected gradient of 1e-10 and Brent at 1e-14,
      // so both maxima agree far better than 1e-6
      assertEquals(
          unbinnedValues[j] + bruteForceProfile(model, observed, t), values[j], 1e-6, "θ = " + t);
    }
    // the warm start: the same points in reverse order give the same values to the fit's tolerance
    double[][] reversed = new double[thetas.length][];
    for (int j = 0; j < thetas.length; j++) {
      reversed[j] = thetas[thetas.length - 1 - j];
    }
    double[] back = ws.evaluate(reversed);
    for (int j = 0; j < thetas.length; j++) {
      assertEquals(
          values[j] - unbinnedValues[j], back[thetas.length - 1 - j], 1e-8, "θ = " + thetas[j][0]);
    }
  }
}
