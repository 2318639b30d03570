package org.sbi4j.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.Seeds;
import org.sbi4j.common.TaskRunner;

class SparkTaskRunnerTest {
  private static SparkTaskRunner spark;

  @BeforeAll
  static void start() {
    // local[2,2]: two threads, and every task may be attempted twice
    spark = SparkTaskRunner.connect("local[2,2]", "sbi4j-test");
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  @Test
  void sameResultsAsTheLocalRunnerInTaskOrder() {
    List<Long> inputs = new ArrayList<>();
    for (long k = 0; k < 12; k++) {
      inputs.add(k);
    }
    TaskRunner.Task<Long, Long> task = k -> Seeds.derive(2024, k);
    try (LocalTaskRunner local = new LocalTaskRunner(2)) {
      assertEquals(local.map(inputs, task), spark.map(inputs, task));
    }
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndTheResultIsComplete() {
    List<Integer> inputs = List.of(0, 1, 2, 3, 4, 5);
    List<Integer> out =
        spark.map(
            inputs,
            k -> {
              if (k == 3 && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("simulated executor failure on the first attempt");
              }
              return k * k;
            });
    assertEquals(List.of(0, 1, 4, 9, 16, 25), out);
  }

  @Test
  void badInputSurfacesAsIllegalArgument() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                spark.map(
                    List.of(1),
                    k -> {
                      throw new IllegalArgumentException("toy 1: data file is empty");
                    }));
    assertEquals("toy 1: data file is empty", e.getMessage());
  }
}
