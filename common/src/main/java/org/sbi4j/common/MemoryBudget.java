package org.sbi4j.common;

import java.util.Locale;

/**
 * Checks, before a large allocation, that an estimated amount of memory fits into what the JVM may
 * still use ({@link Runtime#maxMemory()} less what is in use), so that a huge size given by a user
 * fails with one line naming the size and the fix instead of an {@link OutOfMemoryError}.
 */
public final class MemoryBudget {
  /** How the user raises the JVM's limit with {@code bin/sbi4j}. */
  public static final String RAISE = "or raise the JVM limit, e.g. SBI4J_JAVA_OPTS=-Xmx16g";

  private MemoryBudget() {}

  /** Bytes the JVM may still allocate: its maximum heap less what is in use now. */
  public static long available() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /**
   * Throws an {@link InvalidValueException} for {@code value} unless {@code count} items of about
   * {@code bytesEach} bytes fit into {@link #available()}.
   *
   * @param value the stable name of the value that sets the count
   * @param what what is counted, e.g. "grid points" or "rows"
   * @param reduce how to reduce the count, e.g. "use fewer points per axis"
   */
  public static void require(String value, String what, long count, long bytesEach, String reduce) {
    double bytes = (double) count * bytesEach;
    long available = available();
    if (bytes > available) {
      throw new InvalidValueException(
          value,
          String.format(
              Locale.ROOT,
              "%d %s need about %s of memory (%d bytes each) but the JVM has %s left; %s, %s",
              count,
              what,
              size(bytes),
              bytesEach,
              size(available),
              reduce,
              RAISE));
    }
  }

  /** {@code bytes} as B, KiB, MiB, GiB or TiB with 3 significant digits. */
  public static String size(double bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    double v = bytes;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.3g %s", v, units[u]);
  }
}
