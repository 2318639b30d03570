package org.sbi4j.samples.io;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * What a failure to read a YAML or JSON document means to the person who wrote it: the key's path,
 * the value found and the kind of value expected, in their words. Never Jackson's advice, a Java
 * type or a class name (issue 17).
 */
public final class JacksonMessages {
  private static final Pattern FOUND = Pattern.compile("from (\\w[\\w-]*) value");

  private JacksonMessages() {}

  /**
   * The user's message for {@code e}, raised while reading a document written in {@code language}
   * ("YAML" or "JSON"); the caller prefixes the file.
   */
  public static String describe(JacksonException e, String language) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.startsWith("No content to map")) {
      return "the document is empty; see configs/ for an example";
    }
    String path = path(e);
    String key = path.isEmpty() ? "the document" : "'" + path + "'";
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<Object> known = u.getKnownPropertyIds();
      return "unknown key '" + path + "'" + (known == null ? "" : "; known keys here: " + known);
    }
    if (e instanceof ValueInstantiationException) {
      Throwable cause = e.getCause();
      String why =
          cause != null && cause.getMessage() != null
              ? cause.getMessage()
              : "a value is out of range";
      return "invalid value" + (path.isEmpty() ? "" : " in '" + path + "'") + ": " + oneLine(why);
    }
    if (e instanceof InvalidNullException || original.contains("`null`")) {
      return key + " is missing or null; give " + expected(type(e));
    }
    if (e instanceof InvalidFormatException f) {
      return key
          + " is "
          + quote(f.getValue())
          + ", which is not "
          + expected(f.getTargetType())
          + location(e);
    }
    if (e instanceof MismatchedInputException m) {
      Matcher found = FOUND.matcher(original);
      return key
          + " must be "
          + expected(m.getTargetType())
          + (found.find() ? ", not " + token(found.group(1)) : "")
          + location(e);
    }
    if (e instanceof StreamReadException) {
      String why = clean(original);
      if (e.getCause() instanceof MarkedYamlEngineException y && y.getProblem() != null) {
        why = (y.getContext() == null ? "" : y.getContext() + ": ") + y.getProblem();
      }
      return "malformed " + language + location(e) + ": " + why;
    }
    return "invalid value" + (path.isEmpty() ? "" : " at '" + path + "'") + ": " + clean(original);
  }

  /** The path of the failing key, e.g. {@code items[0].range}. */
  static String path(JacksonException e) {
    return e.getPath().stream()
        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static Class<?> type(JacksonException e) {
    return e instanceof MismatchedInputException m ? m.getTargetType() : null;
  }

  private static String location(JacksonException e) {
    TokenStreamLocation l = e.getLocation();
    if (l == null || l.getLineNr() < 1) {
      return "";
    }
    return " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
  }

  private static String quote(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  /** The kind of value a Java type takes, in a config writer's words. */
  static String expected(Class<?> t) {
    if (t == null) {
      return "a value of the documented kind";
    }
    if (t == int.class
        || t == Integer.class
        || t == long.class
        || t == Long.class
        || t == short.class
        || t == Short.class) {
      return "a whole number";
    }
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return "a number";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "true or false";
    }
    if (t == String.class) {
      return "text";
    }
    if (t.isEnum()) {
      return "one of "
          + Arrays.stream(t.getEnumConstants()).map(String::valueOf).collect(Collectors.toList());
    }
    if (t.isArray() || Collection.class.isAssignableFrom(t)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(t) || t.isRecord()) {
      return "a mapping of keys to values";
    }
    return "a value of the documented kind";
  }

  private static String token(String jackson) {
    return switch (jackson) {
      case "Array" -> "a list";
      case "Object" -> "a mapping";
      case "String" -> "text";
      case "Integer", "Floating-point" -> "a number";
      case "Boolean" -> "true or false";
      default -> "that value";
    };
  }

  /** Jackson's own message without its advice (enable `Feature`…) and Java type names. */
  static String clean(String message) {
    String m = oneLine(message);
    Matcher nonStandard = Pattern.compile("Non-standard token '([^']*)'").matcher(m);
    if (nonStandard.find()) {
      return "'"
          + nonStandard.group(1)
          + "' is not a number JSON can hold; every value must be a finite number";
    }
    int tick = m.indexOf('`');
    if (tick >= 0) {
      m = m.substring(0, tick).replaceAll("[\\s:;,(]+$", "");
    }
    return m.replaceAll("\\s*\\(code \\d+\\)", "")
        .replaceAll("\\bJsonToken\\.\\w+", "")
        .replaceAll("\\bjava\\.[\\w.]+", "")
        .trim();
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", "; ").trim();
  }
}
