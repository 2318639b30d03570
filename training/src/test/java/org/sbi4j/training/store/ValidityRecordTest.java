package org.sbi4j.training.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.testing.ModelFixture;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.model.Method;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The validity record of model.json, and training refusing a sample of the other kind. */
class ValidityRecordTest {
  @TempDir Path tmp;

  private static final TrainingConfig SMALL =
      TrainingConfig.builder().hiddenLayers(List.of(8)).epochs(1).build();

  /** The Gaussian toy's SALLY sample with its θ0 column: every row at θ_ref = 0.25. */
  private static EventSample sallySample(int n, long seed) {
    EventSample s = GaussianToy.scoreSample(n, seed);
    double[] theta0 = new double[s.size()];
    Arrays.fill(theta0, 0.25);
    return s.withColumn(Column.THETA0, theta0, List.of("theta"));
  }

  private JsonNode validity(Path dir) throws Exception {
    return JsonMapper.builder()
        .build()
        .readTree(Files.readString(dir.resolve("model.json")))
        .get("validity");
  }

  @Test
  void aSallyFolderRecordsThetaRef() throws Exception {
    TrainingOutcome out = new Trainer(SMALL).train(sallySample(300, 1), Method.SALLY, 2);
    Path dir = tmp.resolve("sally");
    ModelFolder.save(dir, out, null);
    JsonNode v = validity(dir);
    assertTrue(v.has("theta_ref") && !v.has("theta0_range"), v.toString());
    assertArrayEquals(new double[] {0.25}, ModelFolder.load(dir).scoreModel().thetaRef(), 0);
  }

  @Test
  void aRatioFolderRecordsTheTheta0Range() throws Exception {
    EventSample s = GaussianToy.ratioSample(300, 3);
    TrainingOutcome out = new Trainer(SMALL).train(s, Method.CARL, 4);
    Path dir = tmp.resolve("carl");
    ModelFolder.save(dir, out, null);
    JsonNode v = validity(dir);
    double[][] range = out.model().thetaRange();
    assertFalse(v.has("theta_ref"), v.toString());
    assertArrayEquals(
        range[0],
        new double[] {
          v.get("theta0_range").get(0).get(0).asDouble(),
          v.get("theta0_range").get(0).get(1).asDouble()
        },
        0);
    assertNull(ModelFolder.load(dir).model().thetaRef());
  }

  @Test
  void anOlderFolderWithoutTheRecordStillLoads() throws Exception {
    Path dir = ModelFixture.copyTo(tmp);
    assertNull(validity(dir));
    assertTrue(ModelFolder.load(dir).model().thetaRange() != null);
  }

  @Test
  void sallyRefusesARatioSampleAndRatioMethodsRefuseASallySample() {
    IllegalArgumentException a =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(SMALL).train(GaussianToy.ratioSample(100, 5), Method.SALLY, 6));
    assertTrue(a.getMessage().contains("is a ratio sample"), a.getMessage());
    IllegalArgumentException b =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(SMALL).train(sallySample(100, 7), Method.ALICES, 8));
    assertTrue(b.getMessage().contains("is a SALLY sample"), b.getMessage());
  }

  @Test
  void aSallySampleSpreadOverThetaIsRefused() {
    EventSample s = GaussianToy.scoreSample(50, 9);
    double[] theta0 = new double[s.size()];
    theta0[7] = 0.5;
    EventSample spread = s.withColumn(Column.THETA0, theta0, List.of("theta"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(SMALL).train(spread, Method.SALLY, 10));
    assertTrue(e.getMessage().contains("rows 0 and 7"), e.getMessage());
  }
}
