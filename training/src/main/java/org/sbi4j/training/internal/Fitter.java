package org.sbi4j.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingDivergedException;
import org.sbi4j.training.UpdateRule;
import org.sbi4j.training.losses.LossMean;
import org.sbi4j.training.model.Network;

/**
 * Trains one network in a SameDiff graph built by {@link Graphs}: SameDiff's {@code fit} one epoch
 * at a time over a seeded {@link BatchIterator}, the validation loss after each epoch, the
 * listeners, and a check that every batch loss is finite.
 */
public final class Fitter extends EpochLoop {
  private static final int EVAL_CHUNK = 4096;
  private final SameDiff sd;
  private final Network shape;
  private final DataType type;
  private BatchIterator batches;
  private LossTracker tracker;
  private Table validation;

  /**
   * @param sd graph with its loss, whose variables were created from {@code initial}
   * @param initial the initial weights (and the architecture the snapshots follow)
   */
  public Fitter(SameDiff sd, Network initial, DataType type) {
    this.sd = sd;
    this.shape = initial;
    this.type = type;
  }

  @Override
  protected void prepare(
      Table train, Table validation, TrainingConfig config, int member, long seed) {
    batches = new BatchIterator(train, config.batchSize(), type, seed);
    tracker = new LossTracker(member);
    this.validation = validation;
    sd.setTrainingConfig(
        org.nd4j.autodiff.samediff.TrainingConfig.builder()
            .updater(updater(config))
            .dataSetFeatureMapping(batches.featureNames())
            .dataSetLabelMapping(batches.labelNames())
            .trainEvaluation(Graphs.LOSS, 0, new LossMean(tracker))
            .build());
    Nd4jRuntime.createGradients(sd);
  }

  @Override
  protected double trainEpoch(int epoch, double lr) {
    batches.reset();
    tracker.startEpoch(epoch);
    sd.fit(batches, 1);
    return tracker.mean();
  }

  @Override
  protected double validationLoss() {
    return validation == null ? Double.NaN : loss(validation);
  }

  /** Mean loss over all rows of {@code table}. */
  public double loss(Table table) {
    double sum = 0;
    for (int from = 0; from < table.rows(); from += EVAL_CHUNK) {
      int to = Math.min(table.rows(), from + EVAL_CHUNK);
      Map<String, INDArray> ph = table.placeholders(from, to, type);
      sum += sd.output(ph, Graphs.LOSS).get(Graphs.LOSS).getDouble(0) * (to - from);
    }
    return sum / table.rows();
  }

  private static IUpdater updater(TrainingConfig c) {
    ExponentialSchedule lr =
        new ExponentialSchedule(ScheduleType.EPOCH, c.learningRate(), c.decayPerEpoch());
    IUpdater u = c.optimizer() == UpdateRule.ADAM ? new Adam(lr) : new AMSGrad(lr);
    return c.clipsGradients() ? new ClippingUpdater(u, c.gradientClip()) : u;
  }

  @Override
  public Network snapshot() {
    List<Network.Dense> layers = new ArrayList<>();
    for (int l = 0; l < shape.layers().size(); l++) {
      Network.Dense d = shape.layers().get(l);
      layers.add(
          new Network.Dense(
              d.in(), d.out(), values(Graphs.weightName(l)), values(Graphs.biasName(l))));
    }
    return new Network(shape.activation(), layers);
  }

  private double[] values(String name) {
    return sd.getVariable(name).getArr().castTo(DataType.DOUBLE).dup('c').data().asDouble();
  }

  @Override
  public void restore(Network weights) {
    for (int l = 0; l < weights.layers().size(); l++) {
      Network.Dense d = weights.layers().get(l);
      sd.getVariable(Graphs.weightName(l))
          .getArr()
          .assign(Nd4j.create(d.w(), new long[] {d.in(), d.out()}, type));
      sd.getVariable(Graphs.biasName(l))
          .getArr()
          .assign(Nd4j.create(d.b(), new long[] {d.out()}, type));
    }
  }

  /** Batch losses of the running epoch; throws on the first non-finite one. */
  private static final class LossTracker implements LossMean.Sink {
    private static final long serialVersionUID = 1L;
    private final int member;
    private int epoch;
    private int step;
    private double sum;
    private long rows;

    LossTracker(int member) {
      this.member = member;
    }

    void startEpoch(int e) {
      epoch = e;
      sum = 0;
      rows = 0;
    }

    double mean() {
      return sum / rows;
    }

    @Override
    public void batch(double loss, long n) {
      step++;
      if (!Double.isFinite(loss)) {
        throw new TrainingDivergedException(member, epoch, step, loss);
      }
      sum += loss * n;
      rows += n;
    }
  }
}
