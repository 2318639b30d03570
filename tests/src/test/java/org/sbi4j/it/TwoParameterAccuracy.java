package org.sbi4j.it;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.Seeds;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.inference.likelihood.HistogramModel;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.likelihood.Summary;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.training.TrainingOutcome;

/**
 * The 2-parameter closure (interference-2d, θ1 = θ_ref = (0, 0), θ0 ∈ [−1, 1]²): the error of log
 * r̂(x|θ0, θ1) against the exact likelihood for a trained ratio model and for the histogram
 * baseline of the inference module on two observables, both scored on the same test pairs x ~
 * p(x|θ1), θ0 ~ U([−1, 1]²).
 *
 * <p>The histogram estimate is log r̂_h(x|θ0, θ1) = log P_k(θ0) − log P_k(θ1), k the bin of x and
 * P_k(θ) = ν_k(θ) / Σ_k' ν_k'(θ) the bin probability of {@link HistogramModel} filled from the
 * training-partition events reweighted by the morphing (the bin width cancels in the ratio).
 */
public final class TwoParameterAccuracy {
  static final Simulator SIM = Simulators.INTERFERENCE_2D.create();
  static final double[] THETA1 = {0, 0};

  /** The two observables of the histogram baseline: θ_a acts on x_E, θ_b on x_cos. */
  static final List<String> HISTOGRAM_OBSERVABLES = List.of("x_E", "x_cos");

  private TwoParameterAccuracy() {}

  /** Events at θ = (0, 0), the generating benchmark. */
  public static EventSource events(int count, long seed) {
    return EventSource.of(SIM.events(count, seed));
  }

  /** A ratio sample of {@code rows} rows from the training partition, θ0 from U([−1, 1]²). */
  public static EventSample ratioSample(EventSource events, int rows, int thetaPoints, long seed) {
    double[][] theta0 =
        Prior.parse("uniform:-1:1,uniform:-1:1")
            .points(SIM.setup(), thetaPoints, Seeds.derive(seed, 1));
    return new TrainingSamples(SIM.setup(), 0.05)
        .ratio(
            WeightedView.of(events, Partition.TRAIN), theta0, THETA1, rows, Seeds.derive(seed, 2))
        .sample();
  }

  /** The histogram baseline on {@link #HISTOGRAM_OBSERVABLES}, filled from the training events. */
  public static HistogramModel histogram(EventSource events, BinningSpec binning) {
    WeightedView train = WeightedView.of(events, Partition.TRAIN);
    EventSample sample = train.read(0, (int) train.size());
    return Limits.histogramModel(
        new MorphedEvents(sample), new Summary.Observed(HISTOGRAM_OBSERVABLES), binning, 1);
  }

  /** n test pairs: x ~ p(x|θ1) and θ0 ~ U([−1, 1]²), with the exact log r. */
  public record TestPairs(EventSample x, double[] theta0, double[] exact) {
    public static TestPairs draw(int n, long seed) {
      EventSample test = SIM.events(n, Seeds.derive(seed, 1));
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 2));
      double[] theta = new double[2 * n];
      double[] exact = new double[n];
      for (int i = 0; i < n; i++) {
        double[] t0 = {2 * rng.nextDouble() - 1, 2 * rng.nextDouble() - 1};
        System.arraycopy(t0, 0, theta, 2 * i, 2);
        exact[i] = SIM.logRatio(test.xRow(i), t0, THETA1);
      }
      return new TestPairs(test, theta, exact);
    }

    public int size() {
      return exact.length;
    }

    /** E[(log r̂ − log r)²] of the ratio model. */
    public double mse(TrainingOutcome model) {
      return mse(model.ratioModel().predict(theta0, x.x()).logRatio());
    }

    /** E[(log r̂_h − log r)²] of the histogram baseline. */
    public double mse(HistogramModel h) {
      double[] values = new Summary.Observed(HISTOGRAM_OBSERVABLES).values(x);
      double[] logP1 = logBinProbabilities(h, THETA1);
      double[] est = new double[size()];
      for (int i = 0; i < size(); i++) {
        int k = h.binning().index(values, 2 * i);
        double[] logP0 = logBinProbabilities(h, new double[] {theta0[2 * i], theta0[2 * i + 1]});
        est[i] = logP0[k] - logP1[k];
      }
      return mse(est);
    }

    private double mse(double[] estimate) {
      double s = 0;
      for (int i = 0; i < size(); i++) {
        s += Math.pow(estimate[i] - exact[i], 2) / size();
      }
      return s;
    }

    /** E[(log r)²]: the error of log r̂ = 0, for scale. */
    public double scale() {
      return mse(new double[size()]);
    }
  }

  private static double[] logBinProbabilities(HistogramModel h, double[] theta) {
    double[] nu = h.expected(theta);
    double total = 0;
    for (double v : nu) {
      total += v;
    }
    double[] out = new double[nu.length];
    for (int k = 0; k < nu.length; k++) {
      out[k] = Math.log(nu[k] / total);
    }
    return out;
  }
}
