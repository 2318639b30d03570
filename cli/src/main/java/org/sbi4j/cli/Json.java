package org.sbi4j.cli;

import java.nio.file.Path;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.Provenance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON results: records, maps and arrays written with Jackson, files written atomically. */
final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /**
   * {@code result} as a JSON tree with the run's provenance added as its top-level {@code
   * provenance} object (docs/formats.md §17).
   */
  static JsonNode withProvenance(Object result) {
    JsonNode tree = MAPPER.valueToTree(result);
    if (!(tree instanceof ObjectNode o)) {
      throw new IllegalStateException("a JSON result must be an object, not " + tree.getNodeType());
    }
    o.set("provenance", MAPPER.valueToTree(Provenance.current()));
    return o;
  }

  static void writeFile(Path file, Object value) {
    AtomicFiles.writeString(file, write(value) + "\n");
  }
}
