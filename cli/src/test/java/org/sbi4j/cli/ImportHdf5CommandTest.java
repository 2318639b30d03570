package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sbi4j.common.LheText;
import org.sbi4j.common.Provenance;
import org.sbi4j.common.Sha256;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.H5Info;
import org.sbi4j.samples.io.MadMinerFiles;

/**
 * {@code sbi4j import hdf5} through the command line on the table h5py wrote (the fixture and the
 * h5py script that made it: samples' Hdf5ImportTest): values checked one by one, the table's
 * SHA-256 in the provenance, and every bad-input row (docs/bad-inputs.md) as exit code 2 with one
 * line, no output and the table unchanged.
 */
class ImportHdf5CommandTest {
  static final Path TABLE =
      Path.of("..", "samples", "src", "test", "resources", "org", "sbi4j", "samples", "io")
          .resolve("hdf5-table.h5")
          .toAbsolutePath()
          .normalize();

  /** What {@code sha256sum hdf5-table.h5} prints for the committed fixture. */
  static final String TABLE_SHA256 =
      "c3093155cdf06dde11c716c47703641a1a02e9baf89fa17342d814438a282bba";

  @TempDir static Path dir;

  @BeforeAll
  static void setup() throws IOException {
    Files.writeString(dir.resolve("setup.yaml"), LheText.SETUP);
  }

