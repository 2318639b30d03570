package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Interference1D;

/**
 * Limit grids in blocks: every comparison is exact (tolerance 0), since the likelihoods evaluate
 * each point with the same operations in the same order whatever the other points of the call.
 */
class GridTasksTest {
  @TempDir Path dir;

  @Test
  void theExtendedLikelihoodOfAPointDoesNotDependOnThePointsEvaluatedWithIt() {
    Interference1D sim = new Interference1D();
    EventSample events = sim.events(20_000, 4);
    MorphedEvents rate = new MorphedEvents(events);
    Dataset asimov = Dataset.asimov(rate, rate, new double[] {0.2}, 10);
    ExtendedLikelihood ll = new ExtendedLikelihood(new Gaussian(), asimov, rate, 10);
    // 300 points: event blocks of 13 312 (2 per call); one point: one block of all 20 000
    double[][] points = ParameterGrid.parse("-1:1:300").points();
    double[] all = ll.evaluate(points);
    for (int g = 0; g < points.length; g += 37) {
      assertEquals(all[g], ll.evaluate(points[g]), 0.0, "θ = " + points[g][0]);
    }
  }

  /** log r̂(x|θ) = θx − θ²/2 (the unit Gaussian shift), cheap enough for 6e6 values. */
  private static final class Gaussian implements RatioEstimator {
    @Override
    public List<String> observables() {
      return List.of("x");
    }

    @Override
    public List<String> parameters() {
      return List.of("theta");
    }

    @Override
    public double[][] logRatio(EventSample events, double[][] thetas) {
      double[][] out = new double[thetas.length][events.size()];
      for (int j = 0; j < thetas.length; j++) {
        double t = thetas[j][0];
        for (int i = 0; i < events.size(); i++) {
          out[j][i] = t * events.x(i, 0) - t * t / 2;
        }
      }
      return out;
    }

    @Override
    public double[][][] score(EventSample events, double[][] thetas) {
      throw new IllegalStateException("the likelihood needs no score");
    }

    @Override
    public double[][] thetaRange() {
      return null;
    }
  }

  @Test
  void blocksOnThreeThreadsEqualTheOneBlockEvaluation() throws Exception {
    Path file = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(file, new Interference1D().events(5_000, 8));
    Path data = dir.resolve("data.csv");
    Files.writeString(data, "x\n0.3\n1.2\n0.8\n-0.5\n0.1\n");
    EventSample events = DataFiles.events(file);
    LimitSource histogram = ModelSources.open(new SourceSpec.Histogram(List.of("x"), 8));
    ParameterGrid grid = ParameterGrid.parse("-1:1:31");
    try (LocalTaskRunner threads = new LocalTaskRunner(3)) {
      assertEquals(3, GridTasks.blocks(null, grid.points(), 3).size());
      ScanResult one = Limits.expected(events, histogram, new double[] {0.3}, 10, grid).scan();
      ScanResult blocks =
          Limits.expected(
                  events,
                  histogram,
                  new double[] {0.3},
                  10,
                  grid,
                  GridTasks.expected(threads, file, new double[] {0.3}, 10))
              .scan();
      assertArrayEquals(one.logLikelihood(), blocks.logLikelihood(), 0.0);
      assertArrayEquals(one.bestFit(), blocks.bestFit(), 0.0);
      EventSample observed = DataFiles.observed(data);
      one = Limits.observed(events, observed, histogram, 10, grid).scan();
      blocks =
          Limits.observed(
                  events,
                  observed,
                  histogram,
                  10,
                  grid,
                  GridTasks.observed(threads, file, data, 10))
              .scan();
      assertArrayEquals(one.logLikelihood(), blocks.logLikelihood(), 0.0);
    }
  }
}
