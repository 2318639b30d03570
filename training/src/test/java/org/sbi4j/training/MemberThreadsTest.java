package org.sbi4j.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;

/**
 * The cores of a run are shared among the members that train at once, never oversubscribed: threads
 * per member = N / min(K, N) for K members on N local threads (at least 1), all processors without
 * a runner (members one after the other), 1 on a cluster runner.
 */
class MemberThreadsTest {
  @Test
  void membersShareTheRunnersThreads() {
    try (LocalTaskRunner four = new LocalTaskRunner(4)) {
      assertEquals(4, Trainer.memberThreads(four, 1), "one member: all 4");
      assertEquals(2, Trainer.memberThreads(four, 2), "2 members at once: 2 each");
      assertEquals(1, Trainer.memberThreads(four, 3), "3 at once: 4/3 rounds down to 1");
      assertEquals(1, Trainer.memberThreads(four, 10), "4 at once: 1 each");
    }
    try (LocalTaskRunner one = new LocalTaskRunner(1)) {
      assertEquals(1, Trainer.memberThreads(one, 1));
    }
    assertEquals(Runtime.getRuntime().availableProcessors(), Trainer.memberThreads(null, 5));
    assertEquals(1, Trainer.memberThreads(new SerializingRunner(), 1), "Spark-like runner");
  }
}
