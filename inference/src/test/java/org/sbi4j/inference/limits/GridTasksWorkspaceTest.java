package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.LocalTaskRunner;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.likelihood.DataFiles;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Interference1D;

/**
 * Combined limits with the unbinned channel in grid blocks: the workspace term is evaluated in the
 * driver on the same points in the same order, so the values equal the one-block evaluation exactly
 * (tolerance 0).
 */
class GridTasksWorkspaceTest {
  @TempDir Path dir;

  @Test
  void blocksPlusTheDriversWorkspaceTermEqualTheLocalCombination() {
    Path file = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(file, new Interference1D().events(5_000, 8));
    EventSample events = DataFiles.events(file);
    LimitSource histogram = ModelSources.open(new SourceSpec.Histogram(List.of("x"), 8));
    ParameterGrid grid = ParameterGrid.parse("-1:1:31");
    double[] thetaTrue = {0.3};
    WorkspaceChannels ws =
        new WorkspaceChannels(
            List.of(Path.of("counting.json")),
            HistFactoryModel.of(
                CombinedLikelihoodTest.counting(
                    5, 20, 22, List.of(Modifier.normsys("bkg_norm", 1.2, 0.85)))),
            Map.of());
    try (LocalTaskRunner threads = new LocalTaskRunner(3)) {
      ScanResult one =
          Limits.expected(events, histogram, thetaTrue, 10, grid, GridEvaluator.LOCAL, ws).scan();
      ScanResult blocks =
          Limits.expected(
                  events,
                  histogram,
                  thetaTrue,
                  10,
                  grid,
                  GridTasks.expected(threads, file, thetaTrue, 10),
                  ws)
              .scan();
      assertArrayEquals(one.logLikelihood(), blocks.logLikelihood(), 0.0);
      assertEquals(one.bestFit()[0], blocks.bestFit()[0], 0.0);
    }
  }
}
