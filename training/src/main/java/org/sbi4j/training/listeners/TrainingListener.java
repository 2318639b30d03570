package org.sbi4j.training.listeners;

/** Observes a training run; both methods do nothing by default. */
public interface TrainingListener {
  /** Called after every epoch of every ensemble member. */
  default void onEpochEnd(EpochReport report, TrainingControl control) {}

  /** Called once when a member's training ends (after its last epoch or a stop request). */
  default void onTrainingEnd(int member, TrainingControl control) {}
}
