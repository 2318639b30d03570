package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.Progress;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.training.listeners.EpochProgress;
import org.sbi4j.training.listeners.EpochReport;

/** What the progress bars are told: one step per task, per epoch; the total is always reached. */
class ProgressWiringTest {
  /** A progress that counts its steps and remembers whether it was closed. */
  static final class Counting implements Progress {
    final AtomicLong steps = new AtomicLong();
    final long total;
    boolean closed;

    Counting(long total) {
      this.total = total;
    }

    @Override
    public void step(long n) {
      steps.addAndGet(n);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void everyTaskOfEveryMapIsOneStep() {
    List<Counting> opened = new ArrayList<>();
    Progress.Factory bars =
        (task, total, unit) -> {
          Counting c = new Counting(total);
          opened.add(c);
          return c;
        };
    try (TaskRunner tasks = Bars.counted("mine", new LocalTaskRunner(2), bars)) {
      List<Integer> in = IntStream.range(0, 25).boxed().toList();
      List<Integer> out = tasks.map(in, k -> k * k);
      assertEquals(IntStream.range(0, 25).map(k -> k * k).boxed().toList(), out);
      tasks.map(List.of(1, 2, 3), k -> k);
      assertEquals(2, tasks.parallelism());
    }
    assertEquals(2, opened.size());
    assertEquals(25, opened.get(0).total);
    assertEquals(25, opened.get(0).steps.get());
    assertEquals(3, opened.get(1).steps.get());
    assertEquals(true, opened.get(0).closed && opened.get(1).closed);
  }

  @Test
  void epochsOfAllMembersReachTheTotalAlsoWhenStoppedEarly() {
    Counting c = new Counting(2 * 5);
    EpochProgress listener = new EpochProgress(c, 5);
    // member 0 stops after 3 of 5 epochs (early stopping), member 1 trains all 5
    for (int e = 0; e < 3; e++) {
      listener.onEpochEnd(new EpochReport(0, e, 5, 1, 1, 1e-3, 0.1), null);
    }
    listener.onTrainingEnd(0, null);
    assertEquals(5, c.steps.get());
    for (int e = 0; e < 5; e++) {
      listener.onEpochEnd(new EpochReport(1, e, 5, 1, 1, 1e-3, 0.1), null);
    }
    listener.onTrainingEnd(1, null);
    assertEquals(10, c.steps.get());
  }
}
