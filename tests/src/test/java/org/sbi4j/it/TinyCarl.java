package org.sbi4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sbi4j.cli.Main;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.samples.steps.AugmentStep;

/**
 * A small CARL model on Interference1D events for the limits tests and benchmarks: writes the
 * events, augments ratio training data (θ uniform on [-1, 1], θ1 = 0) and trains with the CLI.
 */
public record TinyCarl(Path events, Path model) {
  /**
   * Writes {@code events} events (seed {@code seed}) to {@code dir/eventsFile}, augments {@code
   * thetas} × {@code samples} training rows and trains CARL with the YAML {@code config}.
   */
  public static TinyCarl train(
      Path dir, String eventsFile, int events, long seed, int thetas, int samples, String config)
      throws IOException {
    Path ev = dir.resolve(eventsFile);
    MadMinerFiles.writeEvents(ev, new Interference1D().events(events, seed));
    Path data = dir.resolve("train.h5");
    AugmentStep.run(
        new AugmentStep.Request(
            ev,
            AugmentStep.Method.RATIO,
            null,
            "uniform:-1:1",
            thetas,
            new double[] {0},
            samples,
            Partition.TRAIN,
            data,
            3,
            0.05));
    Path yaml = dir.resolve("carl.yaml");
    Files.writeString(yaml, config);
    Path model = dir.resolve("carl");
    assertEquals(
        0,
        Main.execute(
            "train",
            "--method",
            "carl",
            "--data",
            data.toString(),
            "--config",
            yaml.toString(),
            "--out",
            model.toString()));
    return new TinyCarl(ev, model);
  }
}
