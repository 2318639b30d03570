package org.sbi4j.bench;

import java.util.ArrayList;
import java.util.List;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.listeners.TrainingControl;
import org.sbi4j.training.listeners.TrainingListener;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Network.Dense;

/**
 * A benchmark-only pilot of weight averaging (Polyak–Ruppert; "stochastic weight averaging" when
 * applied at the end of a decaying schedule): keeps the running mean of the weights at the ends of
 * the last {@code epochs} epochs of each member and leaves that mean as the trained network. Aimed
 * at the late-epoch fluctuation of the doubly parameterised estimator (docs/math.md §3.8); used by
 * {@link DoublyParameterizedAccuracyBenchmark} with {@code -DaverageEpochs=K}. Train with early
 * stopping off, since early stopping restores one epoch's weights first.
 */
final class WeightAveraging implements TrainingListener {
  private final int epochs;
  private int member = -1;
  private List<double[][]> sum;
  private Network shape;
  private int count;

  WeightAveraging(int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("averaged epochs = " + epochs + " must be ≥ 1");
    }
    this.epochs = epochs;
  }

  @Override
  public void onEpochEnd(EpochReport report, TrainingControl control) {
    if (report.member() != member) {
      member = report.member();
      sum = null;
      count = 0;
    }
    if (report.epoch() < report.epochs() - epochs) {
      return;
    }
    Network net = control.snapshot();
    if (sum == null) {
      sum = new ArrayList<>();
      for (Dense d : net.layers()) {
        sum.add(new double[][] {new double[d.w().length], new double[d.b().length]});
      }
      shape = net;
    }
    for (int l = 0; l < sum.size(); l++) {
      add(sum.get(l)[0], net.layers().get(l).w());
      add(sum.get(l)[1], net.layers().get(l).b());
    }
    count++;
  }

  @Override
  public void onTrainingEnd(int member, TrainingControl control) {
    if (member == this.member && count > 0) {
      control.restore(average());
    }
  }

  /** The mean of the weights seen so far (null before any epoch was averaged). */
  Network average() {
    if (count == 0) {
      return null;
    }
    List<Dense> layers = new ArrayList<>();
    for (int l = 0; l < sum.size(); l++) {
      Dense d = shape.layers().get(l);
      layers.add(new Dense(d.in(), d.out(), scaled(sum.get(l)[0]), scaled(sum.get(l)[1])));
    }
    return new Network(shape.activation(), layers);
  }

  /** Epochs averaged so far for the current member. */
  int count() {
    return count;
  }

  private double[] scaled(double[] s) {
    double[] out = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = s[i] / count;
    }
    return out;
  }

  private static void add(double[] sum, double[] v) {
    for (int i = 0; i < v.length; i++) {
      sum[i] += v[i];
    }
  }
}
