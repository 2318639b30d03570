package org.sbi4j.training.model;

/** Floating-point type of the network's weights and arithmetic. */
public enum Precision {
  /** 32-bit floats: the default, about twice as fast on the CPU. */
  FLOAT32,
  /** 64-bit floats: for gradient checks and when float32 rounding matters. */
  FLOAT64
}
