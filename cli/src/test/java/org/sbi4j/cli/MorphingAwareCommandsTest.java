package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.store.ModelFolder;

/**
 * {@code train --morphing-aware [--quadratic] --events} → model folder → {@code evaluate} and
 * {@code limits} (docs/cli.md), and its bad inputs.
 */
class MorphingAwareCommandsTest {
  @TempDir static Path dir;
  static final Path events = TestEvents.interference1d(20_000, 7);
  static Path sample;
  static Path config;

  @BeforeAll
  static void augment() throws Exception {
    sample = dir.resolve("ratio.h5");
    CliRun a =
        CliRun.of(
            "augment --events",
            events,
            "--method ratio --theta0-prior uniform:-1:1 --theta1 0 --thetas 20 --samples 2000"
                + " --seed 3 --out",
            sample);
    assertEquals(0, a.exitCode(), a.err());
    config = dir.resolve("small.yaml");
    Files.writeString(config, "hiddenLayers: [8]\nepochs: 2\n");
  }

  @Test
  void trainsBothVariantsAndLimitsAndEvaluateUseThem() {
    for (String variant : new String[] {"", "--quadratic"}) {
      Path model = dir.resolve("model" + variant);
      CliRun t =
          CliRun.of(
              "train --method alices --morphing-aware",
              variant,
              "--events",
              events,
              "--data",
              sample,
              "--config",
              config,
              "--out",
              model);
      assertEquals(0, t.exitCode(), t.err());
      MorphingAware.Kind kind = ModelFolder.load(model).model().morphingAware().kind();
      assertEquals(
          variant.isEmpty() ? MorphingAware.Kind.LINEAR : MorphingAware.Kind.QUADRATIC, kind);
      CliRun e =
          CliRun.of("evaluate --model", model, "--events", sample, "--out", dir.resolve("e.h5"));
      assertEquals(0, e.exitCode(), e.err());
      CliRun l =
          CliRun.of(
              "limits --model",
              model,
              "--events",
              events,
              "--theta-true 0 --luminosity 10 --grid -1:1:11 --plot",
              dir.resolve("p" + variant));
      assertEquals(0, l.exitCode(), l.err());
      assertTrue(l.out().contains("ALICES expected"), l.out());
    }
  }

  @Test
  void badInputsExitTwoWithOneLine() {
    CliRun.of("train --method alices --quadratic --data", sample, "--out", dir.resolve("bad1"))
        .assertBadInput("--quadratic", "--morphing-aware");
    CliRun.of("train --method alices --morphing-aware --data", sample, "--out", dir.resolve("bad2"))
        .assertBadInput("--events");
  }
}
