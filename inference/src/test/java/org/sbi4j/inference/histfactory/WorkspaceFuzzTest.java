package org.sbi4j.inference.histfactory;

import static org.sbi4j.common.Mutations.mutate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing (Jazzer) of workspace parsing and model building: the fuzzer damages a
 * valid workspace with every modifier type (test resource all_modifiers.json), either by byte
 * overwrites and truncation or by replacing JSON values (numbers, strings, true/false/null) with
 * values it chooses; then {@link WorkspaceJson#parse} and {@link HistFactoryModel#of} (both
 * interpolation code pairs, every measurement) and one evaluation of −ln L and its gradient at the
 * initial values must either succeed or fail with an IllegalArgumentException with a message (what
 * the CLI turns into its one-line exit 2). Anything else is a finding.
 *
 * <p>{@code mvn test} replays the inputs under WorkspaceFuzzTestInputs only; fuzzing is {@code
 * JAZZER_FUZZ=1 mvn -o -pl inference -am test -Dtest=WorkspaceFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code maxDuration} below).
 */
class WorkspaceFuzzTest {
  private static final String VALID = read("src/test/resources/histfactory/all_modifiers.json");

  /** JSON scalars: strings, numbers and literals. */
  private static final Pattern SCALAR =
      Pattern.compile("\"[^\"]*\"|-?[0-9][0-9.eE+-]*|true|false|null");

  /** Replacements that reach the model builder's checks: signs, zeros, huge and odd values. */
  private static final String[] VALUES = {
    "0",
    "-1",
    "1e308",
    "-1e308",
    "1e-320",
    "2.5",
    "[]",
    "{}",
    "null",
    "true",
    "\"\"",
    "[0]",
    "[[0, 1]]",
    "[-1.0, 1.0]",
    "\"normsys\"",
    "\"histosys\"",
    "\"shapesys\"",
    "\"staterror\"",
    "\"lumi\"",
    "\"shapefactor\"",
    "\"normfactor\"",
    "\"mu\"",
    "\"lumi\"",
    "\"jes\"",
    "\"signal_region\"",
    "\"control_region\"",
    "\"staterror_signal_region\""
  };

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Up to 6 JSON scalars of the valid workspace replaced by chosen or fuzzed values. */
  static String replaceValues(String json, FuzzedDataProvider data) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = SCALAR.matcher(json);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    StringBuilder out = new StringBuilder(json);
    int edits = data.consumeInt(1, 6);
    List<int[]> chosen = new ArrayList<>();
    for (int k = 0; k < edits; k++) {
      chosen.add(spans.get(data.consumeInt(0, spans.size() - 1)));
    }
    chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
    int lastStart = Integer.MAX_VALUE;
    for (int[] s : chosen) {
      if (s[1] > lastStart) {
        continue;
      }
      String value =
          data.consumeBoolean()
              ? VALUES[data.consumeInt(0, VALUES.length - 1)]
              : data.consumeBoolean()
                  ? Double.toString(data.consumeRegularDouble())
                  : "\"" + data.consumeAsciiString(8).replace("\"", "").replace("\\", "") + "\"";
      out.replace(s[0], s[1], value);
      lastStart = s[0];
    }
    return out.toString();
  }

  @FuzzTest(maxDuration = "30s")
  void workspace(FuzzedDataProvider data) {
    String json =
        data.consumeBoolean()
            ? replaceValues(VALID, data)
            : new String(
                mutate(VALID.getBytes(StandardCharsets.UTF_8), data), StandardCharsets.UTF_8);
    try {
      Workspace ws = WorkspaceJson.parse(json);
      for (Workspace.Measurement measurement : ws.measurements()) {
        build(ws, measurement.name(), Interpolation.CODE4, Interpolation.CODE4P);
        build(ws, measurement.name(), Interpolation.CODE1, Interpolation.CODE0);
      }
    } catch (IllegalArgumentException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new IllegalStateException("an invalid workspace without a message", expected);
      }
    }
  }

  private static void build(
      Workspace ws, String measurement, Interpolation normsys, Interpolation histosys) {
    HistFactoryModel model = HistFactoryModel.of(ws, measurement, normsys, histosys);
    double[] gradient = new double[model.size()];
    model.negativeLogLikelihood(model.inits(), model.observedData(), gradient);
    model.expectedData(model.inits());
  }
}
