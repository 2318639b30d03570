package org.sbi4j.training.losses;

import java.io.Serializable;
import java.util.List;
import org.nd4j.evaluation.BaseEvaluation;
import org.nd4j.evaluation.IMetric;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Receives the batch loss during SameDiff's {@code fit} (registered as a "train evaluation" of the
 * loss variable, which is what makes SameDiff M2.1 evaluate the loss at all: reverse mode alone
 * never computes the final mean) and accumulates its row-weighted mean. A non-finite batch loss is
 * reported to the {@link Sink} at once.
 */
public final class LossMean extends BaseEvaluation<LossMean> {
  private static final long serialVersionUID = 1L;

  /** Where batch losses go. */
  public interface Sink extends Serializable {
    void batch(double loss, long rows);
  }

  private final transient Sink sink;

  public LossMean(Sink sink) {
    this.sink = sink;
  }

  @Override
  public void eval(INDArray labels, INDArray predictions) {
    record(labels, predictions);
  }

  @Override
  public void eval(INDArray labels, INDArray predictions, List<? extends Serializable> meta) {
    record(labels, predictions);
  }

  @Override
  public void eval(INDArray labels, INDArray predictions, INDArray mask) {
    record(labels, predictions);
  }

  @Override
  public void eval(
      INDArray labels, INDArray predictions, INDArray mask, List<? extends Serializable> meta) {
    record(labels, predictions);
  }

  private void record(INDArray labels, INDArray loss) {
    if (sink != null) {
      sink.batch(loss.getDouble(0), labels.size(0));
    }
  }

  @Override
  public void merge(LossMean other) {
    // each fit has one instance; nothing to merge
  }

  @Override
  public void reset() {
    // the sink owns the running sums
  }

  @Override
  public String stats() {
    return "batch loss tracker";
  }

  @Override
  public double getValue(IMetric metric) {
    return Double.NaN;
  }

  @Override
  public LossMean newInstance() {
    return new LossMean(sink);
  }
}
