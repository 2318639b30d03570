package org.sbi4j.training.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbi4j.common.Sha256;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Integrity of a model folder (issue 8): every file is read only from inside the folder (plain
 * names, no absolute paths, no {@code ..}, no link leading out), and {@code sha256.json}, written
 * last at save time, records the SHA-256 of every other file so that a changed or missing file is
 * reported at load time. Folders of format version 1 (before hashes) load without it.
 */
final class FolderIntegrity {
  /** The hash manifest's file name. */
  static final String MANIFEST = "sha256.json";

  /** Files a model folder holds, besides the manifest. */
  static final List<String> FILES =
      List.of(
          "model.json",
          "weights.json",
          "history.json",
          "provenance.json",
          "config.yaml",
          "model.onnx");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FolderIntegrity() {}

  /** Writes the manifest of {@code dir}'s files (call after every other file is written). */
  static void record(Path dir) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String name : FILES) {
      hashes.put(name, Sha256.file(dir.resolve(name)));
    }
    org.sbi4j.common.AtomicFiles.writeString(
        dir.resolve(MANIFEST),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(hashes) + "\n");
  }

  /**
   * The path of {@code name} inside {@code dir}, refused when the name is not a plain file name or
   * the file is a link whose target lies outside the folder.
   */
  static Path inside(Path dir, String name) {
    if (name == null
        || name.isEmpty()
        || name.contains("/")
        || name.contains("\\")
        || name.equals("..")
        || name.equals(".")
        || Path.of(name).isAbsolute()) {
      throw new IllegalArgumentException(
          "model folder "
              + dir
              + " names the file '"
              + name
              + "'; only plain file names inside the folder are allowed (no paths, no '..')");
    }
    Path f = dir.resolve(name);
    if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && Files.isSymbolicLink(f)) {
      try {
        if (!f.toRealPath().startsWith(dir.toRealPath())) {
          throw new IllegalArgumentException(
              "model folder "
                  + dir
                  + ": "
                  + name
                  + " links to "
                  + f.toRealPath()
                  + " outside the folder; copy the file in instead");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "model folder "
                + dir
                + ": "
                + name
                + " is a broken link ("
                + e.getMessage()
                + "); copy the file in instead");
      }
    }
    return f;
  }

  /**
   * Verifies the manifest of {@code dir}: required for format version ≥ 2; every listed file must
   * be one of {@link #FILES}, exist and have the recorded hash.
   */
  static void verify(Path dir, int formatVersion) {
    Path m = inside(dir, MANIFEST);
    if (!Files.exists(m)) {
      if (formatVersion >= 2) {
        throw new IllegalArgumentException(
            "model folder "
                + dir
                + " lacks "
                + MANIFEST
                + " (the hashes recorded at save time); its files cannot be verified, retrain it");
      }
      return;
    }
    Map<String, String> hashes = readManifest(m);
    for (String name : FILES) {
      if (!hashes.containsKey(name) && formatVersion >= 2) {
        throw new IllegalArgumentException(
            m + " records no hash for " + name + "; the folder was altered, retrain it");
      }
    }
    for (Map.Entry<String, String> e : hashes.entrySet()) {
      Path f = inside(dir, e.getKey());
      if (!Set.copyOf(FILES).contains(e.getKey())) {
        throw new IllegalArgumentException(
            m
                + " lists '"
                + e.getKey()
                + "', which is not a model-folder file (expected "
                + FILES
                + ")");
      }
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException(
            "model folder "
                + dir
                + " lacks "
                + e.getKey()
                + ", recorded at save time; the folder is incomplete, copy it again or retrain");
      }
      String actual = Sha256.file(f);
      if (!actual.equalsIgnoreCase(String.valueOf(e.getValue()))) {
        throw new IllegalArgumentException(
            "model folder "
                + dir
                + ": "
                + e.getKey()
                + " was changed after saving (SHA-256 "
                + actual
                + ", recorded "
                + e.getValue()
                + "); restore the original or retrain");
      }
    }
  }

  private static Map<String, String> readManifest(Path m) {
    try {
      Map<String, String> h =
          JSON.readValue(
              Files.readString(m),
              new tools.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {});
      if (h == null) {
        throw new IllegalArgumentException(m + " is empty; the folder was altered, retrain it");
      }
      return h;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + m + ": " + e.getMessage());
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          m + ": " + org.sbi4j.samples.io.JacksonMessages.describe(e, "JSON"));
    }
  }
}
