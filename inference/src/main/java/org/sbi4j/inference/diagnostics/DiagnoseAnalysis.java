package org.sbi4j.inference.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.Seeds;
import org.sbi4j.inference.internal.Partitions;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.RatioModel;

/**
 * {@code sbi4j diagnose} (docs/math.md §10): reads the event file, evaluates every model at the θ0
 * grid against θ1 on the file's test partition (the events x ~ θ are those events weighted by
 * dσ(x|θ)), and computes the closure, the classifier view and the ensemble spread; plots them.
 */
public final class DiagnoseAnalysis {
  /** Bootstrap replicates of each AUC's standard error. */
  static final int BOOTSTRAP = 25;

  private DiagnoseAnalysis() {}

  /** Runs the request; see {@link DiagnoseRequest}. */
  public static DiagnoseResult run(DiagnoseRequest request) {
    EventSample file = DataFiles.events(request.events());
    MorphedEvents all = new MorphedEvents(file);
    request.grid().checkInside(all.setup().parameters());
    double[] theta1 =
        request.theta1() == null ? defaultTheta1(all.setup().parameters()) : request.theta1();
    all.setup().checkTheta("theta1", theta1);
    checkInside(all.setup().parameters(), theta1);
    MorphedEvents test = new MorphedEvents(Partitions.test(file));
    double[][] thetas = request.grid().points();
    double[] w1 = test.dsigma(theta1);
    double[][] w0 = new double[thetas.length][];
    for (int j = 0; j < thetas.length; j++) {
      all.positiveSigma(thetas[j]);
      w0[j] = test.dsigma(thetas[j]);
    }
    double[][] exact = null;
    if (request.exact() != null) {
      checkProcess(request.exact(), all.setup().parameterNames(), file.observables());
      exact =
          new ExactRatio(request.exact(), theta1).logRatio(test.sample(), withNuisances(thetas, 0));
    }
    MorphedEvents calibration = request.calibrate() ? validation(file) : null;
    List<ModelDiagnostics> out = new ArrayList<>();
    for (int m = 0; m < request.models().size(); m++) {
      DiagnoseRequest.Model model = request.models().get(m);
      RatioEstimator estimator =
          calibration == null
              ? model.estimator()
              : new CalibratedRatio(model.estimator(), calibration, theta1);
      double[][] lr = pairs(estimator, test.sample(), thetas, theta1);
      out.add(
          diagnose(
              model,
              request.calibrate(),
              thetas,
              lr,
              w0,
              w1,
              exact,
              spread(model.estimator(), test.sample(), thetas, theta1, w1),
              Seeds.derive(request.seed(), m)));
    }
    List<String> plots = new ArrayList<>();
    if (request.plot() != null) {
      plots.addAll(DiagnosePlots.write(out, all.setup().parameterNames(), thetas, request.plot()));
    }
    return new DiagnoseResult(
        all.setup().parameterNames(), theta1, thetas, test.sample().size(), out, plots);
  }

  /** θ = 0 when it lies in every parameter range, else the centre of the ranges. */
  static double[] defaultTheta1(List<Parameter> parameters) {
    double[] ref = new double[parameters.size()];
    for (int i = 0; i < ref.length; i++) {
      Parameter p = parameters.get(i);
      ref[i] = p.contains(0) ? 0 : 0.5 * (p.min() + p.max());
    }
    return ref;
  }

  /** Refuses a θ1 outside the parameter ranges: the file's events say nothing there. */
  static void checkInside(List<Parameter> parameters, double[] theta1) {
    for (int i = 0; i < theta1.length; i++) {
      Parameter p = parameters.get(i);
      if (!p.contains(theta1[i])) {
        throw new InvalidValueException(
            "theta1",
            String.format(
                java.util.Locale.ROOT,
                "%s = %s lies outside the parameter range [%s, %s]; choose θ1 inside it",
                p.name(),
                theta1[i],
                p.min(),
                p.max()));
      }
    }
  }

  /** Refuses a process whose parameters or observables are not the event file's. */
  static void checkProcess(
      org.sbi4j.samples.simulators.Simulator sim, List<String> parameters, List<String> observed) {
    if (!sim.setup().parameterNames().equals(parameters)
        || !observed.containsAll(sim.observables())) {
      throw new InvalidValueException(
          "exact",
          "process "
              + sim.name()
              + " has parameters "
              + sim.setup().parameterNames()
              + " and observables "
              + sim.observables()
              + ", the event file "
              + parameters
              + " and "
              + observed
              + "; give the process the file was simulated with");
    }
  }

  /** The calibration events: the validation partition (unused by training and by the test). */
  static MorphedEvents validation(EventSample file) {
    long n = file.size();
    Partition.VALIDATION.size(n);
    return new MorphedEvents(
        file.range((int) Partition.VALIDATION.from(n), (int) Partition.VALIDATION.to(n)));
  }

