package org.sbi4j.training.model;

import org.nd4j.linalg.api.buffer.DataType;

/** Floating-point type of the network's weights and arithmetic. */
public enum Precision {
  /** 32-bit floats: the default, about twice as fast on the CPU. */
  FLOAT32(DataType.FLOAT),
  /** 64-bit floats: for gradient checks and when float32 rounding matters. */
  FLOAT64(DataType.DOUBLE);

  private final DataType dataType;

  Precision(DataType dataType) {
    this.dataType = dataType;
  }

  /** The ND4J data type. */
  public DataType dataType() {
    return dataType;
  }
}
