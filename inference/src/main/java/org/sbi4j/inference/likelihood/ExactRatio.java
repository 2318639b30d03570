package org.sbi4j.inference.likelihood;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.estimators.ScoreEstimator;
import org.sbi4j.samples.simulators.Simulator;

/**
 * The exact log r(x|θ, θ_ref) = log p(x|θ) − log p(x|θ_ref) of a built-in simulator as a {@link
 * RatioEstimator}: the ideal a trained model aims at, used in tests and beside the trained methods
 * in the quickstart. It has no trained range. As a {@link ScoreEstimator} it is the exact score
 * t(x|θ_ref), the ideal SALLY model.
 *
 * <p>{@link #withNuisances} makes the parameter input θ ⊕ ν, as a model trained with nuisance
 * parameters takes it: log r(x|θ,ν) = log p(x|θ,ν) − log p(x|θ_ref, 0), the score over θ ⊕ ν.
 */
public final class ExactRatio implements RatioEstimator, ScoreEstimator {
  private final Simulator simulator;
  private final double[] reference;
  private final int nuisances;
  private EventSample lastEvents;
  private double[] lastReference;

  /**
   * @param simulator the process
   * @param reference θ_ref
   */
  public ExactRatio(Simulator simulator, double[] reference) {
    this(simulator, reference, false);
  }

  private ExactRatio(Simulator simulator, double[] reference, boolean withNuisances) {
    simulator.setup().checkTheta("theta-ref", reference);
    this.simulator = simulator;
    this.reference = reference.clone();
    this.nuisances = withNuisances ? simulator.nuisances().size() : 0;
  }

  /** The exact ratio over θ ⊕ ν of a simulator with nuisance parameters, against (θ_ref, 0). */
  public static ExactRatio withNuisances(Simulator simulator, double[] reference) {
    return new ExactRatio(simulator, reference, true);
  }

  @Override
  public List<String> observables() {
    return simulator.observables();
  }

  @Override
  public List<String> parameters() {
    List<String> out = new ArrayList<>(simulator.setup().parameterNames());
    if (nuisances > 0) {
      out.addAll(simulator.nuisances().names());
    }
    return out;
  }

  @Override
  public double[][] logRatio(EventSample events, double[][] thetas) {
    double[][] out = new double[thetas.length][events.size()];
    double[] nu0 = new double[simulator.nuisances().size()];
    double[][] th = new double[thetas.length][];
    double[][] nu = new double[thetas.length][];
    for (int j = 0; j < thetas.length; j++) {
      th[j] = theta(thetas[j]);
      nu[j] = nu(thetas[j]);
    }
    double[] ref = referenceLogLikelihood(events, nu0);
    for (int e = 0; e < events.size(); e++) {
      double[] x = events.xRow(e);
      for (int j = 0; j < thetas.length; j++) {
        out[j][e] = simulator.logLikelihood(x, th[j], nu[j]) - ref[e];
      }
    }
    return out;
  }

  /** log p(x_e|θ_ref, 0) of every event, kept for the last sample asked (profiling asks often). */
  private synchronized double[] referenceLogLikelihood(EventSample events, double[] nu0) {
    if (events != lastEvents) {
      double[] ref = new double[events.size()];
      for (int e = 0; e < ref.length; e++) {
        ref[e] = simulator.logLikelihood(events.xRow(e), reference, nu0);
      }
      lastReference = ref;
      lastEvents = events;
    }
    return lastReference;
  }

  @Override
  public double[][][] score(EventSample events, double[][] thetas) {
    double[][][] out = new double[thetas.length][events.size()][];
    for (int j = 0; j < thetas.length; j++) {
      double[] th = theta(thetas[j]);
      double[] nu = nu(thetas[j]);
      for (int e = 0; e < events.size(); e++) {
        out[j][e] = score(simulator.score(events.xRow(e), th, nu));
      }
    }
    return out;
  }

  @Override
  public double[][] thetaRange() {
    return null;
  }

  /** The exact score t(x_i|θ_ref) (with ν = 0), events × parameters. */
  @Override
  public double[][] score(EventSample events) {
    double[] nu0 = new double[simulator.nuisances().size()];
    double[][] out = new double[events.size()][];
    for (int e = 0; e < out.length; e++) {
      out[e] = score(simulator.score(events.xRow(e), reference, nu0));
    }
    return out;
  }

  private double[] theta(double[] row) {
    return row.length == reference.length ? row : Arrays.copyOf(row, reference.length);
  }

  /** ν of a row: its last entries with nuisance inputs, else the nominal 0. */
  private double[] nu(double[] row) {
    int m = simulator.nuisances().size();
    return nuisances > 0
        ? Arrays.copyOfRange(row, reference.length, reference.length + m)
        : new double[m];
  }

  /** The score's θ entries, or θ ⊕ ν with nuisance inputs. */
  private double[] score(double[] full) {
    return full.length == reference.length + nuisances
        ? full
        : Arrays.copyOf(full, reference.length + nuisances);
  }
}
