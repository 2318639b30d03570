package org.sbi4j.training.internal;

import java.util.List;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.listeners.TrainingControl;
import org.sbi4j.training.listeners.TrainingListener;
import org.sbi4j.training.model.Network;

/**
 * The epochs of one training run, whatever computes the gradients ({@link Fitter} on SameDiff,
 * {@link FusedFitter} fused): an epoch, the validation loss, an {@link EpochReport} to every
 * listener, until the epochs are done or a listener asks to stop; then the final (or restored best)
 * weights.
 */
public abstract class EpochLoop implements TrainingControl {
  private String stopReason;
  private long epochNanos;
  private long validationNanos;

  /** One pass over the training rows at learning rate {@code lr}; the mean training loss. */
  protected abstract double trainEpoch(int epoch, double lr);

  /** The mean validation loss now, or NaN without a validation partition. */
  protected abstract double validationLoss();

  /**
   * Runs the epochs and returns the final weights (the best ones when a listener restored them).
   *
   * @param validation validation partition, or null
   */
  public final Network fit(
      Table train,
      Table validation,
      TrainingConfig config,
      int member,
      long seed,
      List<TrainingListener> listeners) {
    prepare(train, validation, config, member, seed);
    try {
      return run(config, member, listeners);
    } finally {
      finish();
    }
  }

  /** Sets up a run of {@link #fit} before its first epoch. */
  protected abstract void prepare(
      Table train, Table validation, TrainingConfig config, int member, long seed);

  /** Releases what {@link #prepare} set up (threads) once {@link #fit} ends, however it ends. */
  protected void finish() {}

  private Network run(TrainingConfig config, int member, List<TrainingListener> listeners) {
    for (int epoch = 0; epoch < config.epochs() && stopReason == null; epoch++) {
      long start = System.nanoTime();
      double lr = config.learningRateAt(epoch);
      double train = trainEpoch(epoch, lr);
      long trained = System.nanoTime();
      double validation = validationLoss();
      long end = System.nanoTime();
      epochNanos += trained - start;
      validationNanos += end - trained;
      EpochReport report =
          new EpochReport(
              member, epoch, config.epochs(), train, validation, lr, (end - start) / 1e9);
      for (TrainingListener l : listeners) {
        l.onEpochEnd(report, this);
      }
    }
    for (TrainingListener l : listeners) {
      l.onTrainingEnd(member, this);
    }
    return snapshot();
  }

  /** Wall time of the training passes of {@link #fit} so far (validation excluded), seconds. */
  public final double epochSeconds() {
    return epochNanos / 1e9;
  }

  /** Wall time of the validation losses of {@link #fit} so far, seconds. */
  public final double validationSeconds() {
    return validationNanos / 1e9;
  }

  /** Why a listener stopped training early, or null. */
  public final String stopReason() {
    return stopReason;
  }

  @Override
  public final void requestStop(String reason) {
    stopReason = reason;
  }
}
