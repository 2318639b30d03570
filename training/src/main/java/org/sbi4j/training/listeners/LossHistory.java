package org.sbi4j.training.listeners;

import java.util.ArrayList;
import java.util.List;

/** Records every {@link EpochReport}, in order. */
public final class LossHistory implements TrainingListener {
  private final List<EpochReport> reports = new ArrayList<>();

  @Override
  public void onEpochEnd(EpochReport report, TrainingControl control) {
    reports.add(report);
  }

  /** The reports so far (a copy). */
  public List<EpochReport> reports() {
    return List.copyOf(reports);
  }
}