  /** log r̂(x|θ0_j, θ1) of {@code estimator}, its nuisance inputs at 0. */
  static double[][] pairs(
      RatioEstimator estimator, EventSample events, double[][] thetas, double[] theta1) {
    int m = estimator.nuisanceNames().size();
    return CalibratedRatio.pairLogRatio(
        estimator, events, withNuisances(thetas, m), withNuisances(new double[][] {theta1}, m)[0]);
  }

  private static double[][] withNuisances(double[][] thetas, int m) {
    if (m == 0) {
      return thetas;
    }
    double[][] out = new double[thetas.length][];
    for (int j = 0; j < thetas.length; j++) {
      out[j] = java.util.Arrays.copyOf(thetas[j], thetas[j].length + m);
    }
    return out;
  }

  /**
   * The members' standard deviation of log r̂(x|θ0,θ1), its weighted mean over x ~ θ1, per θ0; null
   * unless {@code estimator} is an ensemble.
   */
  static double[] spread(
      RatioEstimator estimator,
      EventSample events,
      double[][] thetas,
      double[] theta1,
      double[] w1) {
    if (!(estimator instanceof RatioModel model) || model.data().members().size() < 2) {
      return null;
    }
    List<Network> members = model.data().members();
    int k = members.size();
    double[][][] lr = new double[k][][];
    for (int i = 0; i < k; i++) {
      RatioModel one = new RatioModel(model.data().withMembers(List.of(members.get(i))));
      lr[i] = pairs(one, events, thetas, theta1);
    }
    double[] out = new double[thetas.length];
    for (int j = 0; j < thetas.length; j++) {
      double[] sd = new double[events.size()];
      for (int e = 0; e < sd.length; e++) {
        double mean = 0;
        for (int i = 0; i < k; i++) {
          mean += lr[i][j][e] / k;
        }
        double v = 0;
        for (int i = 0; i < k; i++) {
          v += (lr[i][j][e] - mean) * (lr[i][j][e] - mean) / k;
        }
        sd[e] = Math.sqrt(v);
      }
      out[j] = WeightedMean.of(sd, w1).mean();
    }
    return out;
  }

  private static ModelDiagnostics diagnose(
      DiagnoseRequest.Model model,
      boolean calibrated,
      double[][] thetas,
      double[][] lr,
      double[][] w0,
      double[] w1,
      double[][] exact,
      double[] spread,
      long seed) {
    List<ClosurePoint> closure = new ArrayList<>();
    double[] auc = new double[thetas.length];
    double[] aucError = new double[thetas.length];
    double[] aucExact = exact == null ? null : new double[thetas.length];
    List<Roc> roc = new ArrayList<>();
    List<Roc> rocExact = exact == null ? null : new ArrayList<>();
    List<List<Reliability.Bin>> reliability = new ArrayList<>();
    for (int j = 0; j < thetas.length; j++) {
      int n = lr[j].length;
      double[] r = new double[n];
      double[] inv = new double[n];
      for (int e = 0; e < n; e++) {
        r[e] = Math.exp(lr[j][e]);
        inv[e] = Math.exp(-lr[j][e]);
      }
      closure.add(ClosurePoint.of(thetas[j], WeightedMean.of(r, w1), WeightedMean.of(inv, w0[j])));
      Roc rj = Roc.of(lr[j], w0[j], w1);
      roc.add(rj);
      auc[j] = rj.auc();
      aucError[j] = bootstrapError(lr[j], w0[j], w1, Seeds.derive(seed, j));
      if (exact != null) {
        Roc ej = Roc.of(exact[j], w0[j], w1);
        rocExact.add(ej);
        aucExact[j] = ej.auc();
      }
      reliability.add(Reliability.of(lr[j], w0[j], w1));
    }
    int members = model.estimator() instanceof RatioModel rm ? rm.data().members().size() : 1;
    return new ModelDiagnostics(
        model.label(),
        calibrated,
        members,
        closure,
        auc,
        aucError,
        aucExact,
        roc,
        rocExact,
        reliability,
        spread);
  }

  /** The standard deviation of the AUC over {@value #BOOTSTRAP} resamples of the events. */
  static double bootstrapError(double[] score, double[] a, double[] b, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int n = score.length;
    Integer[] order = Roc.order(score);
    double sum = 0;
    double sum2 = 0;
    double[] ca = new double[n];
    double[] cb = new double[n];
    for (int rep = 0; rep < BOOTSTRAP; rep++) {
      int[] counts = new int[n];
      for (int i = 0; i < n; i++) {
        counts[rng.nextInt(n)]++;
      }
      for (int i = 0; i < n; i++) {
        ca[i] = a[i] * counts[i];
        cb[i] = b[i] * counts[i];
      }
      double v = Roc.sorted(score, order, ca, cb).auc();
      sum += v;
      sum2 += v * v;
    }
    double mean = sum / BOOTSTRAP;
    return Math.sqrt(Math.max(0, (sum2 / BOOTSTRAP - mean * mean) * BOOTSTRAP / (BOOTSTRAP - 1)));
  }
}
