package org.sbi4j.training.internal;

import org.junit.jupiter.api.BeforeAll;

/**
 * The sizes the graph tests share: p = 2 parameters, d = 3 observables and a batch of 7 rows (not a
 * multiple of 4), with ND4J configured once before them.
 */
abstract class SmallBatchTest {
  static final int P = 2;
  static final int D = 3;
  static final int B = 7;

  @BeforeAll
  static void configureNd4j() {
    Nd4jRuntime.configure();
  }
}
