package org.sbi4j.cli.quickstart;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.common.AtomicFiles;

/** Runs the quickstart stages in order and writes {@code report.md} and {@code summary}. */
public final class Quickstart {
  private final Path out;
  private final long seed;
  private final PrintStream progress;

  /**
   * @param out output folder
   * @param seed root seed; every stage derives its own
   * @param progress where progress lines go, or null for silence
   */
  public Quickstart(Path out, long seed, PrintStream progress) {
    this.out = out;
    this.seed = seed;
    this.progress = progress;
  }

  /**
   * CPU time of the whole JVM (every thread, GC and JIT included), in ns: on a loaded machine it
   * says what a stage costs better than the wall time. 0 where the JVM does not report it.
   */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime())
        : 0;
  }

  /** The stages, in pipeline order. */
  static List<Stage> stages() {
    return List.of(
        new MorphingStage(),
        new SimulateStage(),
        new AugmentStage(),
        new TrainStage(),
        new LimitsStage(),
        new DiagnoseStage(),
        new SystematicsStage(),
        new NplmStage());
  }

  /** Runs every stage; returns the JSON summary. */
  public Map<String, Object> run() {
    QuickstartContext context = new QuickstartContext(out, seed);
    context.report("# sbi4j quickstart");
    context.report("");
    List<Stage> stages = stages();
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      if (progress != null) {
        progress.printf(Locale.ROOT, "[%d/%d] %s ...%n", i + 1, stages.size(), stage.name());
      }
      try {
        stage.run(context);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("quickstart stage '" + stage.name() + "' failed: " + e, e);
      }
      if (progress != null) {
        progress.printf(
            Locale.ROOT,
            "      done in %.1f s (CPU %.1f s)%n",
            (System.nanoTime() - start) / 1e9,
            (processCpuNanos() - cpuStart) / 1e9);
      }
    }
    AtomicFiles.writeString(
        out.resolve("report.md"), String.join("\n", context.reportLines()) + "\n");
    if (progress != null) {
      progress.println("report: " + out.resolve("report.md"));
    }
    Map<String, Object> result = new LinkedHashMap<>(context.summary());
    result.put("report", out.resolve("report.md").toString());
    return result;
  }
}
