package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.samples.simulators.Simulators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code limits --mode sallino}, {@code fisher --kind model} and the validity record through {@code
 * Main}: small models trained on interference-1d (2 members, a few epochs: the numbers are checked
 * against each other here, their accuracy in SallinoTest, ModelFisherTest and SallinoFisherIT).
 */
class ModelValidityCommandTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(5_000, 11);
  static Path sallySample;
  static Path ratioSample;
  static Path sally;
  static Path alices;

  private static JsonNode json(CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    return JsonMapper.builder().build().readTree(run.out());
  }

  @BeforeAll
  static void train() throws Exception {
    EventSample file = Simulators.INTERFERENCE_1D.create().events(5_000, 11);
    TrainingSamples ts = new TrainingSamples(file.setup().orElseThrow(), 0.05);
    EventSource train = WeightedView.of(EventSource.of(file), Partition.TRAIN);
    sallySample = dir.resolve("sally.h5");
    ratioSample = dir.resolve("ratio.h5");
    TrainingFiles.write(sallySample, ts.sally(train, new double[] {0}, 1_000, 1).sample());
    double[][] theta0 = {{-0.5}, {-0.25}, {0}, {0.25}, {0.5}};
    TrainingFiles.write(ratioSample, ts.ratio(train, theta0, new double[] {0}, 1_000, 2).sample());
    Path config = dir.resolve("config.yaml");
    Files.writeString(config, "hiddenLayers: [8]\nepochs: 2\nensembleSize: 2\n");
    sally = dir.resolve("sally");
    alices = dir.resolve("alices");
    assertEquals(
        0,
        CliRun.of("train --method sally --data", sallySample, "--config", config, "--out", sally)
            .exitCode());
    assertEquals(
        0,
        CliRun.of("train --method alices --data", ratioSample, "--config", config, "--out", alices)
            .exitCode());
  }

  @Test
  void modelFoldersRecordWhereTheyAreValid() throws Exception {
    JsonNode s =
        JsonMapper.builder().build().readTree(Files.readString(sally.resolve("model.json")));
    assertEquals(0.0, s.get("validity").get("theta_ref").get(0).asDouble(), 0);
    JsonNode a =
        JsonMapper.builder().build().readTree(Files.readString(alices.resolve("model.json")));
    JsonNode range = a.get("validity").get("theta0_range").get(0);
    assertEquals(-0.5, range.get(0).asDouble(), 0);
    assertEquals(0.5, range.get(1).asDouble(), 0);
  }

  @Test
  void trainRefusesASampleOfTheOtherKind() {
    CliRun.of("train --method sally --data", ratioSample, "--out", dir.resolve("x1"))
        .assertBadInput("--data", "is a ratio sample", "method sally");
    CliRun.of("train --method alices --data", sallySample, "--out", dir.resolve("x2"))
        .assertBadInput("--data", "is a SALLY sample", "method alices");
  }

  @Test
  void fisherOfARatioEnsembleGivesTheMeanAndItsCovariance() {
    CliRun run =
        CliRun.of(
            "fisher --events",
            events,
            "--theta 0.1 --luminosity 10 --kind model --model",
            alices,
            "--json -");
    JsonNode r = json(run);
    assertEquals("model", r.get("kind").asString());
    assertEquals(2, r.get("ensembleSize").asInt());
    double a = r.get("memberMatrices").get(0).get(0).get(0).asDouble();
    double b = r.get("memberMatrices").get(1).get(0).get(0).asDouble();
    // the mean of two numbers, and Σ(I − Ī)²/(K(K − 1)) = (a − b)²/4 for K = 2
    assertEquals((a + b) / 2, r.get("matrix").get(0).get(0).asDouble(), 1e-12 * Math.abs(a + b));
    assertEquals(
        (a - b) * (a - b) / 4,
        r.get("matrixCovariance").get(0).get(0).asDouble(),
        1e-9 * (a - b) * (a - b));
    assertTrue(a != b, "two members differ");
    assertEquals(0, r.get("warnings").size(), r.toString());
  }

  @Test
  void fisherWarnsOutsideTheTrainedRangeAndFarFromThetaRef() {
    CliRun model =
        CliRun.of(
            "fisher --events",
            events,
            "--theta 0.9 --luminosity 10 --kind model --model",
            alices,
            "--json -");
    JsonNode m = json(model);
    assertTrue(m.get("warnings").get(0).asString().contains("outside the range"), m.toString());
    assertTrue(model.err().contains("warning: theta of 'theta' = 0.9 lies outside"), model.err());
    CliRun near =
        CliRun.of(
            "fisher --events",
            events,
            "--theta 0.15 --luminosity 10 --kind sally --model",
            sally,
            "--json -");
    assertEquals(0, json(near).get("warnings").size(), near.err());
    // interference-1d's range is [−1, 1]: far means more than 0.2 from θ_ref = 0
    CliRun far =
        CliRun.of(
            "fisher --events",
            events,
            "--theta 0.5 --luminosity 10 --kind sally --model",
            sally,
            "--json -");
    JsonNode f = json(far);
    assertTrue(f.get("warnings").get(0).asString().contains("θ_ref"), f.toString());
    assertTrue(far.err().contains("warning: theta of 'theta' = 0.5 lies 0.5000 from"), far.err());
  }

  @Test
  void fisherRefusesAFolderOfTheWrongKind() {
    CliRun.of("fisher --events", events, "--theta 0 --luminosity 10 --kind model --model", sally)
        .assertBadInput("--model", "is a SALLY model", "needs a ratio model");
    CliRun.of("fisher --events", events, "--theta 0 --luminosity 10 --kind model")
        .assertBadInput("--model", "needs a ratio model folder");
  }

  @Test
  void limitsInSallinoMode() {
    CliRun run =
        CliRun.of(
            "limits --events",
            events,
            "--model",
            sally,
            "--mode sallino --theta-true 0",
            "--luminosity 10 --grid -1:1:21 --json - --plot",
            dir.resolve("sallino"));
    JsonNode r = json(run);
    assertEquals("SALLINO", r.get("method").asString());
    JsonNode cl68 = r.get("intervals").get("theta").get("cl68");
    assertTrue(cl68.get(0).asDouble() < 0 && cl68.get(1).asDouble() > 0, r.toString());
    assertEquals(0, r.get("warnings").size(), r.toString());
    CliRun far =
        CliRun.of(
            "limits --events",
            events,
            "--model",
            sally,
            "--mode sallino --theta-true 0.5",
            "--luminosity 10 --grid -1:1:21 --json - --plot",
            dir.resolve("far"));
    JsonNode f = json(far);
    assertTrue(
        f.get("warnings").get(0).asString().contains("theta-true of 'theta' = 0.5"), f.toString());
    assertTrue(far.err().contains("θ_ref"), far.err());
  }

  @Test
  void limitsRefusesSallinoOnARatioModelAndUnknownModes() {
    CliRun.of(
            "limits --events",
            events,
            "--model",
            alices,
            "--mode sallino --theta-true 0",
            "--luminosity 10 --grid -1:1:5 --plot",
            dir.resolve("p1"))
        .assertBadInput("--model", "ratio model", "needs a SALLY model");
    CliRun.of(
            "limits --events",
            events,
            "--model",
            sally,
            "--mode sallinos --theta-true 0",
            "--luminosity 10 --grid -1:1:5 --plot",
            dir.resolve("p2"))
        .assertBadInput("--mode", "use sally or sallino");
    CliRun.of(
            "limits --events",
            events,
            "--histogram x --mode sallino --theta-true 0",
            "--luminosity 10 --grid -1:1:5 --plot",
            dir.resolve("p3"))
        .assertBadInput("--mode", "--model");
  }
}
