package org.sbi4j.common;

/**
 * Where long work reports how far it got: the library calls it, the command line draws a bar (or
 * nothing, when not on a terminal or with {@code --quiet}). Implementations must be thread-safe:
 * tasks on several threads report to one instance.
 */
public interface Progress extends AutoCloseable {
  /** Progress that reports nowhere. */
  Progress NONE =
      new Progress() {
        @Override
        public void step(long n) {}

        @Override
        public void close() {}
      };

  /** {@code n} more units of the work are done. */
  void step(long n);

  /** One more unit is done. */
  default void step() {
    step(1);
  }

  /** The work is over (the bar, if any, is finished and released). */
  @Override
  void close();
}
