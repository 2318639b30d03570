package org.sbi4j.inference.protomodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.sbi4j.common.LocalTaskRunner;

/**
 * The resumption check the builder tests share: a walk cut short and resumed ends as a straight
 * one.
 */
final class ResumedWalks {
  private ResumedWalks() {}

  /**
   * Runs {@code shortRun} into {@code checkpoints} on one thread, resumes it to {@code fullRun} on
   * {@code resumeThreads} threads, runs {@code fullRun} straight on one thread, and asserts that
   * every walker's trajectory, best and current state and accepted count agree exactly.
   *
   * @return the straight run's walkers
   */
  static List<WalkerState> assertResumeMatchesStraight(
      DatabaseSource source,
      BuildConfig shortRun,
      BuildConfig fullRun,
      Path checkpoints,
      int resumeThreads) {
    List<WalkerState> straight;
    List<WalkerState> continued;
    try (LocalTaskRunner one = new LocalTaskRunner(1);
        LocalTaskRunner resume = new LocalTaskRunner(resumeThreads)) {
      Builder.run(source, shortRun, checkpoints, one, false);
      continued = Builder.run(source, fullRun, checkpoints, resume, false);
      straight = Builder.run(source, fullRun, null, one, false);
    }
    assertEquals(straight.size(), continued.size());
    for (int w = 0; w < straight.size(); w++) {
      assertArrayEquals(straight.get(w).trajectory(), continued.get(w).trajectory());
      assertEquals(straight.get(w).best(), continued.get(w).best());
      assertEquals(straight.get(w).current(), continued.get(w).current());
      assertEquals(straight.get(w).accepted(), continued.get(w).accepted());
    }
    return straight;
  }
}
