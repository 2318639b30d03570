package org.sbi4j.inference.internal;

/**
 * Whether the Java Vector API ({@code jdk.incubator.vector}) is in the boot layer: the launcher,
 * the tests and {@code spark-submit} add it with {@code --add-modules jdk.incubator.vector}; a JVM
 * without it falls back to {@link ScalarKernel} (same results to float rounding).
 */
final class VectorSupport {
  static final boolean AVAILABLE =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private VectorSupport() {}
}
