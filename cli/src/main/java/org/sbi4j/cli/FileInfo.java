package org.sbi4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Provenance;
import org.sbi4j.common.Sha256;
import org.sbi4j.samples.io.H5Info;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a file or folder is and where it came from ({@code sbi4j info}, docs/cli.md): its kind, its
 * sizes, the provenance it records and whether each recorded input is still as it was.
 *
 * @param file the path asked about
 * @param kind what it is (see {@link #of})
 * @param shape sizes and names by key (events, observables, parameters, benchmarks, nuisances...)
 * @param recorded the provenance the file records, or null when it records none
 * @param inputs each recorded input checked against the file system now (empty when not checked)
 */
record FileInfo(
    String file,
    String kind,
    Map<String, Object> shape,
    Provenance recorded,
    List<InputCheck> inputs) {

  /**
   * A recorded input compared with the file system.
   *
   * @param path the recorded path
   * @param recorded the recorded SHA-256
   * @param now its SHA-256 now, or null when it is missing
   * @param status "unchanged", "changed" or "missing"
   */
  record InputCheck(String path, String recorded, String now, String status) {}

  private static final JsonMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private static final byte[] HDF5 = {(byte) 0x89, 'H', 'D', 'F'};

  /**
   * Inspects {@code path}: a model folder, an NPLM toys folder, a proto-model database folder, an
   * HDF5 file ({@link H5Info} kinds), a pyhf workspace, a proto-model checkpoint, a JSON result of
   * sbi4j or another JSON file; anything else is bad input. With {@code check}, every recorded
   * input is hashed again.
   */
  static FileInfo of(Path path, boolean check) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(
          path + " does not exist; give a file or folder sbi4j wrote");
    }
    FileInfo info;
    if (Files.isDirectory(path)) {
      info = folder(path);
    } else if (startsWith(path, HDF5)) {
      H5Info h = H5Info.of(path);
      info = new FileInfo(path.toString(), h.kind(), h.shape(), h.provenance(), List.of());
    } else {
      info = json(path);
    }
    return check ? info.checked() : info;
  }

  private static FileInfo folder(Path dir) {
    Path model = dir.resolve("model.json");
    if (Files.isRegularFile(dir.resolve("run.txt"))) {
      return toysFolder(dir);
    }
    if (Files.isRegularFile(dir.resolve("database.json"))) {
      return database(dir);
    }
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException(
          dir
              + " is a folder without model.json, run.txt or database.json; sbi4j info reads"
              + " model, NPLM toys and proto-model database folders, HDF5 and JSON files");
    }
    JsonNode h = tree(model);
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("method", h.path("method").asString());
    shape.put("observables", strings(h.path("observables")));
    shape.put("parameters", strings(h.path("parameters")));
    if (h.has("nuisance_names")) {
      shape.put("nuisances", strings(h.path("nuisance_names")));
    }
    shape.put("members", h.path("members").asInt());
    shape.put("hiddenLayers", strings(h.path("hiddenLayers")));
    return new FileInfo(dir.toString(), "model folder", shape, folderProvenance(dir), List.of());
  }

  /** An NPLM toys folder (docs/formats.md §12): its key, toys done and resumptions. */
  private static FileInfo toysFolder(Path dir) {
    Map<String, Object> shape = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("run.txt"))) {
        int colon = line.indexOf(": ");
        if (colon > 0) {
          shape.put(line.substring(0, colon), line.substring(colon + 2).strip());
        }
      }
      try (java.util.stream.Stream<Path> files = Files.list(dir)) {
        shape.put(
            "toys done",
            files.filter(f -> f.getFileName().toString().matches("toy-\\d+\\.t")).count());
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + dir + ": " + e.getMessage());
    }
    Path resumptions = dir.resolve("resumptions.json");
    if (Files.isRegularFile(resumptions)) {
      List<String> runs = new ArrayList<>();
      JsonNode list = tree(resumptions);
      for (JsonNode r : list) {
        Provenance p = read(resumptions, r);
        runs.add(p.createdAt() + " " + String.join(" ", p.commandLine()));
      }
      shape.put("resumed by", runs);
    }
    return new FileInfo(
        dir.toString(), "NPLM toys folder", shape, folderProvenance(dir), List.of());
  }

  /** A proto-model database folder (docs/formats.md §15). */
  private static FileInfo database(Path dir) {
    JsonNode h = tree(dir.resolve("database.json"));
    Map<String, Object> shape = new LinkedHashMap<>();
    List<String> particles = new ArrayList<>();
    for (JsonNode p : h.path("particles")) {
      particles.add(p.path("name").asString());
    }
    List<String> operators = new ArrayList<>();
    for (JsonNode o : h.path("operators")) {
      operators.add(o.path("name").asString());
    }
    shape.put("particles", particles);
    shape.put("operators", operators);
    shape.put("analyses", strings(h.path("analyses")));
    return new FileInfo(
        dir.toString(), "proto-model database", shape, folderProvenance(dir), List.of());
  }

  /** The folder's provenance.json, or null when it has none. */
  private static Provenance folderProvenance(Path dir) {
    Path prov = dir.resolve("provenance.json");
    return Files.isRegularFile(prov) ? read(prov, tree(prov)) : null;
  }

  private static FileInfo json(Path file) {
    JsonNode root = tree(file);
    if (!root.isObject()) {
      throw new IllegalArgumentException(
          file + " is JSON but not an object; sbi4j info reads the JSON objects sbi4j writes");
    }
    Map<String, Object> shape = new LinkedHashMap<>();
    String kind;
    if (root.has("channels") && root.has("measurements") && root.has("observations")) {
      kind = "pyhf workspace";
      List<String> channels = new ArrayList<>();
      int samples = 0;
      for (JsonNode c : root.path("channels")) {
        channels.add(c.path("name").asString());
        samples += c.path("samples").size();
      }
      List<String> measurements = new ArrayList<>();
      for (JsonNode m : root.path("measurements")) {
        measurements.add(m.path("name").asString());
      }
      shape.put("channels", channels);
      shape.put("samples", samples);
      shape.put("measurements", measurements);
    } else if (root.has("fingerprint") && root.has("walker") && root.has("trajectory")) {
      kind = "proto-model checkpoint";
      shape.put("walker", root.path("walker").asInt());
      shape.put("steps", root.path("steps").asInt());
      shape.put("best K", root.path("bestEvaluation").path("k").asDouble());
    } else {
      kind = root.has("provenance") ? "JSON result" : "JSON file";
      List<String> keys = new ArrayList<>();
      root.propertyNames()
          .forEach(
              k -> {
                if (!k.equals("provenance")) {
                  keys.add(k);
                }
              });
      shape.put("keys", keys);
    }
    JsonNode p = root.get("provenance");
    return new FileInfo(
        file.toString(), kind, shape, p == null || !p.isObject() ? null : read(file, p), List.of());
  }

  /** This with every recorded input hashed again and compared. */
  private FileInfo checked() {
    if (recorded == null) {
      return this;
    }
    List<InputCheck> checks = new ArrayList<>();
    for (Provenance.Input in : recorded.inputs()) {
      Path p = Path.of(in.path());
      if (!Files.exists(p)) {
        checks.add(new InputCheck(in.path(), in.sha256(), null, "missing"));
      } else {
        String now = Sha256.of(p);
        checks.add(
            new InputCheck(
                in.path(), in.sha256(), now, now.equals(in.sha256()) ? "unchanged" : "changed"));
      }
    }
    return new FileInfo(file, kind, shape, recorded, checks);
  }

  private static Provenance read(Path file, JsonNode node) {
    try {
      return JSON.treeToValue(node, Provenance.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          file + " has a malformed provenance: " + e.getOriginalMessage());
    }
  }

  private static JsonNode tree(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          file
              + " is neither HDF5 nor JSON ("
              + e.getOriginalMessage()
              + "); sbi4j info reads model folders, HDF5 and JSON files");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asString());
    }
    return out;
  }

  private static boolean startsWith(Path file, byte[] magic) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(magic.length);
      return java.util.Arrays.equals(head, magic);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
