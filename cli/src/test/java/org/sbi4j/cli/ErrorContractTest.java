package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sbi4j.samples.io.TrainingFiles;

/**
 * The error contract of every command (issue 17, docs/bad-inputs.md): each bad input gives exit
 * code 2, exactly one stderr line naming the problem in the user's terms (never a library class or
 * Jackson's advice), no stack trace, and leaves every file in the working folder as it was (no file
 * changed, none added). Files the user edited (model.json, YAML configs) are in {@link
 * EditedFileErrorContractTest}.
 */
class ErrorContractTest {
  /** Words that must never reach a user's error line. */
  static final List<String> LEAKS =
      List.of(
          "tools.jackson",
          "com.fasterxml",
          "java.lang",
          "java.io",
          "Exception",
          "Cannot deserialize",
          "Cannot construct",
          "JsonNode",
          "JsonReadFeature",
          "TrainingConfig",
          "ModelData",
          "Header",
          "record",
          "`",
          "\tat ");

  @TempDir static Path dir;

  static Path events;
  static Path sample;

  @BeforeAll
  static void inputs() throws IOException {
    events = Files.copy(TestEvents.interference1d(300, 5), dir.resolve("events.h5"));
    sample = dir.resolve("sample.h5");
    TrainingFiles.write(sample, TestEvents.userSample(200, 3, true));
    Files.writeString(dir.resolve("text.h5"), "not an HDF5 file\n");
    byte[] h5 = Files.readAllBytes(events);
    Files.write(dir.resolve("truncated.h5"), java.util.Arrays.copyOf(h5, h5.length / 2));
    Files.writeString(dir.resolve("bad.csv"), "x\n1.0\nabc\n");
  }

  static Arguments row(String name, Object[] args, String... fragments) {
    return Arguments.of(name, args, fragments);
  }

  static Object[] args(Object... parts) {
    return parts;
  }

  static Stream<Arguments> rows() {
    Path out = dir.resolve("out.h5");
    Object[] limits = {"limits --events", events, "--histogram x --luminosity 10"};
    return Stream.of(
        // issue 17: sizes a user can make huge
        row(
            "limits grid too large",
            args(limits, "--theta-true 0 --grid -1:1:1000000000"),
            "sbi4j limits: --grid: ",
            "too large",
            "of memory"),
        row(
            "limits 2D grid whose product is too large",
            args(limits, "--theta-true 0 --grid -1:1:100000,-1:1:100000"),
            "--grid: ",
            "too large"),
        row(
            "augment too many rows",
            args(
                "augment --events",
                events,
                "--method sally --theta-ref 0 --samples 2000000000 --out",
                out),
            "sbi4j augment: --samples: ",
            "need about",
            "SBI4J_JAVA_OPTS"),
        row(
            "augment too many θ0 points",
            args(
                "augment --events",
                events,
                "--method ratio --theta0-prior uniform:-1:1 --theta1 0 --thetas 2000000000"
                    + " --samples 100 --out",
                out),
            "--thetas: ",
            "need about"),
        row(
            "augment θ0 grid too large",
            args(
                "augment --events",
                events,
                "--method ratio --theta0-prior grid:-1:1:2000000000 --theta1 0 --samples 100 --out",
                out),
            "--theta0-prior: ",
            "need about"),
        row(
            "nplm expected events too large",
            args(
                "nplm --data",
                sample,
                "--reference",
                sample,
                "--expected 1e308 --optimizer lbfgs --toys 2"),
            "N(0) = 1.0E308"),
        // issue 17: integer parts of compound options
        row(
            "grid n not an integer",
            args(limits, "--theta-true 0 --grid -1:1:2.5"),
            "--grid: ",
            "n must be an integer"),
        row(
            "prior grid n not an integer",
            args(
                "augment --events",
                events,
                "--method ratio --theta0-prior grid:-1:1:2.5 --theta1 0 --samples 100 --out",
                out),
            "--theta0-prior: ",
            "n must be an integer"),
        // issue 17: options whose products overflow
        row(
            "limits luminosity 1e308",
            args(
                "limits --events",
                events,
                "--histogram x --theta-true 0 --luminosity 1e308 --grid -1:1:5"),
            "sbi4j limits: --luminosity: ",
            "beyond"),
        row(
            "fisher luminosity 1e308",
            args("fisher --events", events, "--theta 0 --luminosity 1e308"),
            "sbi4j fisher: --luminosity: ",
            "beyond"),
        // issue 17: a file given as --model
        row(
            "evaluate --model file",
            args("evaluate --model", events, "--events", events, "--out", out),
            "is a file; --model takes a model folder"),
        row(
            "export --model file",
            args("export --model", events, "--out", dir.resolve("m.onnx")),
            "is a file; --model takes a model folder"),
        row(
            "limits --model file",
            args("limits --events", events, "--model", events, "--luminosity 10 --grid -1:1:5"),
            "is a file; --model takes a model folder"),
        row(
            "fisher --model file",
            args(
                "fisher --events",
                events,
                "--theta 0 --luminosity 10 --kind sally --model",
                events),
            "is a file; --model takes a model folder"),
        // docs/bad-inputs.md rows reachable from the command line
        row(
            "event file that is not HDF5",
            args("mine --events", dir.resolve("text.h5"), "--theta0 0 --theta1 1 --out", out),
            "is not an HDF5 file"),
        row(
            "truncated event file",
            args(
                "limits --events",
                dir.resolve("truncated.h5"),
                "--histogram x --luminosity 10 --theta-true 0 --grid -1:1:5"),
            "truncated.h5"),
        row(
            "missing event file",
            args("fisher --events", dir.resolve("none.h5"), "--theta 0 --luminosity 10"),
            "does not exist"),
        row(
            "CSV with a non-number",
            args(
                "nplm --data",
                dir.resolve("bad.csv"),
                "--reference",
                dir.resolve("bad.csv"),
                "--expected 10 --toys 2"),
            "is not a number"),
        row(
            "training sample that is not HDF5",
            args("train --method rascal --data", dir.resolve("text.h5"), "--out", dir.resolve("m")),
            "not an HDF5 file"),
        row(
            "model folder without weights.json",
            args("evaluate --model", dir.resolve("nomodel"), "--events", sample, "--out", out),
            "does not exist"),
        row(
            "--master without Spark",
            args("mine --events", events, "--theta0 0 --theta1 1 --master local[2] --out", out),
            "needs Apache Spark"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badInputGivesExitTwoOneLineAndChangesNothing(String name, Object[] args, String[] fragments)
      throws IOException {
    assertBadInputChangesNothing(dir, args, fragments);
  }

  /**
   * Runs the command {@code args} in the working folder {@code dir} and checks the contract: exit
   * code 2, one stderr line holding every fragment, none of {@link #LEAKS}, and no file under
   * {@code dir} changed or added.
   */
  static void assertBadInputChangesNothing(Path dir, Object[] args, String[] fragments)
      throws IOException {
    Map<String, String> before = checksums(dir);
    CliRun r = CliRun.of(args);
    r.assertBadInput(fragments);
    for (String leak : LEAKS) {
      assertFalse(r.err().contains(leak), "leaks '" + leak + "': " + r.err());
    }
    assertEquals(before, checksums(dir), "files changed by: " + r.err());
  }

  /** SHA-256 of every regular file under {@code root}, by relative path. */
  static Map<String, String> checksums(Path root) throws IOException {
    Map<String, String> sums = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.toList()) {
        String key = root.relativize(f).toString();
        sums.put(key, Files.isRegularFile(f) ? sha256(f) : "folder");
      }
    }
    return sums;
  }

  private static String sha256(Path f) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
