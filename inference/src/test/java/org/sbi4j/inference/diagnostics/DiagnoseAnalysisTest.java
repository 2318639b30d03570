package org.sbi4j.inference.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;

class DiagnoseAnalysisTest {
  @TempDir static Path dir;

  static final Simulator SIM = Simulators.INTERFERENCE_1D.create();

  private static Path events() throws Exception {
    Path events = dir.resolve("events.h5");
    if (!Files.exists(events)) {
      MadMinerFiles.writeEvents(events, SIM.events(50_000, 5));
    }
    return events;
  }

  /** The exact log r scaled by {@code factor}: an over- or under-confident, mis-trained model. */
  static RatioEstimator scaled(double factor) {
    ExactRatio exact = new ExactRatio(SIM, new double[] {0});
    return new RatioEstimator() {
      @Override
      public List<String> observables() {
        return exact.observables();
      }

      @Override
      public List<String> parameters() {
        return exact.parameters();
      }

      @Override
      public double[][] logRatio(EventSample events, double[][] thetas) {
        double[][] lr = exact.logRatio(events, thetas);
        for (double[] row : lr) {
          for (int e = 0; e < row.length; e++) {
            row[e] *= factor;
          }
        }
        return lr;
      }

      @Override
      public double[][][] score(EventSample events, double[][] thetas) {
        throw new IllegalStateException("closure does not use the score");
      }

      @Override
      public double[][] thetaRange() {
        return null;
      }
    };
  }

  private static DiagnoseResult run(RatioEstimator model, boolean calibrate, Path plot)
      throws Exception {
    return DiagnoseAnalysis.run(
        new DiagnoseRequest(
            events(),
            List.of(new DiagnoseRequest.Model("model", model)),
            null,
            ParameterGrid.parse("-1:1:9"),
            SIM,
            calibrate,
            plot,
            3));
  }

  /**
   * AUC = ∫ p(x|θ0) P_{y~θ1}(r(y) < r(x)) dx on a fine x grid of the closed-form densities: the
   * cells sorted by r, the θ1 mass below each accumulated (ties count one half).
   */
  static double integralAuc(double theta0) {
    double lo = -4;
    double hi = 30;
    int n = 34_000;
    double h = (hi - lo) / n;
    double[] r = new double[n];
    double[] p0 = new double[n];
    double[] p1 = new double[n];
    for (int i = 0; i < n; i++) {
      double[] x = {lo + (i + 0.5) * h};
      double l0 = SIM.logLikelihood(x, new double[] {theta0});
      double l1 = SIM.logLikelihood(x, new double[] {0});
      r[i] = l0 - l1;
      p0[i] = Math.exp(l0) * h;
      p1[i] = Math.exp(l1) * h;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> r[i]));
    double below = 0;
    double auc = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      auc += p0[i] * (below + 0.5 * p1[i]);
      below += p1[i];
    }
    return auc;
  }

  @Test
  void exactRatioPassesClosureAndItsAucMatchesTheIntegral() throws Exception {
    Path plot = dir.resolve("diag");
    DiagnoseResult r = run(new ExactRatio(SIM, new double[] {0}), false, plot);
    ModelDiagnostics m = r.models().get(0);
    assertEquals(10_000, r.events());
    assertTrue(m.flagged().isEmpty(), () -> "closure flagged: " + m.summary().get("closure"));
    for (ClosurePoint c : m.closure()) {
      // the exact ratio integrates to 1 exactly: only Monte Carlo error remains
      assertTrue(Math.abs(c.meanR().mean() - 1) <= 3 * c.meanR().error(), c.meanR().toString());
      assertTrue(Math.abs(c.meanInvR().mean() - 1) <= 3 * c.meanInvR().error());
    }
    double[] grid = {-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1};
    for (int j = 0; j < grid.length; j++) {
      double integral = integralAuc(grid[j]);
      // the event AUC is a Monte Carlo estimate: 4 bootstrap standard errors, plus 1e-4 for the
      // quadrature (cells of 1e-3 in x of densities whose r crosses a level in few cells)
      double tol = 4 * m.aucError()[j] + 1e-4;
      assertEquals(integral, m.aucExact()[j], tol, "θ0 = " + grid[j]);
      assertEquals(m.aucExact()[j], m.auc()[j], 1e-12);
    }
    // θ0 = θ1: r = 1 everywhere, nothing to separate
    assertEquals(0.5, m.auc()[4], 1e-12);
    assertTrue(m.auc()[0] > 0.6, "θ0 = −1 is well separated from θ1 = 0: " + m.auc()[0]);
    assertNull(m.logRatioSpread());
    for (String s : List.of("closure", "roc", "reliability")) {
      assertTrue(Files.size(Path.of(plot + "-" + s + ".png")) > 0);
      assertTrue(Files.size(Path.of(plot + "-" + s + ".svg")) > 0);
    }
  }

  @Test
  void exactRatioIsReliable() throws Exception {
    ModelDiagnostics m = run(new ExactRatio(SIM, new double[] {0}), false, null).models().get(0);
    // at θ0 = −1 the exact ŝ is the posterior of θ1 with equal priors: the observed fraction of
    // θ1 in each bin equals the bin's mean ŝ within its binomial error (4 s.e.; bins with little
    // weight have a loose error that the bound carries)
    for (Reliability.Bin b : m.reliability().get(0)) {
      assertEquals(b.meanS(), b.fractionTheta1(), 4 * b.fractionError() + 1e-3, b.toString());
    }
  }

  @Test
  void calibrationRepairsAnOverconfidentRatio() throws Exception {
    ModelDiagnostics wrong = run(scaled(2), false, null).models().get(0);
    ModelDiagnostics fixed = run(scaled(2), true, null).models().get(0);
    assertFalse(wrong.flagged().isEmpty(), "log r̂ = 2 log r must fail the closure");
    assertTrue(fixed.calibrated());
    // the calibrated ratio is a histogram of the exact one (ŝ is monotone in r): it closes
    assertTrue(
        fixed.maxClosureError() < 0.5 * wrong.maxClosureError(),
        fixed.maxClosureError() + " vs " + wrong.maxClosureError());
    assertTrue(fixed.flagged().isEmpty(), () -> "flagged: " + fixed.summary().get("closure"));
    // the ordering of events, hence the AUC, barely changes: only ties within bins are added
    for (int j = 0; j < wrong.auc().length; j++) {
      assertTrue(fixed.auc()[j] <= wrong.auc()[j] + 1e-12);
      assertTrue(fixed.auc()[j] > wrong.auc()[j] - 0.01);
    }
  }
}
