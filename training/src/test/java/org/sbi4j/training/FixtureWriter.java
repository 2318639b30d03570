package org.sbi4j.training;

import java.nio.file.Path;
import java.util.List;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.store.ModelFolder;

/**
 * Regenerates the shared test fixture {@code testing/src/main/resources/model-fixture} (read by
 * tests through {@code org.sbi4j.testing.ModelFixture}): a small ALICES model on the Gaussian toy.
 * The fixture is committed and must keep loading in later versions, so only rerun this when the
 * folder format version changes on purpose. Argument: the folder, by default that one (run from the
 * training module's folder).
 */
final class FixtureWriter {
  private FixtureWriter() {}

  public static void main(String[] args) {
    TrainingConfig c =
        TrainingConfig.builder()
            .hiddenLayers(List.of(8, 8))
            .epochs(10)
            .learningRate(0.01)
            .finalLearningRate(0.001)
            .build();
    TrainingOutcome out =
        new Trainer(c).train(GaussianToy.ratioSample(4000, 2026), Method.ALICES, 2026);
    ModelFolder.save(
        args.length > 0
            ? Path.of(args[0])
            : Path.of("..", "testing", "src", "main", "resources", "model-fixture"),
        out,
        null);
  }
}
