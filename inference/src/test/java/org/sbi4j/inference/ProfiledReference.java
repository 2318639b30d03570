package org.sbi4j.inference;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.sbi4j.samples.simulators.Simulator;

/**
 * An independent profiled Asimov q(θ) of a one-observable simulator with two nuisance parameters
 * (θ_true = 0, ν_true = 0): q(θ) = min_ν {2L[∫ dσ_t log(dσ_t / dσ_{θ,ν}) dx + σ(θ,ν) − σ_t] + |ν|²}
 * with the simulator's exact σ(θ, ν) p(x|θ, ν) on 16-point Gauss–Legendre panels over [lo, hi],
 * minimised by Nelder–Mead from ν = 0 (no warm start, no gradients); crossings by Brent's method.
 */
final class ProfiledReference {
  private final Simulator sim;
  private final double lumi;
  private final double[] x;
  private final double[] u;
  private final double[] logDt;
  private final double sigmaT;

  ProfiledReference(Simulator sim, double lumi, double lo, double hi) {
    this.sim = sim;
    this.lumi = lumi;
    int panels = 90;
    double width = (hi - lo) / panels;
    GaussIntegrator rule = new GaussIntegratorFactory().legendre(16, 0, width);
    int m = rule.getNumberOfPoints();
    x = new double[panels * m];
    u = new double[x.length];
    logDt = new double[x.length];
    double[] t = {0};
    double[] nu0 = {0, 0};
    sigmaT = sim.crossSection(t, nu0);
    for (int p = 0; p < panels; p++) {
      for (int k = 0; k < m; k++) {
        int e = p * m + k;
        x[e] = lo + p * width + rule.getPoint(k);
        u[e] = rule.getWeight(k);
        logDt[e] = Math.log(sigmaT) + sim.logLikelihood(new double[] {x[e]}, t, nu0);
      }
    }
  }

  /** 2L[∫ dσ_t log(dσ_t/dσ_{θ,ν}) + σ(θ,ν) − σ_t] + |ν|². */
  double q(double theta, double[] nu) {
    double[] th = {theta};
    double s = sim.crossSection(th, nu);
    double logS = Math.log(s);
    double kl = 0;
    for (int e = 0; e < x.length; e++) {
      double l = logS + sim.logLikelihood(new double[] {x[e]}, th, nu);
      kl += u[e] * Math.exp(logDt[e]) * (logDt[e] - l);
    }
    return 2 * lumi * (kl + s - sigmaT) + nu[0] * nu[0] + nu[1] * nu[1];
  }

  double profiled(double theta) {
    PointValuePair r =
        new SimplexOptimizer(1e-13, 1e-13)
            .optimize(
                new MaxEval(100_000),
                GoalType.MINIMIZE,
                new ObjectiveFunction(nu -> q(theta, nu)),
                new InitialGuess(new double[] {0, 0}),
                new NelderMeadSimplex(new double[] {0.5, 0.5}));
    return r.getValue();
  }

  double crossing(double level, double a, double b) {
    return new BrentSolver(1e-8).solve(200, th -> profiled(th) - level, a, b);
  }

  double fixedCrossing(double level, double a, double b) {
    return new BrentSolver(1e-8).solve(200, th -> q(th, new double[] {0, 0}) - level, a, b);
  }
}
