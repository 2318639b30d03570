package org.sbi4j.inference.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.Provenance;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The run's provenance (docs/formats.md §17.1) as JSON files of their own inside a folder sbi4j
 * writes ({@code provenance.json} of an NPLM toys folder or a proto-model database, {@code
 * resumptions.json} of a toys folder), written atomically.
 */
public final class ProvenanceFiles {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ProvenanceFiles() {}

  /** Writes {@code p} as one JSON object to {@code file}, atomically. */
  public static void write(Path file, Provenance p) {
    AtomicFiles.writeString(file, JSON.writeValueAsString(p) + "\n");
  }

  /**
   * Appends {@code p} to the JSON array of provenance objects in {@code file} (created when
   * absent), rewriting the file atomically; entries already there are kept as they are.
   */
  public static void append(Path file, Provenance p) {
    ArrayNode all = JSON.createArrayNode();
    if (Files.exists(file)) {
      try {
        JsonNode old = JSON.readTree(Files.readString(file));
        if (!old.isArray()) {
          throw new IllegalArgumentException(
              file + " is not a JSON array of provenance objects; delete it to start a new list");
        }
        all = (ArrayNode) old;
      } catch (IOException | JacksonException e) {
        throw new IllegalArgumentException(
            file + " cannot be read (" + e.getMessage() + "); delete it to start a new list");
      }
    }
    all.add(JSON.valueToTree(p));
    AtomicFiles.writeString(file, JSON.writeValueAsString(all) + "\n");
  }
}
