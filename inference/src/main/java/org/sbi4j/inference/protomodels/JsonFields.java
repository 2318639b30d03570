package org.sbi4j.inference.protomodels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Typed access to one JSON object of a database file; errors name the file and the key. */
final class JsonFields {
  private final Path file;
  private final JsonNode node;
  private final String path;

  JsonFields(Path file, JsonNode node, String path) {
    this.file = file;
    this.node = node;
    this.path = path;
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(
          file + ": " + (path.isEmpty() ? "the document" : path) + " must be a JSON object");
    }
  }

  /** Refuses keys other than {@code keys}. */
  void only(String... keys) {
    Set<String> allowed = Set.of(keys);
    for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw bad(k, "unknown key (allowed: " + String.join(", ", keys) + ")");
      }
    }
  }

  boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  JsonNode node(String key) {
    if (!has(key)) {
      throw bad(key, "is missing");
    }
    return node.get(key);
  }

  String string(String key) {
    JsonNode v = node(key);
    if (!v.isString()) {
      throw bad(key, "must be a string");
    }
    return v.asString();
  }

  double number(String key) {
    JsonNode v = node(key);
    if (!v.isNumber()) {
      throw bad(key, "must be a number");
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw bad(key, "must be finite");
    }
    return d;
  }

  int integer(String key) {
    JsonNode v = node(key);
    if (!v.isIntegralNumber()) {
      throw bad(key, "must be an integer");
    }
    return v.asInt();
  }

  double[] numbers(String key) {
    JsonNode v = node(key);
    if (!v.isArray()) {
      throw bad(key, "must be a list of numbers");
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      if (!v.get(i).isNumber() || !Double.isFinite(v.get(i).asDouble())) {
        throw bad(key + "[" + i + "]", "must be a finite number");
      }
      out[i] = v.get(i).asDouble();
    }
    return out;
  }

  double[][] matrix(String key) {
    JsonNode v = node(key);
    if (!v.isArray() || v.isEmpty()) {
      throw bad(key, "must be a non-empty list of rows");
    }
    double[][] out = new double[v.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = v.get(i);
      if (!row.isArray()) {
        throw bad(key + "[" + i + "]", "must be a list of numbers");
      }
      out[i] = new double[row.size()];
      for (int j = 0; j < out[i].length; j++) {
        if (!row.get(j).isNumber() || !Double.isFinite(row.get(j).asDouble())) {
          throw bad(key + "[" + i + "][" + j + "]", "must be a finite number");
        }
        out[i][j] = row.get(j).asDouble();
      }
      if (out[i].length != out[0].length) {
        throw bad(key + "[" + i + "]", "rows must have the same length");
      }
    }
    return out;
  }

  List<String> strings(String key) {
    JsonNode v = node(key);
    if (!v.isArray()) {
      throw bad(key, "must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isString()) {
        throw bad(key + "[" + i + "]", "must be a string");
      }
      out.add(v.get(i).asString());
    }
    return out;
  }

  JsonFields object(String key) {
    return new JsonFields(file, node(key), join(key));
  }

  List<JsonFields> objects(String key) {
    JsonNode v = node(key);
    if (!v.isArray()) {
      throw bad(key, "must be a list of objects");
    }
    List<JsonFields> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new JsonFields(file, v.get(i), join(key) + "[" + i + "]"));
    }
    return out;
  }

  /** Runs {@code make}, prefixing a library error with the file and this object's path. */
  <T> T wrap(Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          file + (path.isEmpty() ? "" : " " + path) + ": " + e.getMessage(), e);
    }
  }

  IllegalArgumentException bad(String key, String message) {
    return new IllegalArgumentException(file + ": " + join(key) + " " + message);
  }

  private String join(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
