package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.PlainSamples;
import org.sbi4j.training.nplm.NuisanceFit;
import org.sbi4j.training.nplm.NuisanceModel;
import org.sbi4j.training.nplm.ReferenceVariation;
import picocli.CommandLine.Option;

/**
 * The nuisance options of {@code sbi4j nplm} (docs/cli.md, math.md §5.11): {@code --nuisance
 * norm:SIGMA}, {@code --nuisance NAME:SIGMA} with {@code --reference-variation NAME:NU=FILE},
 * {@code --auxiliary NAME:VALUE} and {@code --variation-degree D}.
 */
final class NplmNuisanceOptions {
  /** The name of the normalisation nuisance. */
  static final String NORM = "norm";

  /** Polynomial degree in x of the learned shape variations without {@code --variation-degree}. */
  static final int DEFAULT_DEGREE = 2;

  @Option(
      names = "--nuisance",
      paramLabel = "NAME:SIGMA",
      description =
          "A nuisance with a Gaussian constraint of width SIGMA: norm (the reference's yield times "
              + "e^ν) or a shape nuisance learned from --reference-variation NAME:…; repeatable. "
              + "t becomes τ − Δ.")
  List<String> nuisances;

  @Option(
      names = "--reference-variation",
      paramLabel = "NAME:NU=FILE",
      description =
          "A reference sample generated with shape nuisance NAME at ν = NU (same units as "
              + "SIGMA); repeatable, two distinct NU per nuisance for a quadratic dependence.")
  List<String> variations;

  @Option(
      names = "--auxiliary",
      paramLabel = "NAME:VALUE",
      description = "Observed auxiliary measurement ν⁰ of a nuisance (default 0); repeatable.")
  List<String> auxiliary;

  @Option(
      names = "--variation-degree",
      paramLabel = "D",
      description = "Polynomial degree in x of the learned shape variations (default 2).")
  Integer degree;

  /**
   * The parsed nuisances.
   *
   * @param model the nuisance model, shape variations learned
   * @param aux the observed auxiliary measurements, in model order
   * @param names the nuisances' names, in model order
   */
  record Spec(NuisanceModel model, double[] aux, List<String> names) {}

  /** Whether any nuisance is given. */
  boolean active() {
    return nuisances != null && !nuisances.isEmpty();
  }

  /** The variation files, for the command's input declarations. */
  List<Path> files() {
    List<Path> out = new ArrayList<>();
    if (variations != null) {
      for (String v : variations) {
        int eq = v.indexOf('=');
        if (eq > 0) {
          out.add(Path.of(v.substring(eq + 1)));
        }
      }
    }
    return out;
  }

  /** Refuses the nuisance options' companions without {@code --nuisance}. */
  void requireUnusedWithout() {
    if (!active() && (variations != null || auxiliary != null || degree != null)) {
      throw new IllegalArgumentException(
          "--reference-variation, --auxiliary and --variation-degree need --nuisance NAME:SIGMA");
    }
  }

