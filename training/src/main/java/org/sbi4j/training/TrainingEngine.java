package org.sbi4j.training;

/**
 * How an estimator's loss gradients are computed. Both engines implement the same mathematics
 * (docs/math.md §3) and are tested against each other; their weights differ only by float rounding,
 * so a model records which one trained it.
 */
public enum TrainingEngine {
  /**
   * {@link #FUSED} where it applies (any method, float32, the Java Vector API present, ND4J on the
   * CPU), else {@link #SAMEDIFF}.
   */
  AUTO,
  /** The SameDiff graph (any backend, CUDA included; forward-mode tangents in the graph). */
  SAMEDIFF,
  /**
   * One fused pass per batch on the CPU (forward, tangents of ratio networks, loss and reverse
   * mode, register-tiled SIMD products; {@code org.sbi4j.training.internal.FusedRatioNet}); several
   * times faster than SameDiff at batch 128 for dense networks, where SameDiff's per-op overhead
   * dominates.
   */
  FUSED
}
