package org.sbi4j.training.internal;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Wraps an updater so that each weight array's gradient g is rescaled to g·c/‖g‖₂ when its L2 norm
 * exceeds c, before the wrapped rule (Adam, AMSGrad) sees it.
 */
public final class ClippingUpdater implements IUpdater {
  private static final long serialVersionUID = 1L;
  private final IUpdater delegate;
  private final double maxNorm;

  public ClippingUpdater(IUpdater delegate, double maxNorm) {
    this.delegate = delegate;
    this.maxNorm = maxNorm;
  }

  @Override
  public long stateSize(long numParams) {
    return delegate.stateSize(numParams);
  }

  @Override
  public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
    return new Clipping(delegate.instantiate(viewArray, initializeViewArray));
  }

  @Override
  public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initialize) {
    return new Clipping(delegate.instantiate(updaterState, initialize));
  }

  @Override
  public IUpdater clone() {
    return new ClippingUpdater(delegate.clone(), maxNorm);
  }

  @Override
  public double getLearningRate(int iteration, int epoch) {
    return delegate.getLearningRate(iteration, epoch);
  }

  @Override
  public boolean hasLearningRate() {
    return delegate.hasLearningRate();
  }

  @Override
  public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
    delegate.setLrAndSchedule(lr, lrSchedule);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClippingUpdater c && c.maxNorm == maxNorm && c.delegate.equals(delegate);
  }

  @Override
  public int hashCode() {
    return delegate.hashCode() * 31 + Double.hashCode(maxNorm);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private final class Clipping implements GradientUpdater {
    private final GradientUpdater inner;

    Clipping(GradientUpdater inner) {
      this.inner = inner;
    }

    @Override
    public IUpdater getConfig() {
      return ClippingUpdater.this;
    }

    @Override
    public void setState(Map state, boolean initialize) {
      inner.setState(state, initialize);
    }

    @Override
    public Map getState() {
      return inner.getState();
    }

    @Override
    public void setStateViewArray(INDArray view, long[] shape, char order, boolean init) {
      inner.setStateViewArray(view, shape, order, init);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
      double norm = gradient.norm2Number().doubleValue();
      if (norm > maxNorm) {
        gradient.muli(maxNorm / norm);
      }
      inner.applyUpdater(gradient, iteration, epoch);
    }
  }
}
