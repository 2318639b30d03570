package org.sbi4j.testing;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM process (all threads, GC and JIT included): what the benchmark harnesses
 * divide by besides wall time, because it is far less sensitive to other processes' load.
 */
public final class ProcessCpu {
  private ProcessCpu() {}

  /** Process CPU time in nanoseconds. */
  public static long nanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