  /** A mapping of the fixture with observable {@code o}, weight 'sm' and extra lines. */
  static Path config(String name, String o, String sm, String extra) {
    try {
      return Files.writeString(
          dir.resolve(name + ".yaml"),
          "setup: setup.yaml\nfile: "
              + TABLE
              + "\nobservables: {o: \""
              + o
              + "\"}\nweights: {sm: \""
              + sm
              + "\", plus: \"/weights[1]\", minus: \"/weights[2]\"}\n"
              + extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void importsEveryValueAndRecordsTheTablesHash() {
    Path mapping = config("good", "/x[1]", "/chunked/w", "sampledFrom: /benchmark\n");
    Path out = dir.resolve("good.h5");
    CliRun r = CliRun.of("import hdf5 --config", mapping, "--out", out, "--json -");
    assertEquals(0, r.exitCode(), r.err());
    String j = r.out().replaceAll("\\s", "");
    // benchmark = i % 4 - 1 for i = 0..9: -1 three times, 0, 1 and 2 each ... 3, 3, 2 times
    assertTrue(
        j.contains("\"eventsPerBenchmark\":{\"sm\":3,\"plus\":2,\"minus\":2,\"background\":3}"), j);
    EventSample e = MadMinerFiles.readEvents(out);
    assertEquals(List.of("o"), e.observables());
    for (int i = 0; i < 10; i++) {
      assertEquals(-0.25 * i, e.x()[i], 0);
      assertArrayEquals(
          new double[] {(i + 1) * 0.375, (i + 1) * 0.25, (i + 1) * 0.375},
          new double[] {e.weight(i, 0), e.weight(i, 1), e.weight(i, 2)},
          0);
      assertEquals(i % 4 - 1, e.sampledFrom().orElseThrow()[i]);
    }
    Provenance p = H5Info.of(out).provenance();
    assertEquals(
        List.of("sbi4j", "import", "hdf5", "--config", mapping.toString()),
        p.commandLine().subList(0, 5));
    Map<String, String> inputs =
        p.inputs().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Provenance.Input::path, Provenance.Input::sha256));
    assertEquals(TABLE_SHA256, inputs.get(TABLE.toString()), inputs.toString());
    assertEquals(Sha256.file(mapping), inputs.get(mapping.toAbsolutePath().toString()));
    assertEquals(TABLE_SHA256, Sha256.file(TABLE), "the fixture changed");
  }

  static Arguments row(String name, Path config, String fragment) {
    return Arguments.of(name, config, fragment);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("NaN", config("nan", "/bad/nan", "/weights[0]", ""), "row 7 is NaN"),
        row("infinity", config("inf", "/x[0]", "/bad/inf", ""), "(weights.sm) row 3 is -Infinity"),
        row(
            "lengths disagree",
            config("short", "/bad/short", "/weights[0]", ""),
            "has 10 rows but '/bad/short' (observables.o) has 9"),
        row(
            "missing dataset",
            config("missing", "/jets/pt", "/weights[0]", ""),
            "has no dataset '/jets/pt' (named by observables.o)"),
        row("a group", config("group", "/bad/group", "/weights[0]", ""), "has no dataset"),
        row(
            "strings",
            config("strings", "/bad/strings", "/weights[0]", ""),
            "holds strings; numbers are expected"),
        row("scalar", config("scalar", "/bad/scalar", "/weights[0]", ""), "is a scalar"),
        row(
            "compound type",
            config("compound", "/pt", "/bad/compound", ""),
            "(named by weights.sm) does not hold plain numbers"),
        row("3-D", config("cube", "/bad/cube", "/weights[0]", ""), "has 3 dimensions"),
        row(
            "2-D without column",
            config("nocol", "/x", "/weights[0]", ""),
            "has 2 columns; name one as /x[0]"),
        row(
            "column out of range",
            config("col", "/x[2]", "/weights[0]", ""),
            "names column 2 of dataset '/x', which has 2 columns"),
        row(
            "sampledFrom not an index",
            config("sampled", "/pt", "/weights[0]", "sampledFrom: /bad/sampled\n"),
            "row 5 is 0.5; it must be a benchmark index"),
        row(
            "unknown benchmark",
            config("bench", "/pt", "/weights[0]", "").resolveSibling("nobench.yaml"),
            "does not exist"),
        row(
            "no file key",
            write(
                "nofile",
                "setup: setup.yaml\nobservables: {o: /pt}\n"
                    + "weights: {sm: /pt, plus: /pt, minus: /pt}\n"),
            "has no 'file'; name the HDF5 file"),
        row(
            "table missing",
            write(
                "nofile2",
                "setup: setup.yaml\nfile: absent.h5\nobservables: {o: /pt}\n"
                    + "weights: {sm: /pt, plus: /pt, minus: /pt}\n"),
            "absent.h5 does not exist"),
        row(
            "not HDF5",
            write(
                "nothdf",
                "setup: setup.yaml\nfile: setup.yaml\nobservables: {o: /pt}\n"
                    + "weights: {sm: /pt, plus: /pt, minus: /pt}\n"),
            "is not an HDF5 file"),
        row(
            "weight without benchmark",
            write(
                "extra",
                "setup: setup.yaml\nfile: "
                    + TABLE
                    + "\nobservables: {o: /pt}\n"
                    + "weights: {sm: /pt, plus: /pt, minus: /pt, other: /pt}\n"),
            "weights maps 'other', which is not a benchmark"));
  }

  static Path write(String name, String yaml) {
    try {
      return Files.writeString(dir.resolve(name + ".yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void badInputGivesExitTwoOneLineAndChangesNothing(String name, Path config, String fragment)
      throws IOException {
    Map<String, String> before = ErrorContractTest.checksums(dir);
    Path out = dir.resolve("bad-out.h5");
    CliRun r = CliRun.of("import hdf5 --config", config, "--out", out);
    r.assertBadInput(fragment);
    for (String leak : ErrorContractTest.LEAKS) {
      assertFalse(r.err().contains(leak), "leaks '" + leak + "': " + r.err());
    }
    assertFalse(Files.exists(out), "output written");
    assertEquals(before, ErrorContractTest.checksums(dir), "files changed by: " + r.err());
    assertEquals(TABLE_SHA256, Sha256.file(TABLE), "the table changed");
  }

  @Test
  void theTableIsNeverTheOutput() {
    Path mapping = config("self", "/pt", "/weights[0]", "");
    CliRun r = CliRun.of("import hdf5 --config", mapping, "--out", TABLE);
    r.assertBadInput("is the --config file input; choose another file");
    assertEquals(TABLE_SHA256, Sha256.file(TABLE), "the table changed");
  }
}
