package org.sbi4j.training.listeners;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.sbi4j.common.Progress;

/**
 * Reports every finished epoch of every ensemble member to a {@link Progress} over members ×
 * epochs; a member stopped early reports its epochs left when it ends, so the total is reached.
 * Members may train on several threads at once.
 */
public final class EpochProgress implements TrainingListener {
  private final Progress progress;
  private final int epochs;
  private final ConcurrentMap<Integer, Integer> done = new ConcurrentHashMap<>();

  /**
   * @param progress where the epochs are counted
   * @param epochs epochs configured per member
   */
  public EpochProgress(Progress progress, int epochs) {
    this.progress = progress;
    this.epochs = epochs;
  }

  @Override
  public void onEpochEnd(EpochReport report, TrainingControl control) {
    done.merge(report.member(), 1, Integer::sum);
    progress.step();
  }

  @Override
  public void onTrainingEnd(int member, TrainingControl control) {
    int left = epochs - done.getOrDefault(member, 0);
    if (left > 0) {
      progress.step(left);
    }
  }
}
