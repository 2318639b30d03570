package org.sbi4j.inference.histfactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Modifier;
import org.sbi4j.inference.histfactory.Workspace.Observation;
import org.sbi4j.inference.histfactory.Workspace.ParameterConfig;
import org.sbi4j.inference.histfactory.Workspace.Sample;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes pyhf JSON workspaces (schema 1.0.0, docs/formats.md). Every structural error is
 * one {@link IllegalArgumentException} whose message names the JSON path, e.g. {@code
 * channels[0].samples[1].modifiers[0].type}. Consistency across channels (bin counts, observations,
 * the POI) is checked by {@link WorkspaceChecks}.
 */
public final class WorkspaceJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private WorkspaceJson() {}

  /** Reads and checks the workspace in {@code file}. */
  public static Workspace read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("workspace " + file + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read workspace " + file + ": " + e.getMessage());
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("workspace " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses and checks a workspace from JSON text. */
  public static Workspace parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", "; "));
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("the document is empty");
    }
    Workspace ws = workspace(root);
    WorkspaceChecks.check(ws);
    return ws;
  }

  private static Workspace workspace(JsonNode root) {
    object(root, "", "channels", "observations", "measurements", "version");
    String version = string(required(root, "", "version"), "version");
    if (!version.equals("1.0.0")) {
      throw new IllegalArgumentException(
          "version: schema version '" + version + "' is not supported (only 1.0.0)");
    }
    List<Channel> channels = new ArrayList<>();
    JsonNode cs = array(required(root, "", "channels"), "channels");
    for (int c = 0; c < cs.size(); c++) {
      channels.add(channel(cs.get(c), "channels[" + c + "]"));
    }
    List<Observation> observations = new ArrayList<>();
    JsonNode os = array(required(root, "", "observations"), "observations");
    for (int o = 0; o < os.size(); o++) {
      String p = "observations[" + o + "]";
      object(os.get(o), p, "name", "data");
      observations.add(
          new Observation(
              string(required(os.get(o), p, "name"), p + ".name"),
              numbers(required(os.get(o), p, "data"), p + ".data")));
    }
    List<Measurement> measurements = new ArrayList<>();
    JsonNode ms = array(required(root, "", "measurements"), "measurements");
    for (int m = 0; m < ms.size(); m++) {
      measurements.add(measurement(ms.get(m), "measurements[" + m + "]"));
    }
    return new Workspace(version, channels, observations, measurements);
  }

  private static Channel channel(JsonNode node, String path) {
    object(node, path, "name", "samples");
    String name = string(required(node, path, "name"), path + ".name");
    JsonNode ss = array(required(node, path, "samples"), path + ".samples");
    List<Sample> samples = new ArrayList<>();
    for (int s = 0; s < ss.size(); s++) {
      String p = path + ".samples[" + s + "]";
      JsonNode sn = ss.get(s);
      object(sn, p, "name", "data", "modifiers");
      JsonNode mods = array(required(sn, p, "modifiers"), p + ".modifiers");
      List<Modifier> modifiers = new ArrayList<>();
      for (int m = 0; m < mods.size(); m++) {
        modifiers.add(modifier(mods.get(m), p + ".modifiers[" + m + "]"));
      }
      samples.add(
          new Sample(
              string(required(sn, p, "name"), p + ".name"),
              numbers(required(sn, p, "data"), p + ".data"),
              modifiers));
    }
    return new Channel(name, samples);
  }

  private static Modifier modifier(JsonNode node, String path) {
    object(node, path, "name", "type", "data");
    String name = string(required(node, path, "name"), path + ".name");
    String typeName = string(required(node, path, "type"), path + ".type");
    ModifierType type = ModifierType.fromJson(typeName);
    if (type == null) {
      throw new IllegalArgumentException(
          path + ".type: unknown modifier type '" + typeName + "' (" + ModifierType.known() + ")");
    }
    JsonNode data = node.get("data");
    String dp = path + ".data";
    return switch (type) {
      case NORMFACTOR, LUMI, SHAPEFACTOR -> {
        if (data != null && !data.isNull()) {
          throw new IllegalArgumentException(dp + ": a " + typeName + " modifier has data null");
        }
        yield Modifier.plain(name, type);
      }
      case SHAPESYS, STATERROR ->
          Modifier.perBin(name, type, numbers(required(node, path, "data"), dp));
      case NORMSYS -> {
        object(required(node, path, "data"), dp, "hi", "lo");
        yield Modifier.normsys(
            name,
            number(required(data, dp, "hi"), dp + ".hi"),
            number(required(data, dp, "lo"), dp + ".lo"));
      }
      case HISTOSYS -> {
        object(required(node, path, "data"), dp, "hi_data", "lo_data");
        yield Modifier.histosys(
            name,
            numbers(required(data, dp, "hi_data"), dp + ".hi_data"),
            numbers(required(data, dp, "lo_data"), dp + ".lo_data"));
      }
    };
  }

  private static Measurement measurement(JsonNode node, String path) {
    object(node, path, "name", "config");
    String name = string(required(node, path, "name"), path + ".name");
    String cp = path + ".config";
    JsonNode config = required(node, path, "config");
    object(config, cp, "poi", "parameters");
    String poi = string(required(config, cp, "poi"), cp + ".poi");
    List<ParameterConfig> parameters = new ArrayList<>();
    JsonNode ps = config.get("parameters");
    if (ps != null) {
      array(ps, cp + ".parameters");
      for (int i = 0; i < ps.size(); i++) {
        String p = cp + ".parameters[" + i + "]";
        JsonNode pn = ps.get(i);
        object(pn, p, "name", "inits", "bounds", "auxdata", "sigmas", "factors", "fixed");
        double[][] bounds = null;
        if (pn.get("bounds") != null) {
          JsonNode bn = array(pn.get("bounds"), p + ".bounds");
          bounds = new double[bn.size()][];
          for (int b = 0; b < bn.size(); b++) {
            bounds[b] = numbers(bn.get(b), p + ".bounds[" + b + "]");
            if (bounds[b].length != 2 || !(bounds[b][0] <= bounds[b][1])) {
              throw new IllegalArgumentException(
                  p + ".bounds[" + b + "]: a bound is [low, high] with low ≤ high");
            }
          }
        }
        Boolean fixed = null;
        if (pn.get("fixed") != null) {
          if (!pn.get("fixed").isBoolean()) {
            throw new IllegalArgumentException(p + ".fixed: must be true or false");
          }
          fixed = pn.get("fixed").booleanValue();
        }
        parameters.add(
            new ParameterConfig(
                string(required(pn, p, "name"), p + ".name"),
                optionalNumbers(pn, p, "inits"),
                bounds,
                optionalNumbers(pn, p, "auxdata"),
                optionalNumbers(pn, p, "sigmas"),
                optionalNumbers(pn, p, "factors"),
                fixed));
      }
    }
    return new Measurement(name, poi, parameters);
  }

  /** The workspace as pyhf JSON text. */
  public static String write(Workspace ws) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode channels = root.putArray("channels");
    for (Channel c : ws.channels()) {
      ObjectNode cn = channels.addObject();
      cn.put("name", c.name());
      ArrayNode samples = cn.putArray("samples");
      for (Sample s : c.samples()) {
        ObjectNode sn = samples.addObject();
        sn.put("name", s.name());
        put(sn.putArray("data"), s.data());
        ArrayNode mods = sn.putArray("modifiers");
        for (Modifier m : s.modifiers()) {
          ObjectNode mn = mods.addObject();
          mn.put("name", m.name());
          mn.put("type", m.type().jsonName());
          switch (m.type()) {
            case NORMFACTOR, LUMI, SHAPEFACTOR -> mn.putNull("data");
            case SHAPESYS, STATERROR -> put(mn.putArray("data"), m.data());
            case NORMSYS -> mn.putObject("data").put("hi", m.hi()).put("lo", m.lo());
            case HISTOSYS -> {
              ObjectNode d = mn.putObject("data");
              put(d.putArray("hi_data"), m.hiData());
              put(d.putArray("lo_data"), m.loData());
            }
          }
        }
      }
    }
    ArrayNode obs = root.putArray("observations");
    for (Observation o : ws.observations()) {
      ObjectNode on = obs.addObject();
      on.put("name", o.name());
      put(on.putArray("data"), o.data());
    }
    ArrayNode ms = root.putArray("measurements");
    for (Measurement m : ws.measurements()) {
      ObjectNode mn = ms.addObject();
      mn.put("name", m.name());
      ObjectNode config = mn.putObject("config");
      config.put("poi", m.poi());
      ArrayNode ps = config.putArray("parameters");
      for (ParameterConfig p : m.parameters()) {
        ObjectNode pn = ps.addObject();
        pn.put("name", p.name());
        putIf(pn, "inits", p.inits());
        if (p.bounds() != null) {
          ArrayNode bn = pn.putArray("bounds");
          for (double[] b : p.bounds()) {
            put(bn.addArray(), b);
          }
        }
        putIf(pn, "auxdata", p.auxdata());
        putIf(pn, "sigmas", p.sigmas());
        putIf(pn, "factors", p.factors());
        if (p.fixed() != null) {
          pn.put("fixed", p.fixed().booleanValue());
        }
      }
    }
    root.put("version", ws.version());
    return MAPPER.writeValueAsString(root);
  }

  /** Writes the workspace to {@code file} atomically. */
  public static void write(Workspace ws, Path file) {
    AtomicFiles.writeString(file, write(ws) + "\n");
  }

  private static void putIf(ObjectNode node, String key, double[] values) {
    if (values != null) {
      put(node.putArray(key), values);
    }
  }

  private static void put(ArrayNode array, double[] values) {
    for (double v : values) {
      array.add(v);
    }
  }

  private static JsonNode object(JsonNode node, String path, String... keys) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where(path) + "must be a JSON object");
    }
    Set<String> known = new HashSet<>(List.of(keys));
    for (String key : node.propertyNames()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            (path.isEmpty() ? "" : path + ".")
                + key
                + ": unknown key (known keys here: "
                + String.join(", ", keys)
                + ")");
      }
    }
    return node;
  }

  private static JsonNode required(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw new IllegalArgumentException((path.isEmpty() ? "" : path + ".") + key + ": missing");
    }
    return value;
  }

  private static JsonNode array(JsonNode node, String path) {
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + ": must be a JSON array");
    }
    return node;
  }

  private static String string(JsonNode node, String path) {
    if (!node.isString()) {
      throw new IllegalArgumentException(path + ": must be a string");
    }
    return node.stringValue();
  }

  private static double number(JsonNode node, String path) {
    if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
      throw new IllegalArgumentException(path + ": must be a finite number");
    }
    return node.doubleValue();
  }

  private static double[] numbers(JsonNode node, String path) {
    array(node, path);
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(node.get(i), path + "[" + i + "]");
    }
    return out;
  }

  private static double[] optionalNumbers(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    return value == null ? null : numbers(value, path + "." + key);
  }

  private static String where(String path) {
    return path.isEmpty() ? "the workspace " : path + ": ";
  }
}
