package org.sbi4j.cli;

import java.util.function.Function;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.common.TaskRunner;
import picocli.CommandLine.Option;

/** Where independent tasks run: local threads (default) or Apache Spark ({@code --master}). */
public final class RunnerOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Run independent tasks on Apache Spark: local[*], local[N], or a cluster URL "
              + "(needs Spark on the classpath: spark-submit, or SPARK_HOME for bin/sbi4j).")
  String master;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Local worker threads when not on Spark (default: one per core).")
  Integer threads;

  /** Runs {@code work} on the runner these options ask for, then closes the runner. */
  <T> T run(String appName, Function<TaskRunner, T> work) {
    try (TaskRunner tasks = open(appName)) {
      return work.apply(tasks);
    }
  }

  /**
   * As {@link #run(String, Function)}, each batch of local tasks shown as a progress bar named
   * {@code appName} ({@link Bars#tasks}).
   */
  <T> T run(String appName, Bars bars, Function<TaskRunner, T> work) {
    try (TaskRunner tasks = bars.tasks(appName, open(appName), master == null)) {
      return work.apply(tasks);
    }
  }

  /** The runner these options ask for; the caller closes it. */
  TaskRunner open(String appName) {
    if (master == null) {
      return threads == null ? LocalTaskRunner.perCore() : new LocalTaskRunner(threads);
    }
    try {
      Class.forName("org.apache.spark.SparkContext");
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(
          "--master "
              + master
              + " needs Apache Spark on the "
              + "classpath; run through spark-submit with the sbi4j jar, or set SPARK_HOME for "
              + "bin/sbi4j (see README, 'Running on a cluster')");
    }
    return org.sbi4j.distributed.SparkTaskRunner.connect(master, "sbi4j " + appName);
  }
}
