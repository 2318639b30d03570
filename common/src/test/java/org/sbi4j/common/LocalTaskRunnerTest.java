package org.sbi4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTaskRunnerTest {
  @Test
  void resultsComeBackInTaskOrderWhateverTheThreadCount() {
    List<Long> inputs = new ArrayList<>();
    for (long k = 0; k < 40; k++) {
      inputs.add(k);
    }
    TaskRunner.Task<Long, Long> task = k -> Seeds.derive(99, k);
    try (LocalTaskRunner one = new LocalTaskRunner(1);
        LocalTaskRunner four = new LocalTaskRunner(4)) {
      assertEquals(one.map(inputs, task), four.map(inputs, task));
    }
  }

  @Test
  void badInputInATaskIsReportedAsSuch() {
    try (LocalTaskRunner r = new LocalTaskRunner(2)) {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  r.map(
                      List.of(1, 2, 3),
                      k -> {
                        if (k == 2) {
                          throw new IllegalArgumentException("task 2 rejects its input");
                        }
                        return k;
                      }));
      assertEquals("task 2 rejects its input", e.getMessage());
    }
  }

  @Test
  void derivedSeedsDifferAndAreStable() {
    assertEquals(Seeds.derive(1, 2, 3), Seeds.derive(1, 2, 3));
    assertNotEquals(Seeds.derive(1, 2, 3), Seeds.derive(1, 3, 2));
    assertNotEquals(Seeds.derive(1, 0), Seeds.derive(2, 0));
  }
}
