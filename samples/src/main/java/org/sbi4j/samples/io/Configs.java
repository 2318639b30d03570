package org.sbi4j.samples.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds YAML documents 1:1 onto config records. Unknown keys, wrong types and malformed documents
 * fail with an {@link IllegalArgumentException} naming the file and the key's path.
 */
public final class Configs {
  /** Largest config document accepted, in bytes. */
  public static final long MAX_BYTES = 4L << 20;

  private Configs() {}

  private static YAMLMapper mapper() {
    YAMLFactory factory =
        YAMLFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BYTES)
                    .maxNestingDepth(64)
                    .build())
            .build();
    return YAMLMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .build();
  }

  /** Reads {@code file} into {@code type}; a missing or empty file is an error. */
  public static <T> T load(Path file, Class<T> type) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(
            file
                + ": config is larger than "
                + MAX_BYTES
                + " bytes; a config is a short YAML file");
      }
      try (InputStream in = Files.newInputStream(file)) {
        T value = mapper().readValue(in, type);
        if (value == null) {
          throw new IllegalArgumentException(
              file + ": the document is empty; see configs/ for an " + "example");
        }
        return value;
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("config file " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    } catch (JacksonException e) {
      throw new IllegalArgumentException(file + ": " + describe(e));
    }
  }

  /** Reads a YAML string into {@code type} (for tests and built-in examples). */
  public static <T> T parse(String yaml, Class<T> type) {
    try {
      return mapper().readValue(yaml, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(describe(e));
    }
  }

  private static String describe(JacksonException e) {
    return JacksonMessages.describe(e, "YAML");
  }
}
