package org.sbi4j.samples.io;

import java.util.Locale;

/**
 * One entry of an event file's {@code systematics} group (MadMiner's model, docs/formats.md): the
 * source of one or more nuisance parameters.
 *
 * @param name unique, non-blank
 * @param type the kind of variation
 * @param value for {@link Type#NORM} the relative normalisation at ν = +1 (1.1 is +10 %), for
 *     {@link Type#SCALE} the scale factors (e.g. {@code 0.5,1.0,2.0}), for {@link Type#PDF} the PDF
 *     set (e.g. {@code CT10})
 * @param scale for {@link Type#SCALE} which scales vary; null for the other types
 */
public record Systematic(String name, Type type, String value, Scale scale) {
  /** MadMiner's {@code SystematicType}. */
  public enum Type {
    /** A change of the overall normalisation by a relative factor. */
    NORM,
    /** Variations of the factorisation and/or renormalisation scale. */
    SCALE,
    /** Variations of the parton density functions. */
    PDF;

    /** The name stored in files: {@code norm}, {@code scale} or {@code pdf}. */
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** MadMiner's {@code SystematicScale}. */
  public enum Scale {
    /** Factorisation and renormalisation scale together. */
    MU,
    /** The factorisation scale only. */
    MUF,
    /** The renormalisation scale only. */
    MUR;

    /** The name stored in files: {@code mu}, {@code muf} or {@code mur}. */
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Systematic {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a systematic has a blank name; name it");
    }
    if (type == null) {
      throw new IllegalArgumentException("systematic '" + name + "' has no type");
    }
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("systematic '" + name + "' has no value");
    }
    if (type == Type.SCALE && scale == null) {
      throw new IllegalArgumentException(
          "scale systematic '" + name + "' needs a scale: mu, muf or mur");
    }
    if (type != Type.SCALE && scale != null) {
      throw new IllegalArgumentException(
          "systematic '" + name + "' of type " + type.fileName() + " cannot have a scale");
    }
    if (type == Type.NORM) {
      double v = parseNorm(name, value);
      value = Double.toString(v);
    }
  }

  /** A normalisation systematic: the cross section times {@code relative} at ν = +1. */
  public static Systematic norm(String name, double relative) {
    return new Systematic(name, Type.NORM, Double.toString(relative), null);
  }

  /** The relative normalisation at ν = +1 of a {@link Type#NORM} systematic. */
  public double relativeNorm() {
    if (type != Type.NORM) {
      throw new IllegalArgumentException(
          "systematic '" + name + "' is of type " + type.fileName() + ", not norm");
    }
    return Double.parseDouble(value);
  }

  private static double parseNorm(String name, String value) {
    double v;
    try {
      v = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          "norm systematic '"
              + name
              + "' has value '"
              + value
              + "'; it must be a positive relative normalisation such as 1.1");
    }
    return v;
  }

  /** The type named {@code text} in a file (case-insensitive). */
  static Type type(String name, String text) {
    for (Type t : Type.values()) {
      if (t.fileName().equalsIgnoreCase(text.trim())) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "systematic '" + name + "' has type '" + text + "'; it must be norm, scale or pdf");
  }

  /** The scale named {@code text} in a file (case-insensitive). */
  static Scale scale(String name, String text) {
    for (Scale s : Scale.values()) {
      if (s.fileName().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "scale systematic '" + name + "' has scale '" + text + "'; it must be mu, muf or mur");
  }
}
