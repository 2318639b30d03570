package org.sbi4j.training.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.sbi4j.training.model.Precision;

/**
 * ND4J settings that sbi4j relies on, applied idempotently before any graph is built: op profiling
 * off (ND4J is 2–3× slower with its default profiling on small networks). The thread count is
 * OMP_NUM_THREADS, which the launcher and the test configuration set to 1; with one thread and
 * explicit data types, training on the CPU is bit-for-bit reproducible.
 */
public final class Nd4jRuntime {
  private static final Object LOCK = new Object();

  private Nd4jRuntime() {}

  /** Applies the settings (cheap after the first call). */
  public static void configure() {
    Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
  }

  /** The ND4J data type of {@code precision} (the model package itself needs no ND4J). */
  public static DataType dataType(Precision precision) {
    return precision == Precision.FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
  }

  /**
   * The backend's name, e.g. "CpuBackend" or "JCublasBackend" (for provenance and the engine
   * choice). When the classpath offers ND4J no backend but the CPU one, that is the answer without
   * starting ND4J (seconds of native-library loading that a run on the fused engine never needs);
   * otherwise ND4J is started and asked.
   */
  public static String backend() {
    String only = CPU_ONLY ? CPU_BACKEND.substring(CPU_BACKEND.lastIndexOf('.') + 1) : null;
    return only != null ? only : Nd4j.getBackend().getClass().getSimpleName();
  }

  private static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

  /** Whether every ND4J backend the classpath declares (as a service) is the CPU backend. */
  private static final boolean CPU_ONLY = cpuOnly();

  private static boolean cpuOnly() {
    String service = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";
    ClassLoader loader = Nd4jRuntime.class.getClassLoader();
    int backends = 0;
    try {
      for (java.net.URL url : java.util.Collections.list(loader.getResources(service))) {
        try (java.io.InputStream in = url.openStream()) {
          for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            String name = line.replaceAll("#.*", "").trim();
            if (name.isEmpty()) {
              continue;
            }
            if (!name.equals(CPU_BACKEND)) {
              return false;
            }
            backends++;
          }
        }
      }
    } catch (java.io.IOException e) {
      return false;
    }
    return backends > 0;
  }

  /**
   * Builds the reverse-mode graph of {@code sd} now. SameDiff prints one "Added differentiated op"
   * line per op to System.out while doing so; those lines are filtered out (everything else printed
   * meanwhile passes through), so that JSON written to stdout stays parseable.
   */
  public static void createGradients(SameDiff sd) {
    synchronized (LOCK) {
      PrintStream original = System.out;
      System.setOut(new FilteringStream(original));
      try {
        sd.createGradFunction();
      } finally {
        System.setOut(original);
      }
    }
  }

  /** Drops the lines SameDiff prints while differentiating; passes on the rest. */
  private static final class FilteringStream extends PrintStream {
    private final PrintStream target;

    FilteringStream(PrintStream target) {
      super(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      this.target = target;
    }

    @Override
    public void println(String line) {
      if (line == null || !line.startsWith("Added differentiated op")) {
        target.println(line);
      }
    }

    @Override
    public void print(String s) {
      target.print(s);
    }

    @Override
    public void write(byte[] buf, int off, int len) {
      target.write(buf, off, len);
    }

    @Override
    public void write(int b) {
      target.write(b);
    }
  }
}
