package org.sbi4j.inference.protomodels;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.rng.UniformRandomProvider;
import org.sbi4j.common.Check;
import org.sbi4j.inference.histfactory.AsymptoticCalculator;
import org.sbi4j.inference.histfactory.Fitter;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;
import org.sbi4j.inference.histfactory.ModifierType;
import org.sbi4j.inference.histfactory.TestStatistic;
import org.sbi4j.inference.histfactory.Workspace;

/**
 * An analysis published as a pyhf workspace (docs/math.md §9.1): the database predicts the total
 * signal S of the model; the workspace's signal samples (those scaled by the POI) give its shape,
 * so the workspace's POI is μ S / S_ref with S_ref their total nominal yield. −ln L(μ) is the
 * HistFactory likelihood profiled over the nuisance parameters at that POI.
 */
public final class WorkspaceLikelihood implements AnalysisLikelihood {
  private final Workspace workspace;
  private final HistFactoryModel model;
  private final Fitter fitter;
  private final Data data;
  private final double referenceYield;
  private volatile double poiLimit = Double.NaN;

  /** The likelihood of {@code workspace} with its observed data. */
  public WorkspaceLikelihood(Workspace workspace) {
    this(workspace, HistFactoryModel.of(workspace), null);
  }

  private WorkspaceLikelihood(Workspace workspace, HistFactoryModel model, Data data) {
    this.workspace = workspace;
    this.model = model;
    this.fitter = new Fitter(model).forStatistic(TestStatistic.QTILDE);
    this.data = data == null ? model.observedData() : data;
    this.referenceYield = referenceYield(workspace);
    if (!(referenceYield > 0)) {
      throw new IllegalArgumentException(
          "the workspace has no signal: no sample scaled by the POI '"
              + model.poi()
              + "' has a positive yield");
    }
  }

  /** Total nominal yield of the samples that carry the POI as a normfactor. */
  static double referenceYield(Workspace ws) {
    String poi = ws.measurements().get(0).poi();
    double total = 0;
    for (Workspace.Channel c : ws.channels()) {
      for (Workspace.Sample s : c.samples()) {
        boolean signal =
            s.modifiers().stream()
                .anyMatch(m -> m.type() == ModifierType.NORMFACTOR && m.name().equals(poi));
        if (signal) {
          for (double y : s.data()) {
            total += y;
          }
        }
      }
    }
    return total;
  }

  /** The workspace as read (its observations are those of the real data). */
  public Workspace workspace() {
    return workspace;
  }

  /** S_ref: the signal yield at POI = 1. */
  public double referenceYield() {
    return referenceYield;
  }

  @Override
  public int regions() {
    return 1;
  }

  @Override
  public Term term(double[] signal) {
    Check.length("signal", signal, 1);
    double scale = signal[0] / referenceYield;
    double ratio = scale == 0 ? 0 : scale / poiLimit();
    return Term.of(mu -> fitter.fixedPoiFit(data, mu * scale).nll(), ratio);
  }

  /** The observed 95 % CL upper limit on the workspace's POI (asymptotic CLs with q̃). */
  public double poiLimit() {
    double limit = poiLimit;
    if (Double.isNaN(limit)) {
      AsymptoticCalculator calc = new AsymptoticCalculator(fitter, data, TestStatistic.QTILDE);
      double hi = 1;
      int doublings = 0;
      while (calc.test(hi).clsObserved() > 0.05) {
        hi *= 2;
        if (++doublings > 40) {
          throw new IllegalStateException("no upper limit on the POI below " + hi);
        }
      }
      limit =
          new BrentSolver(1e-6 * hi, 1e-9)
              .solve(200, mu -> calc.test(mu).clsObserved() - 0.05, 0, hi);
      poiLimit = limit;
    }
    return limit;
  }

  /**
   * Data drawn from the model at the fit to the observed data with the POI fixed at s / S_ref (0
   * for the Standard Model).
   */
  @Override
  public WorkspaceLikelihood drawn(UniformRandomProvider rng, double[] signal) {
    Check.length("signal", signal, 1);
    double[] pars =
        fitter.fixedPoiFit(model.observedData(), signal[0] / referenceYield).parameters();
    return new WorkspaceLikelihood(workspace, model, model.sample(pars, rng));
  }
}
