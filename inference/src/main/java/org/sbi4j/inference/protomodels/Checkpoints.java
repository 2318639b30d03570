package org.sbi4j.inference.protomodels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.Provenance;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A walker's state as JSON ({@code walker-NNNN.json}, docs/formats.md), with the fingerprint of the
 * run that wrote it: a rerun with the same database, seed and settings continues from it.
 */
final class Checkpoints {
  private Checkpoints() {}

  /** The checkpoint file of walker {@code w} in {@code dir}. */
  static Path file(Path dir, int w) {
    return dir.resolve(String.format(java.util.Locale.ROOT, "walker-%04d.json", w));
  }

  /**
   * Writes the state atomically, with the provenance of the run writing it (docs/formats.md §16,
   * §17; the reader ignores it).
   */
  static void write(Path file, String fingerprint, WalkerState s, Provenance provenance) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fingerprint", fingerprint);
    m.put("walker", s.walker());
    m.put("steps", s.steps());
    m.put("accepted", s.accepted());
    m.put("current", model(s.current()));
    m.put("currentCoefficients", s.current().coefficients());
    m.put("currentEvaluation", evaluation(s.currentEvaluation()));
    m.put("best", model(s.best()));
    m.put("bestCoefficients", s.best().coefficients());
    m.put("bestEvaluation", evaluation(s.bestEvaluation()));
    m.put("trajectory", s.trajectory());
    m.put("provenance", provenance);
    AtomicFiles.writeString(file, DatabaseJson.MAPPER.writeValueAsString(m) + "\n");
  }

  /** The state in {@code file}, or null when there is none; refuses a checkpoint of another run. */
  static WalkerState read(Path file, String fingerprint, int particles, int operators) {
    if (!Files.exists(file)) {
      return null;
    }
    JsonNode root;
    try {
      root = DatabaseJson.MAPPER.readTree(Files.readString(file));
    } catch (IOException | JacksonException e) {
      throw new IllegalArgumentException(
          "checkpoint " + file + " cannot be read (" + e.getMessage() + "); delete it to restart");
    }
    if (!root.path("fingerprint").asString("").equals(fingerprint)) {
      throw new IllegalArgumentException(
          "checkpoint "
              + file
              + " belongs to a run with another database, seed, penalty or r_max; use another"
              + " output folder or the same options");
    }
    try {
      double[] trajectory = numbers(root.get("trajectory"));
      return new WalkerState(
          root.get("walker").asInt(),
          root.get("steps").asInt(),
          model(root.get("current"), root.get("currentCoefficients"), particles, operators),
          evaluation(root.get("currentEvaluation")),
          model(root.get("best"), root.get("bestCoefficients"), particles, operators),
          evaluation(root.get("bestEvaluation")),
          trajectory,
          root.get("accepted").asInt());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "checkpoint " + file + " is damaged (" + e.getMessage() + "); delete it to restart");
    }
  }

  static List<Map<String, Object>> model(ProtoModel m) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int p : m.presentParticles()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", p);
      e.put("mass", m.mass(p));
      e.put("strength", m.strength(p));
      e.put("branchings", m.branchings(p));
      out.add(e);
    }
    return out;
  }

  private static ProtoModel model(
      JsonNode node, JsonNode coefficients, int particles, int operators) {
    ProtoModel m = ProtoModel.standardModel(particles, operators);
    double[] c = coefficients == null ? new double[0] : numbers(coefficients);
    if (c.length != operators) {
      throw new IllegalArgumentException(
          "it has " + c.length + " operator coefficients, the database " + operators);
    }
    for (int o = 0; o < operators; o++) {
      m = m.withCoefficient(o, c[o]);
    }
    for (JsonNode e : node) {
      m =
          m.with(
              e.get("index").asInt(),
              e.get("mass").asDouble(),
              e.get("strength").asDouble(),
              numbers(e.get("branchings")));
    }
    return m;
  }

  static Map<String, Object> evaluation(Combiner.Evaluation ev) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", ev.k());
    m.put("clique", ev.clique());
    m.put("muHat", ev.muHat());
    m.put("muMax", ev.muMax());
    m.put("deltaChi2", ev.deltaChi2());
    m.put("freeParameters", ev.freeParameters());
    return m;
  }

  private static Combiner.Evaluation evaluation(JsonNode n) {
    double[] clique = numbers(n.get("clique"));
    int[] c = new int[clique.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = (int) clique[i];
    }
    return new Combiner.Evaluation(
        n.get("k").asDouble(),
        c,
        n.get("muHat").asDouble(),
        n.get("muMax").asDouble(),
        n.get("deltaChi2").asDouble(),
        n.get("freeParameters").asInt());
  }

  private static double[] numbers(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }
}
