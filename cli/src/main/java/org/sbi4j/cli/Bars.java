package org.sbi4j.cli;

import java.io.PrintStream;
import java.io.Serializable;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.sbi4j.common.Progress;
import org.sbi4j.common.TaskRunner;
import picocli.CommandLine.Option;

/**
 * The {@code --quiet} option and the terminal progress bars of long commands. A bar is drawn on
 * stderr only when stderr is a terminal and {@code --quiet} is absent, so that logs, pipes and
 * tests see no bar at all.
 */
public final class Bars implements Progress.Factory {
  @Option(names = "--quiet", description = "Show no progress bars.")
  boolean quiet;

  /** A bar named {@code task} over {@code total} units ({@code -1}: unknown total). */
  public Progress start(String task, long total) {
    return start(task, total, "");
  }

  /** As {@link #start(String, long)}, with the unit's name shown beside the counts. */
  @Override
  public Progress start(String task, long total, String unit) {
    if (quiet || System.console() == null) {
      return Progress.NONE;
    }
    return bar(task, total, unit, System.err);
  }

  /**
   * {@code runner} reporting each finished task of every {@code map} to a bar named {@code task}
   * (tasks as the unit); {@code runner} itself where no bar is drawn, or where tasks leave this JVM
   * (Spark: a bar cannot travel with them).
   */
  TaskRunner tasks(String task, TaskRunner runner, boolean local) {
    if (!local || quiet || System.console() == null) {
      return runner;
    }
    return counted(task, runner, this);
  }

  /** {@code runner} reporting each finished task of every {@code map} to a new {@code bars}. */
  static TaskRunner counted(String task, TaskRunner runner, Progress.Factory bars) {
    return new TaskRunner() {
      @Override
      public <T extends Serializable, R extends Serializable> List<R> map(
          List<T> inputs, Task<T, R> work) {
        try (Progress p = bars.start(task, inputs.size(), "tasks")) {
          return runner.map(
              inputs,
              in -> {
                R r = work.apply(in);
                p.step();
                return r;
              });
        }
      }

      @Override
      public int parallelism() {
        return runner.parallelism();
      }

      @Override
      public void close() {
        runner.close();
      }
    };
  }

  /** A bar drawn on {@code out} whatever the terminal (for tests of the drawing itself). */
  static Progress bar(String task, long total, String unit, PrintStream out) {
    ProgressBar pb =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setUnit(unit.isEmpty() ? "" : " " + unit, 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .setMaxRenderedLength(100)
            .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
            .showSpeed()
            .setConsumer(new ConsoleProgressBarConsumer(out))
            .build();
    return new Progress() {
      @Override
      public void step(long n) {
        pb.stepBy(n);
      }

      @Override
      public void close() {
        pb.close();
      }
    };
  }
}
