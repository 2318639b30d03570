package org.sbi4j.inference.limits;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sbi4j.common.Check;
import org.sbi4j.common.TaskRunner;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.samples.EventSample;

/**
 * Limit grids as independent tasks: the grid points are cut into blocks of consecutive points
 * (block k = points [k·g/K, (k+1)·g/K) of g, K blocks), and each block is a task that re-creates
 * the likelihood from file paths (event file, model folder or histogram observables, data file) and
 * evaluates log L at its points. The blocks' values are joined in block order; since the
 * likelihoods evaluate every point independently of the others (see {@link ExtendedLikelihood}),
 * the values equal those of {@link GridEvaluator#LOCAL}. Each task reads the whole event file, so K
 * is the runner's parallelism: worth it when the grid, not the reading, dominates.
 */
public final class GridTasks {
  private GridTasks() {}

  /**
   * What a worker needs to rebuild one likelihood.
   *
   * @param events the event file (σ(θ), templates, and Asimov data for expected limits)
   * @param source the method
   * @param thetaTrue θ_true for expected limits, or null
   * @param observed the data file for observed limits, or null
   * @param luminosity L in pb⁻¹
   */
  record Job(
      String events, SourceSpec source, double[] thetaTrue, String observed, double luminosity)
      implements Serializable {}

  /** One block: a job and its grid points. */
  record Block(Job job, double[][] points) implements Serializable {}

  /** Expected limits at θ_true from {@code events}, evaluated in blocks on {@code runner}. */
  public static GridEvaluator expected(
      TaskRunner runner, Path events, double[] thetaTrue, double luminosity) {
    return on(runner, events, thetaTrue.clone(), null, luminosity);
  }

  /** Observed limits from the data file {@code observed}, evaluated in blocks on {@code runner}. */
  public static GridEvaluator observed(
      TaskRunner runner, Path events, Path observed, double luminosity) {
    return on(runner, events, null, observed.toAbsolutePath().toString(), luminosity);
  }

  private static GridEvaluator on(
      TaskRunner runner, Path events, double[] thetaTrue, String observed, double luminosity) {
    String file = events.toAbsolutePath().toString();
    return (source, likelihood, points) -> {
      if (source.spec() == null) {
        // built in memory: nothing a worker could re-create, so the driver evaluates it
        return likelihood.evaluate(points);
      }
      Job job = new Job(file, source.spec(), thetaTrue, observed, luminosity);
      return join(
          runner.map(blocks(job, points, runner.parallelism()), GridTasks::evaluate),
          points.length);
    };
  }

  /** K = min(g, parallelism) blocks of consecutive points. */
  static List<Block> blocks(Job job, double[][] points, int parallelism) {
    int g = points.length;
    int k = Math.min(g, Check.positive("parallelism", parallelism));
    List<Block> out = new ArrayList<>(k);
    for (int b = 0; b < k; b++) {
      int from = (int) ((long) b * g / k);
      int to = (int) ((long) (b + 1) * g / k);
      out.add(new Block(job, Arrays.copyOfRange(points, from, to)));
    }
    return out;
  }

  private static double[] join(List<double[]> parts, int g) {
    double[] out = new double[g];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** A task: reads the files, builds the likelihood, evaluates the block. */
  static double[] evaluate(Block b) {
    Job j = b.job();
    EventSample file = DataFiles.events(Path.of(j.events()));
    MorphedEvents rate = new MorphedEvents(file);
    Dataset data =
        j.thetaTrue() != null
            ? Limits.asimov(file, rate, j.thetaTrue(), j.luminosity())
            : Dataset.observed(DataFiles.observed(Path.of(j.observed())));
    return Limits.likelihood(ModelSources.open(j.source()), rate, data, j.luminosity())
        .evaluate(b.points());
  }
}
