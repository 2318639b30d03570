package org.sbi4j.common;

import java.io.Serializable;
import java.util.List;

/**
 * Runs independent tasks (NPLM toys, ensemble members, mining chunks, limit-grid blocks) and
 * returns their results in task order. Each task carries everything it needs, its seed included
 * (derived with {@link Seeds#derive}), so the results do not depend on which runner executes them:
 * {@link LocalTaskRunner} on local threads, or the Spark runner of the {@code distributed} module
 * on a cluster.
 */
public interface TaskRunner extends AutoCloseable {
  /** A serializable function of one task's input. */
  @FunctionalInterface
  interface Task<T, R> extends Serializable {
    R apply(T input) throws Exception;
  }

  /**
   * Applies {@code task} to every input; results are in input order.
   *
   * @throws IllegalArgumentException when a task rejects its input
   * @throws IllegalStateException when a task fails (after the runner's retries)
   */
  <T extends Serializable, R extends Serializable> List<R> map(List<T> inputs, Task<T, R> task);

  /** Number of tasks that can run at once. */
  int parallelism();

  @Override
  void close();
}
