package org.sbi4j.cli;

import java.nio.file.Path;
import org.sbi4j.common.AtomicFiles;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON results: records, maps and arrays written with Jackson, files written atomically. */
final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  static void writeFile(Path file, Object value) {
    AtomicFiles.writeString(file, write(value) + "\n");
  }
}
