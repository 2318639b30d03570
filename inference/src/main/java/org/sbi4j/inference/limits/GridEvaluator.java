package org.sbi4j.inference.limits;

import org.sbi4j.inference.likelihood.LogLikelihood;

/**
 * How a scan gets log L on its grid points: in this JVM ({@link #LOCAL}), or as grid-block tasks on
 * a runner ({@link GridTasks}). Every evaluator returns the same numbers.
 */
@FunctionalInterface
public interface GridEvaluator {
  /** All points at once through the scan's own likelihood. */
  GridEvaluator LOCAL = (source, likelihood, points) -> likelihood.evaluate(points);

  /**
   * log L at every point (g values for g × p points).
   *
   * @param source the method whose likelihood it is (a task re-creates it from its spec)
   * @param likelihood the likelihood built in this JVM
   * @param points the grid points
   */
  double[] evaluate(LimitSource source, LogLikelihood likelihood, double[][] points);
}
