package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.ProfiledWorkspace;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.ParameterConfig;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.NuisanceEvents;
import org.sbi4j.inference.likelihood.NuisanceExtendedLikelihood;
import org.sbi4j.inference.likelihood.ProfiledLikelihood;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.simulators.Simulator;

/**
 * Workspace channels whose parameters share the event file's nuisance parameters by name
 * (docs/math.md §6.9, §7.5): the exact combined profile, the effect of sharing on the intervals,
 * and the workspace constraints that cannot be shared.
 */
class SharedNuisanceLimitsTest {
  static final double L = 10;
  static final ParameterGrid GRID = ParameterGrid.parse("-1:1:41");
  static final Simulator SIM = Interference1D.withNuisances();
  static final List<String> THETA = List.of("theta");
  static final List<String> NU = List.of("norm", "shape");
  static EventSample file;

  @BeforeAll
  static void setUp() {
    file = SIM.events(20_000, 20261207L);
  }

  /** One bin: signal s·θ, background b with a normsys {@code name} of +10 % / −10 %. */
  static HistFactoryModel counting(double s, double b, double n, String name) {
    return HistFactoryModel.of(
        CombinedLikelihoodTest.counting(s, b, n, List.of(Modifier.normsys(name, 1.1, 0.9))));
  }

  /**
   * The combined profile (unbinned exact likelihood with ν = (norm, shape), shape fixed at 0, plus
   * a counting workspace whose normsys is named "norm") against an independent profile: log L_u(θ,
   * ν) = n log(Lσ(θ, ν)) − Lσ(θ, ν) + Σ_i w_i log r(x_i | θ, ν) written out with the simulator's
   * exact ratio, plus the workspace's Poisson term n_ws log λ − λ − log n_ws! with λ(θ, ν) from its
   * expected data, minus ½ν² once; maximised over ν by a dense scan and Brent's method.
   */
  @Test
  void theCombinedProfileEqualsABruteForceProfileOverTheSharedNu() {
    HistFactoryModel model = counting(6, 40, 52, "norm");
    assertEquals(List.of("theta", "norm"), model.parameterNames());
    double nWs = model.observedData().main()[0];
    checkAgainstBruteForce(
        model,
        List.of(),
        (theta, nu) -> {
          double lambda = model.expectedData(new double[] {theta, nu}).main()[0];
          return nWs * Math.log(lambda) - lambda - Gamma.logGamma(nWs + 1);
        });
  }

  /**
   * As above with a second normsys "other" on the workspace's background, not shared: the reference
   * profiles it too, max over β of [Poisson term − ½β²] by scan and Brent inside the scan over ν.
   */
  @Test
  void aWorkspaceParameterNotSharedIsProfiledBesideTheSharedNu() {
    HistFactoryModel model =
        HistFactoryModel.of(
            CombinedLikelihoodTest.counting(
                6,
                40,
                52,
                List.of(Modifier.normsys("norm", 1.1, 0.9), Modifier.normsys("other", 1.2, 0.85))));
    List<String> names = model.parameterNames();
    double nWs = model.observedData().main()[0];
    checkAgainstBruteForce(
        model,
        List.of("other"),
        (theta, nu) ->
            bruteForce(
                beta -> {
                  double[] pars = new double[3];
                  pars[names.indexOf("theta")] = theta;
                  pars[names.indexOf("norm")] = nu;
                  pars[names.indexOf("other")] = beta;
                  double lambda = model.expectedData(pars).main()[0];
                  return nWs * Math.log(lambda) - lambda - 0.5 * beta * beta;
                }));
  }