  /** Parses the options and learns the shape variations against {@code reference}. */
  Spec build(EventSample reference) {
    Map<String, Double> sigmas = new LinkedHashMap<>();
    for (String n : nuisances) {
      String[] kv = split(n, ':', "--nuisance " + n + " is not NAME:SIGMA (e.g. norm:0.05)");
      double s = number(kv[1], "--nuisance " + n + ": SIGMA");
      if (!(s > 0) || !Double.isFinite(s)) {
        throw new IllegalArgumentException("--nuisance " + n + ": SIGMA must be > 0");
      }
      if (sigmas.put(kv[0], s) != null) {
        throw new IllegalArgumentException("--nuisance " + kv[0] + " is given twice; give it once");
      }
    }
    List<String> shapes = new ArrayList<>(sigmas.keySet());
    shapes.remove(NORM);
    Map<String, List<ReferenceVariation.Shift>> shifts = new LinkedHashMap<>();
    for (String s : shapes) {
      shifts.put(s, new ArrayList<>());
    }
    int d = reference.featureCount();
    for (String v : variations == null ? List.<String>of() : variations) {
      String[] nameRest =
          split(
              v,
              ':',
              "--reference-variation " + v + " is not NAME:NU=FILE (e.g. scale:0.05=up.h5)");
      String[] nuFile =
          split(nameRest[1], '=', "--reference-variation " + v + " is not NAME:NU=FILE");
      List<ReferenceVariation.Shift> list = shifts.get(nameRest[0]);
      if (list == null) {
        throw new IllegalArgumentException(
            "--reference-variation "
                + v
                + " names "
                + nameRest[0]
                + ", which is not a shape nuisance; add --nuisance "
                + nameRest[0]
                + ":SIGMA");
      }
      double nu = number(nuFile[0], "--reference-variation " + v + ": NU");
      EventSample sample = PlainSamples.read(Path.of(nuFile[1]));
      if (sample.featureCount() != d || sample.size() == 0) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "--reference-variation %s has %d events with %d observables; give events with "
                    + "the reference's %d observables",
                v,
                sample.size(),
                sample.featureCount(),
                d));
      }
      double[] w = sample.has(Column.WEIGHT) ? sample.column(Column.WEIGHT) : null;
      list.add(new ReferenceVariation.Shift(nu, sample.x(), w));
    }
    for (Map.Entry<String, List<ReferenceVariation.Shift>> e : shifts.entrySet()) {
      if (e.getValue().isEmpty()) {
        throw new IllegalArgumentException(
            "shape nuisance "
                + e.getKey()
                + " has no --reference-variation "
                + e.getKey()
                + ":NU=FILE; give one or more");
      }
    }
    ReferenceVariation variation = null;
    if (!shapes.isEmpty()) {
      double[] refW = reference.has(Column.WEIGHT) ? reference.column(Column.WEIGHT) : null;
      variation =
          ReferenceVariation.fit(
              d,
              reference.x(),
              refW,
              new ArrayList<>(shifts.values()),
              degree == null ? DEFAULT_DEGREE : degree);
    } else if (degree != null) {
      throw new IllegalArgumentException(
          "--variation-degree applies to shape nuisances; add one or drop it");
    }
    double[] shapeSigmas = shapes.stream().mapToDouble(sigmas::get).toArray();
    NuisanceModel model =
        new NuisanceModel(sigmas.getOrDefault(NORM, Double.NaN), shapeSigmas, variation);
    List<String> names = new ArrayList<>();
    if (sigmas.containsKey(NORM)) {
      names.add(NORM);
    }
    names.addAll(shapes);
    double[] aux = new double[names.size()];
    for (String a : auxiliary == null ? List.<String>of() : auxiliary) {
      String[] kv = split(a, ':', "--auxiliary " + a + " is not NAME:VALUE (e.g. norm:0.01)");
      int i = names.indexOf(kv[0]);
      if (i < 0) {
        throw new IllegalArgumentException(
            "--auxiliary " + a + " names no --nuisance; use one of " + names);
      }
      aux[i] = number(kv[1], "--auxiliary " + a + ": VALUE");
    }
    return new Spec(model, aux, names);
  }

  private static String[] split(String s, char sep, String message) {
    int i = s.indexOf(sep);
    if (i <= 0 || i == s.length() - 1) {
      throw new IllegalArgumentException(message);
    }
    return new String[] {s.substring(0, i), s.substring(i + 1)};
  }

  private static double number(String s, String what) {
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " = " + s + " is not a finite number");
    }
  }

  /** The JSON {@code nuisances} list: per nuisance its name, σ, ν⁰ and ν̂ of the τ and Δ fits. */
  static List<Map<String, Object>> json(Spec spec, NuisanceFit fit) {
    List<Map<String, Object>> out = new ArrayList<>();
    double[] sigmas = spec.model().sigmas();
    for (int a = 0; a < sigmas.length; a++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", spec.names().get(a));
      m.put("sigma", sigmas[a]);
      m.put("auxiliary", spec.aux()[a]);
      m.put("nuTau", fit.nuTau()[a]);
      m.put("nuDelta", fit.nuDelta()[a]);
      out.add(m);
    }
    return out;
  }

  /** The ν̂ of the τ and Δ fits, " name = τ-value, Δ-value" per nuisance. */
  static String line(Spec spec, NuisanceFit fit) {
    StringBuilder b = new StringBuilder();
    for (int a = 0; a < spec.names().size(); a++) {
      b.append(
          String.format(
              Locale.ROOT,
              " %s = %.4g, %.4g",
              spec.names().get(a),
              fit.nuTau()[a],
              fit.nuDelta()[a]));
    }
    return b.toString();
  }
}
