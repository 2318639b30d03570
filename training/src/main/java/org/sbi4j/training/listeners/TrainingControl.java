package org.sbi4j.training.listeners;

import org.sbi4j.training.model.Network;

/** What a listener may do to the training run it observes. */
public interface TrainingControl {
  /** A real copy of the current weights (later training does not change it). */
  Network snapshot();

  /** Overwrites the current weights with {@code weights} (from {@link #snapshot()}). */
  void restore(Network weights);

  /** Asks the trainer to stop after this epoch; {@code reason} goes into the history. */
  void requestStop(String reason);
}
