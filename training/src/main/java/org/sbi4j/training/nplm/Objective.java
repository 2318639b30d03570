package org.sbi4j.training.nplm;

/** A smooth function of a parameter vector that returns its value and gradient together. */
@FunctionalInterface
public interface Objective {
  /** The value at {@code x}; writes ∂/∂x into {@code gradient} (same length as x, overwritten). */
  double valueAndGradient(double[] x, double[] gradient);
}
