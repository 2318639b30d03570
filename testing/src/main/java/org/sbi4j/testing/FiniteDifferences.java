package org.sbi4j.testing;

import java.util.function.ToDoubleFunction;

/** Numerical derivatives the tests check analytic gradients against. */
public final class FiniteDifferences {
  private FiniteDifferences() {}

  /**
   * The central difference (f(a + h e_k) − f(a − h e_k)) / 2h of {@code f} at {@code at} along
   * coordinate {@code k}; {@code at} is left unchanged, f(up) is evaluated before f(down).
   */
  public static double central(ToDoubleFunction<double[]> f, double[] at, int k, double h) {
    double[] up = at.clone();
    double[] down = at.clone();
    up[k] += h;
    down[k] -= h;
    return (f.applyAsDouble(up) - f.applyAsDouble(down)) / (2 * h);
  }
}
