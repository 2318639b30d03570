package org.sbi4j.cli;

import static org.sbi4j.cli.ErrorContractTest.args;
import static org.sbi4j.cli.ErrorContractTest.row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sbi4j.samples.io.TrainingFiles;
import org.sbi4j.testing.ModelFixture;

/**
 * The error contract (issue 17, docs/bad-inputs.md) for files the user edited: a model folder's
 * model.json and the YAML of a training config or morphing setup. Each bad file gives exit code 2
 * and one stderr line that speaks of the file and the key, never of a library class, and leaves
 * every file in the working folder as it was ({@link
 * ErrorContractTest#assertBadInputChangesNothing}).
 */
class EditedFileErrorContractTest {
  @TempDir static Path dir;

  static Path sample;
  static Path model;

  @BeforeAll
  static void inputs() throws IOException {
    sample = dir.resolve("sample.h5");
    TrainingFiles.write(sample, TestEvents.userSample(200, 3, true));
    model = ModelFixture.copyTo(dir);
  }

  /**
   * A copy of the (format 1, unhashed) model fixture whose model.json is edited by {@code edit}.
   */
  static Path editedModel(String name, Function<String, String> edit) {
    try {
      Path m = Files.createDirectories(dir.resolve("models").resolve(name));
      for (String f : ModelFixture.FILES) {
        Files.copy(model.resolve(f), m.resolve(f));
      }
      Path json = m.resolve("model.json");
      String edited = edit.apply(Files.readString(json));
      if (edited.equals(Files.readString(json))) {
        throw new IllegalStateException("the edit of " + name + " changed nothing");
      }
      Files.writeString(json, edited);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path config(String name, String yaml) {
    try {
      return Files.writeString(dir.resolve(name), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> rows() {
    Path out = dir.resolve("out.h5");
    return Stream.of(
        row(
            "model.json with NaN",
            args(
                "evaluate --model",
                editedModel("nan", s -> s.replace("1.0860409841549101", "NaN")),
                "--events",
                sample,
                "--out",
                out),
            "model.json",
            "NaN"),
        row(
            "model.json with a string for a number",
            args(
                "evaluate --model",
                editedModel("members", s -> s.replace("\"members\" : 1", "\"members\" : \"one\"")),
                "--events",
                sample,
                "--out",
                out),
            "model.json",
            "members"),
        row(
            "model.json with a list for a text",
            args(
                "export --model",
                editedModel("method", s -> s.replace("\"ALICES\"", "[1]")),
                "--out",
                dir.resolve("m.onnx")),
            "model.json",
            "method"),
        row(
            "model.json malformed",
            args(
                "evaluate --model",
                editedModel("malformed", s -> s.replace("\"members\" : 1", "\"members\" : ")),
                "--events",
                sample,
                "--out",
                out),
            "model.json"),
        row(
            "model.json unknown method",
            args(
                "evaluate --model",
                editedModel("unknown", s -> s.replace("\"ALICES\"", "\"MAGIC\"")),
                "--events",
                sample,
                "--out",
                out),
            "model.json",
            "MAGIC"),
        row(
            "model.json newer format",
            args(
                "evaluate --model",
                editedModel(
                    "newer", s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99")),
                "--events",
                sample,
                "--out",
                out),
            "format version 99"),
        row(
            "train config epochs -3",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("neg.yaml", "epochs: -3\n"),
                "--out",
                dir.resolve("m")),
            "neg.yaml",
            "epochs"),
        row(
            "train config epochs not a number",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("abc.yaml", "epochs: abc\n"),
                "--out",
                dir.resolve("m")),
            "abc.yaml",
            "epochs"),
        row(
            "train config epochs 2.5",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("frac.yaml", "epochs: 2.5\n"),
                "--out",
                dir.resolve("m")),
            "frac.yaml",
            "epochs"),
        row(
            "train config list for a number",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("list.yaml", "learningRate: [1, 2]\n"),
                "--out",
                dir.resolve("m")),
            "list.yaml",
            "learningRate"),
        row(
            "train config number for a list",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("layers.yaml", "hiddenLayers: 8\n"),
                "--out",
                dir.resolve("m")),
            "layers.yaml",
            "hiddenLayers"),
        row(
            "train config unknown enum",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("act.yaml", "activation: RELU\n"),
                "--out",
                dir.resolve("m")),
            "act.yaml",
            "activation"),
        row(
            "train config malformed YAML",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("bad.yaml", "epochs: 'unclosed\n"),
                "--out",
                dir.resolve("m")),
            "bad.yaml",
            "malformed YAML"),
        row(
            "train config unknown key",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("key.yaml", "epochz: 3\n"),
                "--out",
                dir.resolve("m")),
            "unknown key 'epochz'"),
        row(
            "train config empty",
            args(
                "train --method alices --data",
                sample,
                "--config",
                config("empty.yaml", ""),
                "--out",
                dir.resolve("m")),
            "the document is empty"),
        row(
            "train config missing",
            args(
                "train --method alices --data",
                sample,
                "--config",
                dir.resolve("none.yaml"),
                "--out",
                dir.resolve("m")),
            "does not exist"),
        row(
            "morphing setup unknown key",
            args("morphing --setup", config("setup.yaml", "parameterz: []\n"), "--theta 0"),
            "setup.yaml",
            "unknown key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badFileGivesExitTwoOneLineAndChangesNothing(String name, Object[] args, String[] fragments)
      throws IOException {
    ErrorContractTest.assertBadInputChangesNothing(dir, args, fragments);
  }
}
