package org.sbi4j.training.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Persistent worker threads for the chunks of one training run's batches: {@link #run} hands the
 * tasks 0 … n−1 of one job to the caller and the workers, which take them in turn from a shared
 * counter, and returns when all are done. The workers stay alive between jobs (about a thousand per
 * epoch): after a job each waits busy for the next one (a spin of a few µs, then yields), and parks
 * after 50 µs until {@link #run} wakes it, so a job costs no thread or task creation. Which thread
 * runs a task changes from run to run; callers make the result independent of it (each task writes
 * its own buffers, reduced in task order). With no workers, {@link #run} runs every task in the
 * calling thread.
 */
final class ChunkPool implements AutoCloseable {
  /** What one task does: task {@code index} of the job, on thread {@code thread} (0: caller). */
  @FunctionalInterface
  interface Task {
    void run(int index, int thread);
  }

  /**
   * How long an idle thread waits busy before it parks (the gap between two batches is shorter).
   */
  private static final long SPIN_NANOS = 50_000;

  /** How long of that it spins on the CPU; after it, it yields to other runnable threads. */
  private static final long PAUSE_NANOS = 5_000;

  private static final Job CLOSED = new Job(0, (i, t) -> {});
  private final Thread[] workers;
  private final AtomicIntegerArray parked;
  private volatile Thread caller;
  private volatile Job job;
  private volatile boolean callerParked;

  private ChunkPool(int threads) {
    workers = new Thread[threads - 1];
    parked = new AtomicIntegerArray(threads - 1);
    for (int w = 0; w < workers.length; w++) {
      int index = w + 1;
      workers[w] = new Thread(() -> work(index), "sbi4j-chunk-" + index);
      workers[w].setDaemon(true);
      workers[w].start();
    }
  }

  /**
   * A pool of {@code threads} threads, the one calling {@link #run} included: threads − 1 workers.
   */
  static ChunkPool start(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + " must be at least 1");
    }
    return new ChunkPool(threads);
  }

  /** Threads that run tasks, the caller included. */
  int threads() {
    return workers.length + 1;
  }

  /** Runs tasks 0 … {@code n}−1 and returns when all have finished; rethrows a task's failure. */
  void run(int n, Task task) {
    if (n <= 1 || workers.length == 0 || job == CLOSED) {
      for (int i = 0; i < n; i++) {
        task.run(i, 0);
      }
      return;
    }
    caller = Thread.currentThread();
    Job j = new Job(n, task);
    job = j;
    for (int w = 0; w < workers.length; w++) {
      if (parked.get(w) != 0) {
        LockSupport.unpark(workers[w]);
      }
    }
    j.drain(0, this);
    long since = System.nanoTime();
    while (j.done.get() < n) {
      long waited = System.nanoTime() - since;
      if (waited < SPIN_NANOS) {
        pause(waited);
      } else {
        callerParked = true;
        if (j.done.get() < n) {
          LockSupport.parkNanos(this, 1_000_000);
        }
        callerParked = false;
      }
    }
    Throwable failure = j.failure;
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }

  private void work(int index) {
    Job seen = null;
    long since = System.nanoTime();
    while (true) {
      Job j = job;
      if (j == CLOSED) {
        return;
      }
      if (j != null && j != seen) {
        seen = j;
        j.drain(index, this);
        since = System.nanoTime();
      } else if (System.nanoTime() - since < SPIN_NANOS) {
        pause(System.nanoTime() - since);
      } else {
        parked.set(index - 1, 1);
        if (job == seen) {
          LockSupport.park(this);
        }
        parked.set(index - 1, 0);
        since = System.nanoTime();
      }
    }
  }

  /**
   * One step of a busy wait that has lasted {@code waited} ns: a CPU spin hint at first, then a
   * yield, so that on a loaded machine the wait gives the core to threads with work.
   */
  private static void pause(long waited) {
    if (waited < PAUSE_NANOS) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
  }

  /** Wakes the caller after the last task of a job. */
  private void finished() {
    if (callerParked) {
      LockSupport.unpark(caller);
    }
  }

  /** Stops the workers (they finish no further job); later {@link #run}s use the caller alone. */
  @Override
  public void close() {
    job = CLOSED;
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
  }

  /** One job: its tasks, the next one to take, how many have finished, the first failure. */
  private static final class Job {
    final int tasks;
    final Task task;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    volatile Throwable failure;

    Job(int tasks, Task task) {
      this.tasks = tasks;
      this.task = task;
    }

    void drain(int thread, ChunkPool pool) {
      for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
        try {
          task.run(i, thread);
        } catch (Throwable t) {
          if (failure == null) {
            failure = t;
          }
        }
        if (done.incrementAndGet() == tasks) {
          pool.finished();
        }
      }
    }
  }
}
