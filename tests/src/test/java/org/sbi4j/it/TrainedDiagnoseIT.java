package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.inference.diagnostics.DiagnoseAnalysis;
import org.sbi4j.inference.diagnostics.DiagnoseRequest;
import org.sbi4j.inference.diagnostics.ModelDiagnostics;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.RatioModel;

/**
 * The diagnostics tests with a trained model: an ALICES model trained for only 2 epochs
 * fails the ratio closure on interference-1d, and its histogram calibration (CARL) reduces the
 * closure error.
 */
class TrainedDiagnoseIT {
  @TempDir Path dir;

  private static ModelDiagnostics diagnose(
      Path events, Simulator sim, RatioModel model, boolean calibrate) {
    return DiagnoseAnalysis.run(
            new DiagnoseRequest(
                events,
                List.of(new DiagnoseRequest.Model("ALICES 2 epochs", model)),
                new double[] {0},
                ParameterGrid.parse("-1:1:9"),
                sim,
                calibrate,
                null,
                5))
        .models()
        .get(0);
  }

  @Test
  void twoEpochModelFailsClosureAndCalibrationReducesItsError() throws Exception {
    Simulator sim = Simulators.INTERFERENCE_1D.create();
    EventSample file = sim.events(50_000, 2027);
    Path events = dir.resolve("events.h5");
    MadMinerFiles.writeEvents(events, file);
    EventSource train = WeightedView.of(EventSource.of(file), Partition.TRAIN);
    TrainingSamples samples = new TrainingSamples(file.setup().orElseThrow(), 0.05);
    double[][] theta0 = new double[21][];
    for (int i = 0; i < theta0.length; i++) {
      theta0[i] = new double[] {-1 + 0.1 * i};
    }
    // deliberately mis-trained: 2 epochs of a small network
    TrainingConfig config =
        TrainingConfig.builder().hiddenLayers(List.of(16, 16)).epochs(2).build();
    RatioModel model =
        new RatioModel(
            new Trainer(config)
                .train(
                    samples.ratio(train, theta0, new double[] {0}, 10_000, 31).sample(),
                    Method.ALICES,
                    32)
                .model());
    ModelDiagnostics raw = diagnose(events, sim, model, false);
    ModelDiagnostics calibrated = diagnose(events, sim, model, true);
    System.out.printf(
        "2-epoch ALICES: closure error %.4f (%d flagged), calibrated %.4f (%d flagged)%n",
        raw.maxClosureError(),
        raw.flagged().size(),
        calibrated.maxClosureError(),
        calibrated.flagged().size());
    assertFalse(raw.flagged().isEmpty(), "the 2-epoch model must fail the closure");
    assertTrue(
        calibrated.maxClosureError() < raw.maxClosureError(),
        calibrated.maxClosureError() + " vs " + raw.maxClosureError());
    assertTrue(calibrated.flagged().size() < raw.flagged().size());
  }
}
