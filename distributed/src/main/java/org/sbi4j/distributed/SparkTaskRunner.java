package org.sbi4j.distributed;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.sbi4j.common.TaskRunner;

/**
 * Runs tasks on Spark: {@code parallelize} with one partition per task, {@code map}, {@code
 * collect}; results come back in task order. Failed tasks are retried by Spark ({@code
 * spark.task.maxFailures}, and in local mode the master {@code local[N,F]} allows F attempts).
 */
public final class SparkTaskRunner implements TaskRunner {
  private final JavaSparkContext context;
  private final boolean owned;

  /**
   * Connects to {@code master} ({@code local[*]}, {@code local[2,3]}, {@code spark://host:7077},
   * {@code yarn}, ...), reusing a running context (as under {@code spark-submit}) when there is
   * one.
   *
   * @throws IllegalArgumentException when Spark cannot start with {@code master} (e.g. a URL it
   *     cannot parse)
   */
  public static SparkTaskRunner connect(String master, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName).setIfMissing("spark.ui.enabled", "false");
    if (master != null && !master.isBlank()) {
      conf.setMaster(master);
    }
    try {
      return new SparkTaskRunner(
          JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(conf)), true);
    } catch (Exception e) { // SparkException, thrown undeclared from Scala
      throw new IllegalArgumentException(
          "cannot start Spark with master '"
              + master
              + "': "
              + rootMessage(e)
              + "; give local[*], local[N] or a cluster URL (spark://host:7077, "
              + "yarn, k8s://...)",
          e);
    }
  }

  /** Uses a context the caller manages. */
  public SparkTaskRunner(JavaSparkContext context) {
    this(context, false);
  }

  private SparkTaskRunner(JavaSparkContext context, boolean owned) {
    this.context = context;
    this.owned = owned;
  }

  @Override
  public <T extends Serializable, R extends Serializable> List<R> map(
      List<T> inputs, Task<T, R> task) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    try {
      return context.parallelize(inputs, inputs.size()).map(task::apply).collect();
    } catch (Exception e) { // Spark throws the checked SparkException from Scala code
      IllegalArgumentException bad = badInput(e);
      if (bad != null) {
        throw bad;
      }
      throw new IllegalStateException("Spark job failed: " + rootMessage(e), e);
    }
  }

  private static IllegalArgumentException badInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException iae) {
        return iae;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
  }

  @Override
  public int parallelism() {
    return context.defaultParallelism();
  }

  @Override
  public void close() {
    if (owned) {
      context.stop();
    }
  }
}
