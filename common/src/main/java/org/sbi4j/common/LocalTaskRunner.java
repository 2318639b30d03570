package org.sbi4j.common;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks on a fixed pool of local threads (default: one per core). */
public final class LocalTaskRunner implements TaskRunner {
  private final int threads;
  private final ExecutorService pool;

  /**
   * @param threads number of worker threads, ≥ 1
   */
  public LocalTaskRunner(int threads) {
    this.threads = Check.positive("threads", threads);
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "sbi4j-task");
              t.setDaemon(true);
              return t;
            });
  }

  /** One thread per available core. */
  public static LocalTaskRunner perCore() {
    return new LocalTaskRunner(Runtime.getRuntime().availableProcessors());
  }

  @Override
  public <T extends Serializable, R extends Serializable> List<R> map(
      List<T> inputs, Task<T, R> task) {
    List<Future<R>> futures = new ArrayList<>(inputs.size());
    for (T input : inputs) {
      futures.add(pool.submit(() -> task.apply(input)));
    }
    List<R> out = new ArrayList<>(inputs.size());
    try {
      for (Future<R> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for tasks", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("a task failed: " + cause, cause);
    }
    return out;
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