  private static void checkAgainstBruteForce(
      HistFactoryModel model,
      List<String> profiled,
      java.util.function.BiFunction<Double, Double, Double> workspaceTerm) {
    MorphedEvents rate = new MorphedEvents(file);
    Dataset data = Limits.asimov(file, rate, new double[] {0.3}, L);
    NuisanceEvents events =
        new NuisanceEvents(rate, file.nuisanceMorphing(NuisanceMorphing.Policy.ERROR));
    ExactRatio exact = ExactRatio.withNuisances(SIM, new double[] {0});
    NuisanceExtendedLikelihood unbinned =
        new NuisanceExtendedLikelihood(exact, data, events, NU, L);
    WorkspaceChannels ws = new WorkspaceChannels(List.of(Path.of("c.json")), model, Map.of());
    ProfiledWorkspace term = ws.term(THETA, NU, null, GRID);
    assertEquals(List.of("norm"), term.shared());
    assertEquals(profiled, term.profiled());
    ProfiledLikelihood combined =
        new ProfiledLikelihood(
            new ProfiledLimits.WithWorkspace(unbinned, term), new double[] {Double.NaN, 0}, true);

    double[] w = data.weights();
    double n = data.count();
    java.util.function.BiFunction<Double, Double, Double> joint =
        (theta, nu) -> {
          double sigma = events.sigma(new double[] {theta}, new double[] {nu, 0}, null);
          double[] logR = exact.logRatio(data.events(), new double[][] {{theta, nu, 0}})[0];
          double u = n * Math.log(L * sigma) - L * sigma;
          for (int i = 0; i < logR.length; i++) {
            u += w[i] * logR[i];
          }
          return u + workspaceTerm.apply(theta, nu) - 0.5 * nu * nu;
        };
    double[] thetas = {-0.8, -0.3, 0, 0.25, 0.6, 1};
    double[] lib = new double[thetas.length];
    double[] ref = new double[thetas.length];
    for (int t = 0; t < thetas.length; t++) {
      lib[t] = combined.evaluate(new double[][] {{thetas[t]}})[0];
      double theta = thetas[t];
      ref[t] = bruteForce(nu -> joint.apply(theta, nu));
    }
    for (int t = 0; t < thetas.length; t++) {
      // differences drop the constants (log n_ws!, −½ log 2π of each constraint); both
      // maximisations reach ~1e-9 in log L (Newton decrement 1e-9, workspace fits to a projected
      // gradient of 1e-10; Brent to 1e-12 relative in ν at a quadratic top)
      assertEquals(ref[t] - ref[2], lib[t] - lib[2], 1e-6, "θ = " + thetas[t]);
    }
    // the shared ν really moves: the workspace's excess pulls norm up
    assertTrue(combined.profile(new double[] {0}).nu()[0] > 0.05);
  }

