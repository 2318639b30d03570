package org.sbi4j.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** Every task of every job runs exactly once, failures reach the caller, close falls back. */
class ChunkPoolTest {
  @Test
  void runsEveryTaskOnceAcrossManyJobs() {
    try (ChunkPool pool = ChunkPool.start(3)) {
      assertEquals(3, pool.threads());
      // Many short jobs back to back: the hand-over between jobs, where a worker may still be
      // leaving the previous job, is where a task could be lost or run twice.
      for (int job = 0; job < 2000; job++) {
        int n = 1 + job % 7;
        AtomicIntegerArray runs = new AtomicIntegerArray(n);
        AtomicIntegerArray thread = new AtomicIntegerArray(n);
        pool.run(
            n,
            (i, t) -> {
              runs.incrementAndGet(i);
              thread.set(i, t);
            });
        for (int i = 0; i < n; i++) {
          assertEquals(1, runs.get(i), "job " + job + " task " + i);
          assertEquals(true, thread.get(i) >= 0 && thread.get(i) < 3, "thread index");
        }
      }
    }
  }

  @Test
  void aFailingTaskFailsTheRun() {
    try (ChunkPool pool = ChunkPool.start(2)) {
      IllegalStateException boom = new IllegalStateException("boom");
      AtomicIntegerArray runs = new AtomicIntegerArray(8);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  pool.run(
                      8,
                      (i, t) -> {
                        runs.incrementAndGet(i);
                        if (i == 5) {
                          throw boom;
                        }
                      }));
      assertSame(boom, e);
      for (int i = 0; i < 8; i++) {
        assertEquals(1, runs.get(i), "the other tasks still ran once");
      }
      // The pool stays usable.
      AtomicIntegerArray again = new AtomicIntegerArray(4);
      pool.run(4, (i, t) -> again.incrementAndGet(i));
      assertEquals(4, again.get(0) + again.get(1) + again.get(2) + again.get(3));
    }
  }

  @Test
  void afterCloseTheCallerRunsEverything() {
    ChunkPool pool = ChunkPool.start(2);
    pool.close();
    AtomicIntegerArray thread = new AtomicIntegerArray(5);
    for (int i = 0; i < 5; i++) {
      thread.set(i, -1);
    }
    pool.run(5, (i, t) -> thread.set(i, t));
    for (int i = 0; i < 5; i++) {
      assertEquals(0, thread.get(i));
    }
    assertThrows(IllegalArgumentException.class, () -> ChunkPool.start(0));
  }
}
