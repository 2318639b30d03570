package org.sbi4j.training;

import static org.sbi4j.common.Mutations.mutate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sbi4j.samples.io.Configs;
import org.sbi4j.samples.io.SetupFiles;
import org.sbi4j.testing.ModelFixture;
import org.sbi4j.training.store.ModelFolder;

/**
 * Coverage-guided fuzzing (Jazzer) of the YAML config loader ({@link Configs} with the morphing
 * setup and the training config) and of the model-folder loader ({@link ModelFolder#load}), seeded
 * with valid files: byte overwrites and truncation chosen by the fuzzer; each load must succeed or
 * throw IllegalArgumentException. Anything else is a finding.
 *
 * <p>{@code mvn test} replays the regression inputs only; fuzzing is {@code JAZZER_FUZZ=1 mvn -o
 * -pl training -am test -Dtest='LoaderFuzzTest#modelFolder'
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LoaderFuzzTest {
  private static final List<byte[]> CONFIGS =
      List.of(
          bytes(Path.of("..", "configs", "setup.yaml")),
          bytes(Path.of("..", "configs", "train.yaml")));
  private static final Path FIXTURE = ModelFixture.copy();

  /** The folder files the loader reads (model.onnx is only exported, never read). */
  private static final List<String> READ =
      List.of("model.json", "weights.json", "config.yaml", "history.json", "provenance.json");

  private static byte[] bytes(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "15s")
  void config(FuzzedDataProvider data) throws IOException {
    boolean setup = data.consumeBoolean();
    Path f = Files.createTempFile("sbi4j-fuzz", ".yaml");
    Files.write(f, mutate(CONFIGS.get(setup ? 0 : 1), data));
    try {
      if (setup) {
        SetupFiles.load(f);
      } else {
        Configs.load(f, TrainingConfig.class);
      }
    } catch (IllegalArgumentException expected) {
      // a clear error is the right answer to a damaged config
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void modelFolder(FuzzedDataProvider data) throws IOException {
    Path dir = Files.createTempDirectory("sbi4j-fuzz-model");
    try {
      String victim = READ.get(data.consumeInt(0, READ.size() - 1));
      for (String name : READ) {
        byte[] b = bytes(FIXTURE.resolve(name));
        Files.write(dir.resolve(name), name.equals(victim) ? mutate(b, data) : b);
      }
      ModelFolder.load(dir);
    } catch (IllegalArgumentException expected) {
      // as above
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