  /** max over ν of f: a scan with step 0.05 over [−4, 4], then Brent's method around its best. */
  static double bruteForce(java.util.function.DoubleUnaryOperator f) {
    double best = -4;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int k = 0; k <= 160; k++) {
      double nu = -4 + 0.05 * k;
      double v = f.applyAsDouble(nu);
      if (v > bestValue) {
        bestValue = v;
        best = nu;
      }
    }
    BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-14);
    double value =
        brent
            .optimize(
                new MaxEval(10_000),
                new UnivariateObjectiveFunction(f::applyAsDouble),
                GoalType.MAXIMIZE,
                new SearchInterval(best - 0.05, best + 0.05, best))
            .getValue();
    return Math.max(value, bestValue);
  }

  static LimitsResult expected(HistFactoryModel model, NuisanceSettings settings) {
    WorkspaceChannels ws =
        model == null ? null : new WorkspaceChannels(List.of(Path.of("c.json")), model, Map.of());
    LimitSource exact =
        new LimitSource.Ratio("exact", ExactRatio.withNuisances(SIM, new double[] {0}));
    return Limits.expected(
        file, exact, new double[] {0}, L, GRID, GridEvaluator.LOCAL, ws, settings);
  }

  static double width(Interval i) {
    return i.upper() - i.lower();
  }

  /**
   * A control region of 10⁴ background events with a ±10 % normsys measures that parameter to ±0.1
   * and says next to nothing about θ (signal 0.5·θ). Named "shape" it is the file's shape nuisance,
   * which widens θ's profiled interval (it moves σ(θ) and the x spectrum with θ); pinned by the
   * control region, θ's interval shrinks from the profiled one nearly to the one with shape fixed
   * at 0. Named otherwise it is profiled on its own and leaves θ's profiled interval as it was.
   */
  @Test
  void sharingANuisanceWithAControlRegionNarrowsTheIntervalNearlyToFixingIt() {
    LimitsResult shared =
        expected(counting(0.5, 10_000, 10_000, "shape"), NuisanceSettings.DEFAULT);
    LimitsResult apart =
        expected(counting(0.5, 10_000, 10_000, "shape_cr"), NuisanceSettings.DEFAULT);
    LimitsResult alone = expected(null, NuisanceSettings.DEFAULT);
    LimitsResult fixedNorm =
        expected(
            null, new NuisanceSettings(true, Map.of("shape", 0.0), NuisanceMorphing.Policy.ERROR));
    assertEquals("exact + workspace", shared.method());
    for (int level = 0; level < 2; level++) {
      double s = width(pick(shared, level));
      double a = width(pick(apart, level));
      double o = width(pick(alone, level));
      double f = width(pick(fixedNorm, level));
      System.out.printf(
          java.util.Locale.ROOT,
          "level %d widths: shared %.5f, apart %.5f, alone %.5f, shape fixed %.5f%n",
          level,
          s,
          a,
          o,
          f);
      assertTrue(f < o, "fixing shape narrows the profiled interval");
      assertTrue(s < a, "sharing with the control region narrows: " + s + " vs " + a);
      // a ν measured to ±0.1 keeps ~1 % of its unit prior's variance: nearly the fixed width
      assertTrue(s - f < 0.1 * (o - f), "shared " + s + " near fixed " + f + " (alone " + o + ")");
      // kept apart, the control region adds ~0 information on θ (0.5 signal in 10⁴)
      assertEquals(o, a, 0.02 * (o - f));
    }
  }

  private static Interval pick(LimitsResult r, int level) {
    Intervals i = r.scan().intervals().get("theta");
    return level == 0 ? i.cl68() : i.cl95();
  }

  @Test
  void sharedParametersWithoutAUnitGaussianConstraintAreRefused() {
    HistFactoryModel normfactor =
        HistFactoryModel.of(
            CombinedLikelihoodTest.counting(
                5, 20, 22, List.of(Modifier.plain("norm", ModifierType.NORMFACTOR))));
    HistFactoryModel staterror =
        HistFactoryModel.of(
            CombinedLikelihoodTest.counting(
                5,
                20,
                22,
                List.of(Modifier.perBin("norm", ModifierType.STATERROR, new double[] {2}))));
    HistFactoryModel shapesys =
        HistFactoryModel.of(
            CombinedLikelihoodTest.counting(
                5,
                20,
                22,
                List.of(Modifier.perBin("norm", ModifierType.SHAPESYS, new double[] {2}))));
    Workspace fixedWs =
        CombinedLikelihoodTest.counting(5, 20, 22, List.of(Modifier.normsys("norm", 1.1, 0.9)));
    HistFactoryModel fixed =
        HistFactoryModel.of(
            new Workspace(
                fixedWs.version(),
                fixedWs.channels(),
                fixedWs.observations(),
                List.of(
                    new Workspace.Measurement(
                        "m",
                        "theta",
                        List.of(
                            new ParameterConfig(
                                "theta", null, new double[][] {{-1, 1}}, null, null, null, null),
                            new ParameterConfig("norm", null, null, null, null, null, true))))));
    String[] reasons = {"no constraint term", "per-bin staterror", "per-bin shapesys", "fixed"};
    HistFactoryModel[] models = {normfactor, staterror, shapesys, fixed};
    for (int k = 0; k < models.length; k++) {
      HistFactoryModel m = models[k];
      InvalidValueException e =
          assertThrows(
              InvalidValueException.class, () -> expected(m, NuisanceSettings.DEFAULT), reasons[k]);
      assertEquals("workspaces", e.value());
      assertTrue(e.getMessage().contains("'norm'"), e.getMessage());
      assertTrue(e.getMessage().contains(reasons[k]), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), "one line");
    }
    // a Gaussian other than N(0; ν, 1): the auxiliary measurement moved to 0.5
    HistFactoryModel normsys = counting(5, 20, 22, "norm");
    HistFactoryModel.Data moved =
        new HistFactoryModel.Data(normsys.observedData().main(), new double[] {0.5});
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> new ProfiledWorkspace(normsys, moved, THETA, Map.of(), NU));
    assertTrue(e.getMessage().contains("centred at 0.5"), e.getMessage());
    // the same parameter under another name is not shared, and nothing is refused
    assertEquals(
        List.of(),
        new ProfiledWorkspace(
                counting(5, 20, 22, "lumi_like"), normsys.observedData(), THETA, Map.of(), NU)
            .shared());
  }
}
