package org.sbi4j.training.nplm;

/** Which implementation computes the NPLM loss and its gradient. */
public enum NplmEngine {
  /** Plain-Java fused forward/loss/backward over the rows, for dense networks (the default). */
  FUSED,
  /** ND4J/SameDiff: the general path, CUDA where the backend supports the GPU. */
  ND4J
}
