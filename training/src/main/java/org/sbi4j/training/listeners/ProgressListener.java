package org.sbi4j.training.listeners;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one line per epoch to a stream (stderr in the CLI, so stdout stays for JSON). */
public final class ProgressListener implements TrainingListener {
  private final PrintStream out;

  public ProgressListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onEpochEnd(EpochReport r, TrainingControl control) {
    out.printf(
        Locale.ROOT,
        "member %d epoch %d/%d: train loss %.5g, validation loss %.5g, " + "lr %.3g, %.1f s%n",
        r.member(),
        r.epoch() + 1,
        r.epochs(),
        r.trainingLoss(),
        r.validationLoss(),
        r.learningRate(),
        r.seconds());
  }
}
