package org.sbi4j.inference.histfactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Round trips of workspaces and the one-line errors of malformed ones (with their JSON path). */
class WorkspaceJsonTest {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** Numbers compare by value (20 and 20.0 are the same); objects ignore key order. */
  static final Comparator<JsonNode> NUMERIC =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  static Stream<Path> workspaces() throws IOException {
    Stream<Path> validation = Files.list(PyhfValidationTest.DIR);
    return Stream.concat(validation, Stream.of(PyhfLogPdfTest.FILE)).sorted();
  }

  @ParameterizedTest
  @MethodSource("workspaces")
  void readThenWrittenIsTheSameJson(Path file) throws IOException {
    String original = Files.readString(file);
    String written = WorkspaceJson.write(WorkspaceJson.parse(original));
    JsonNode a = MAPPER.readTree(original);
    JsonNode b = MAPPER.readTree(written);
    // A measurement without "parameters" is written with an empty list; both mean the same.
    assertTrue(a.equals(NUMERIC, b) || withoutEmptyParameters(b).equals(NUMERIC, a), file + "");
    assertEquals(written, WorkspaceJson.write(WorkspaceJson.parse(written)));
  }

  private static JsonNode withoutEmptyParameters(JsonNode node) {
    JsonNode copy = node.deepCopy();
    for (JsonNode m : copy.get("measurements")) {
      JsonNode config = m.get("config");
      if (config.get("parameters").isEmpty()) {
        ((tools.jackson.databind.node.ObjectNode) config).remove("parameters");
      }
    }
    return copy;
  }

  static final String GOOD =
      """
      {"channels": [{"name": "sr", "samples": [
         {"name": "sig", "data": [1, 2], "modifiers": [{"name": "mu", "type": "normfactor", "data": null}]},
         {"name": "bkg", "data": [10, 20], "modifiers": [{"name": "unc", "type": "shapesys", "data": [1, 2]}]}]}],
       "observations": [{"name": "sr", "data": [11, 22]}],
       "measurements": [{"name": "m", "config": {"poi": "mu", "parameters": []}}],
       "version": "1.0.0"}
      """;

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(
            "\"normfactor\", \"data\": null}]},",
            "\"normfactr\", \"data\": null}]},",
            "channels[0].samples[0].modifiers[0].type: unknown modifier type 'normfactr'"),
        Arguments.of(
            "\"data\": [1, 2]}]}]}]",
            "\"data\": [1, 2, 3]}]}]}]",
            "channels[0].samples[1].modifiers[0].data: 3 bins"),
        Arguments.of(
            "\"data\": [10, 20]", "\"data\": [10, 20, 30]", "channels[0].samples[1].data: 3 bins"),
        Arguments.of("\"data\": [11, 22]", "\"data\": [11]", "observations[0].data: 1 bins"),
        Arguments.of(
            "{\"name\": \"sr\", \"data\": [11, 22]}",
            "",
            "observations: missing observation for channel 'sr'"),
        Arguments.of(
            "\"poi\": \"mu\"", "\"poi\": \"nu\"", "measurements[0].config.poi: unknown POI 'nu'"),
        Arguments.of(
            "\"version\": \"1.0.0\"", "\"version\": \"1.0.0\", \"extra\": 1", "extra: unknown key"),
        Arguments.of(
            "\"parameters\": []",
            "\"parameters\": [{\"name\": \"mu\", \"bounds\": [[0, 5], [0, 1]]}]",
            "measurements[0].config.parameters[0].bounds: 2 entries"),
        Arguments.of(
            "\"data\": [11, 22]",
            "\"data\": [11, \"x\"]",
            "observations[0].data[1]: must be a finite number"),
        Arguments.of("{\"channels\"", "{\"channels\" x", "not valid JSON"));
  }

  @ParameterizedTest
  @MethodSource("bad")
  void malformedWorkspacesNameTheJsonPath(String from, String to, String message) {
    String json = GOOD.replace(from, to);
    assertTrue(!json.equals(GOOD), "the mutation applies: " + from);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> HistFactoryModel.of(WorkspaceJson.parse(json)));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line");
  }
}
