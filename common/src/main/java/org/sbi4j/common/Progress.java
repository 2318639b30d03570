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

  /**
   * Opens a {@link Progress} for work whose size the library learns only once it has started (the
   * command line's implementation draws a bar).
   */
  @FunctionalInterface
  interface Factory {
    /** Opens no progress at all. */
    Factory NONE = (task, total, unit) -> Progress.NONE;

    /**
     * Progress of {@code task} over {@code total} units named {@code unit} ({@code -1}: unknown).
     */
    Progress start(String task, long total, String unit);
  }

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
