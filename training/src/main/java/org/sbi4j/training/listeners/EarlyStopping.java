package org.sbi4j.training.listeners;

import org.sbi4j.training.model.Network;

/**
 * Keeps a copy of the weights of the epoch with the lowest validation loss and restores it when
 * training ends; with {@code patience > 0} also stops a member after that many epochs without a new
 * best. Epochs without a finite validation loss never count as best.
 */
public final class EarlyStopping implements TrainingListener {
  private final int patience;
  private Network best;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch = -1;
  private int member = -1;

  /**
   * @param patience epochs without improvement before stopping; 0 never stops early
   */
  public EarlyStopping(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience = " + patience + " must be ≥ 0");
    }
    this.patience = patience;
  }

  @Override
  public void onEpochEnd(EpochReport report, TrainingControl control) {
    if (report.member() != member) {
      member = report.member();
      best = null;
      bestLoss = Double.POSITIVE_INFINITY;
      bestEpoch = -1;
    }
    if (report.validationLoss() < bestLoss) {
      bestLoss = report.validationLoss();
      bestEpoch = report.epoch();
      best = control.snapshot();
    } else if (patience > 0 && report.epoch() - bestEpoch >= patience) {
      control.requestStop("no better validation loss for " + patience + " epochs");
    }
  }

  @Override
  public void onTrainingEnd(int member, TrainingControl control) {
    if (best != null && member == this.member) {
      control.restore(best);
    }
  }

  /** The epoch whose weights were kept (−1 before any). */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** Its validation loss. */
  public double bestLoss() {
    return bestLoss;
  }
}
