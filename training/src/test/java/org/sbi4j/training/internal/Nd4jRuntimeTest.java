package org.sbi4j.training.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jRuntimeTest {
  @Test
  void backendNamedWithoutStartingNd4jIsTheOneNd4jStarts() {
    // The name comes from the classpath's backend declarations; ND4J itself must agree.
    String named = Nd4jRuntime.backend();
    assertEquals(Nd4j.getBackend().getClass().getSimpleName(), named);
  }
}
