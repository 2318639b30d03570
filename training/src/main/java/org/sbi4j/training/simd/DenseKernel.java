package org.sbi4j.training.simd;

/**
 * The three operations of a dense network's forward pass on a tile of rows, in float32, on padded
 * layouts: every width is a multiple of {@link #PAD} (padded weights and biases are zero) and the
 * row count is a multiple of 4. Two implementations compute the same sums in different orders:
 * {@link ScalarKernel} (plain Java, always available) and {@link VectorKernel} (the Java Vector
 * API, used when the JVM runs with {@code --add-modules jdk.incubator.vector}).
 */
public interface DenseKernel {
  /** Every padded width is a multiple of this (a 512-bit vector holds 16 floats). */
  int PAD = 16;

  /** Rounds {@code width} up to a multiple of {@link #PAD}. */
  static int padded(int width) {
    return (width + PAD - 1) / PAD * PAD;
  }

  /**
   * z = a W + b for {@code rows} rows: a is rows × in, W is in × out row-major, b has out entries
   * (null: zero), z is rows × out (all row-major; out a multiple of {@link #PAD}, rows a multiple
   * of 4, in any).
   */
  void dense(float[] a, int rows, int in, float[] w, float[] b, int out, float[] z);

  /** z += a W, shapes as in {@link #dense}. */
  void denseAdd(float[] a, int rows, int in, float[] w, int out, float[] z);

  /** tanh (or the logistic function when {@code tanh} is false) of v[0, len) in place. */
  void activate(float[] v, int len, boolean tanh);

  /**
   * target[offset + r] += a_r · w + b for r &lt; {@code rows}: the linear output of one unit.
   *
   * @param a rows × in activations
   * @param w in weights
   */
  void output(float[] a, int rows, int in, float[] w, float b, double[] target, int offset);

  /** The fastest kernel this JVM can run. */
  static DenseKernel best() {
    return VectorSupport.AVAILABLE ? VectorKernel.create() : new ScalarKernel();
  }
}
