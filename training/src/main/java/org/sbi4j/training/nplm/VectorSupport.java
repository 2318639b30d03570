package org.sbi4j.training.nplm;

/**
 * Whether the Java Vector API ({@code jdk.incubator.vector}) is in the boot layer: the launcher,
 * the tests and {@code spark-submit} add it with {@code --add-modules jdk.incubator.vector}; a JVM
 * without it uses {@link FusedLoss}'s plain-Java loops (same sums to rounding).
 */
final class VectorSupport {
  static final boolean AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private VectorSupport() {}
}
