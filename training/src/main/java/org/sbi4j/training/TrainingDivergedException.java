package org.sbi4j.training;

import java.util.Locale;

/**
 * Training produced a non-finite loss. It is a bad-input condition in practice (learning rate too
 * high, extreme targets, unscaled inputs), so the CLI reports it with exit code 2 and one line.
 */
public final class TrainingDivergedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param member ensemble member
   * @param epoch epoch (0-based)
   * @param iteration gradient step within the run
   * @param loss the non-finite value
   */
  public TrainingDivergedException(int member, int epoch, int iteration, double loss) {
    super(
        String.format(
            Locale.ROOT,
            "training diverged: loss is %s at member %d, epoch %d, step %d; lower learningRate, set "
                + "gradientClip (e.g. 1.0) or check the training sample for extreme log_r_xz/t_xz0 "
                + "values",
            loss,
            member,
            epoch + 1,
            iteration));
  }
}
