package org.sbi4j.samples.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceParameter;
import org.sbi4j.morphing.Nuisances;

/**
 * A checked {@code import lhe} config ({@link LheMapping}): files resolved, benchmarks and weight
 * ids matched, expressions compiled. Every problem is bad input naming the key and the fix.
 *
 * @param setup the morphing setup
 * @param samples the LHE files
 * @param thetaIds the weight id of each θ benchmark, in the setup's order
 * @param observables the observables, in order
 * @param cuts the cuts
 * @param efficiencies the efficiency factors
 * @param smearing the smearing rules
 * @param nuisances the nuisance parameters ({@link Nuisances#NONE} without)
 * @param nuisanceIds the weight id of each nuisance benchmark, in the order of {@code nuisances}
 * @param reference index of the θ benchmark the nuisance weights refer to
 * @param systematics the systematics to write
 * @param average true for {@code normalization: average}, false for {@code sum}
 */
record LheImportConfig(
    MorphingSetup setup,
    List<SampleFile> samples,
    List<String> thetaIds,
    List<ObservableDef> observables,
    List<LheExpressions.Compiled> cuts,
    List<LheExpressions.Compiled> efficiencies,
    List<LheSmearing.Rule> smearing,
    Nuisances nuisances,
    List<String> nuisanceIds,
    int reference,
    Systematics systematics,
    boolean average) {

  /** The sampling-benchmark index of background events. */
  static final int BACKGROUND = -1;

  /**
   * One LHE file.
   *
   * @param file its path
   * @param sampledFrom index of its θ benchmark, or {@link #BACKGROUND}
   * @param benchmarkName the benchmark's name, or {@code background}
   * @param kFactor factor on its weights
   * @param background whether every θ weight is XWGTUP
   */
  record SampleFile(
      Path file, int sampledFrom, String benchmarkName, double kFactor, boolean background) {}

  /**
   * One observable: a quantity {@code spec} or an {@code expression}.
   *
   * @param name its name
   * @param definition what is written to {@code observables/definitions}
   * @param spec the quantity, or null
   * @param expression the expression, or null
   * @param fallback the value when it cannot be computed, or null (the event is dropped)
   */
  record ObservableDef(
      String name,
      String definition,
      LheObservables.Spec spec,
      LheExpressions.Compiled expression,
      Double fallback) {}

  /** Reads and checks {@code config}; {@code setupOverride} (may be null) replaces its setup. */
  static LheImportConfig load(Path config, Path setupOverride) {
    LheMapping m = Configs.load(config, LheMapping.class);
    Path base = config.toAbsolutePath().getParent();
    if (setupOverride == null && m.setup() == null) {
      throw new IllegalArgumentException(
          config
              + " has no 'setup' key and the command gave no setup file either; add 'setup: FILE'"
              + " to the config or give the morphing setup on the command line");
    }
    if (m.weights() == null || m.observables() == null || m.observables().isEmpty()) {
      throw new IllegalArgumentException(
          config + " needs the keys 'weights' and 'observables'; see configs/lhe-import.yaml");
    }
    if (m.samples() == null || m.samples().isEmpty()) {
      throw new IllegalArgumentException(
          config
              + " lists no LHE files; add them under 'samples' (- {file: run.lhe.gz, sampledFrom:"
              + " sm}); see configs/lhe-import.yaml");
    }
    MorphingSetup setup =
        SetupFiles.load(setupOverride != null ? setupOverride : base.resolve(m.setup()));
    List<String> names = setup.benchmarkNames();
    List<String> thetaIds = thetaIds(m.weights(), names);
    String norm = m.normalization() == null ? "average" : m.normalization();
    if (!norm.equals("average") && !norm.equals("sum")) {
      throw new IllegalArgumentException(
          "normalization '" + norm + "' is neither 'average' nor 'sum'");
    }
    List<String> nuisanceIds = new ArrayList<>();
    Nuisances nuisances = nuisances(m, names, nuisanceIds);
    int reference = nuisances.isEmpty() ? 0 : names.indexOf(nuisances.reference());
    List<SampleFile> samples = samples(m.samples(), base, names);
    checkNominal(thetaIds, names, samples);
    return new LheImportConfig(
        setup,
        samples,
        thetaIds,
        observables(m.observables()),
        compileAll("cut", m.cuts()),
        compileAll("efficiency", m.efficiencies()),
        LheSmearing.rules(m.smearing()),
        nuisances,
        List.copyOf(nuisanceIds),
        reference,
        systematics(m, nuisances),
        norm.equals("average"));
  }

  private static List<String> thetaIds(LinkedHashMap<String, String> weights, List<String> names) {
    for (String b : weights.keySet()) {
      if (!names.contains(b)) {
        throw new IllegalArgumentException(
            "weights maps '"
                + b
                + "', which is not a benchmark of the setup "
                + names
                + "; rename or remove it");
      }
    }
    List<String> ids = new ArrayList<>();
    for (String b : names) {
      String id = weights.get(b);
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(
            "benchmark '"
                + b
                + "' has no weight id; map it under 'weights' (e.g. "
                + b
                + ": rwgt_1)");
      }
      ids.add(id.trim());
    }
    return ids;
  }

  /**
   * Refuses {@code nominal} (XWGTUP) for a benchmark b when a file was generated at another
   * benchmark: there XWGTUP is the weight at that other benchmark, not at b.
   */
  private static void checkNominal(
      List<String> thetaIds, List<String> names, List<SampleFile> samples) {
    for (int b = 0; b < names.size(); b++) {
      if (!thetaIds.get(b).equals("nominal")) {
        continue;
      }
      for (SampleFile f : samples) {
        if (!f.background() && f.sampledFrom() != b) {
          throw new IllegalArgumentException(
              "weights maps '"
                  + names.get(b)
                  + "' to 'nominal' (XWGTUP), but "
                  + f.file().getFileName()
                  + " was generated at '"
                  + f.benchmarkName()
                  + "', where XWGTUP is the weight at '"
                  + f.benchmarkName()
                  + "'; map '"
                  + names.get(b)
                  + "' to its reweighting id");
        }
      }
    }
  }

  private static List<SampleFile> samples(
      List<LheMapping.Sample> samples, Path base, List<String> names) {
    List<SampleFile> out = new ArrayList<>();
    for (int k = 0; k < samples.size(); k++) {
      LheMapping.Sample s = samples.get(k);
      String what = "samples entry " + (k + 1);
      if (s.file() == null || s.file().isBlank()) {
        throw new IllegalArgumentException(what + " has no 'file'; give the LHE file's path");
      }
      boolean bg = Boolean.TRUE.equals(s.background());
      int index = BACKGROUND;
      if (bg && s.sampledFrom() != null) {
        throw new IllegalArgumentException(
            what + " is 'background' and has 'sampledFrom'; a background file has no benchmark");
      }
      if (!bg) {
        if (s.sampledFrom() == null) {
          throw new IllegalArgumentException(
              what
                  + " has no 'sampledFrom'; name the benchmark it was generated at (one of "
                  + names
                  + ") or set 'background: true'");
        }
        index = names.indexOf(s.sampledFrom());
        if (index < 0) {
          throw new IllegalArgumentException(
              what
                  + ": sampledFrom '"
                  + s.sampledFrom()
                  + "' is not a benchmark of the setup "
                  + names);
        }
      }
      double k0 = s.kFactor() == null ? 1 : s.kFactor();
      if (!(k0 > 0) || Double.isInfinite(k0)) {
        throw new IllegalArgumentException(
            what + ": kFactor is " + s.kFactor() + "; it must be a finite number > 0");
      }
      out.add(
          new SampleFile(
              base.resolve(s.file()), index, bg ? "background" : s.sampledFrom(), k0, bg));
    }
    return out;
  }

  private static List<ObservableDef> observables(List<LheMapping.Observable> obs) {
    List<ObservableDef> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LheMapping.Observable o : obs) {
      if (o.name() == null || o.name().isBlank()) {
        throw new IllegalArgumentException("an observable has no 'name'; name it");
      }
      if (!seen.add(o.name())) {
        throw new IllegalArgumentException(
            "two observables are named '" + o.name() + "'; names must be unique");
      }
      if (o.fallback() != null && !Double.isFinite(o.fallback())) {
        throw new IllegalArgumentException(
            "observable '" + o.name() + "': 'default' must be a finite number");
      }
      if (o.expression() != null) {
        if (o.quantity() != null || o.particles() != null) {
          throw new IllegalArgumentException(
              "observable '"
                  + o.name()
                  + "' has both 'expression' and 'quantity'/'particles'; keep one");
        }
        out.add(
            new ObservableDef(
                o.name(),
                o.expression(),
                null,
                LheExpressions.compile("observable '" + o.name() + "'", o.expression()),
                o.fallback()));
      } else {
        LheObservables.Spec s = LheObservables.specs(List.of(o)).get(0);
        out.add(new ObservableDef(o.name(), describe(s), s, null, o.fallback()));
      }
    }
    return out;
  }

  private static String describe(LheObservables.Spec s) {
    String q = s.quantity().name().toLowerCase(java.util.Locale.ROOT);
    return s.quantity().pair
        ? q + " of |pdg| in " + s.a() + " #" + s.ia() + " and |pdg| in " + s.b() + " #" + s.ib()
        : q + " of |pdg| in " + s.a() + " #" + s.ia();
  }

  private static List<LheExpressions.Compiled> compileAll(String kind, List<String> texts) {
    List<LheExpressions.Compiled> out = new ArrayList<>();
    if (texts != null) {
      for (int k = 0; k < texts.size(); k++) {
        out.add(LheExpressions.compile(kind + " " + (k + 1), texts.get(k)));
      }
    }
    return out;
  }

  private static Nuisances nuisances(LheMapping m, List<String> names, List<String> ids) {
    if (m.nuisances() == null || m.nuisances().isEmpty()) {
      if (m.nuisanceReference() != null) {
        throw new IllegalArgumentException(
            "'nuisanceReference' is given but no 'nuisances'; remove it or add nuisances");
      }
      return Nuisances.NONE;
    }
    List<NuisanceParameter> ps = new ArrayList<>();
    List<String> benchmarks = new ArrayList<>();
    for (LheMapping.Nuisance n : m.nuisances()) {
      if (n.name() == null || n.plus() == null) {
        throw new IllegalArgumentException(
            "a nuisance needs a 'name' and a 'plus' weight id (and optionally 'minus')");
      }
      String plus = n.name() + "_plus";
      String minus = n.minus() == null ? null : n.name() + "_minus";
      for (String b : minus == null ? List.of(plus) : List.of(plus, minus)) {
        if (names.contains(b)) {
          throw new IllegalArgumentException(
              "nuisance '"
                  + n.name()
                  + "' makes benchmark '"
                  + b
                  + "', which is a θ benchmark's name; rename the nuisance");
        }
      }
      ps.add(new NuisanceParameter(n.name(), plus, minus));
      benchmarks.add(plus);
      ids.add(n.plus().trim());
      if (minus != null) {
        benchmarks.add(minus);
        ids.add(n.minus().trim());
      }
    }
    String ref = m.nuisanceReference() == null ? names.get(0) : m.nuisanceReference();
    if (!names.contains(ref)) {
      throw new IllegalArgumentException(
          "nuisanceReference '" + ref + "' is not a benchmark of the setup " + names);
    }
    Nuisances nu = new Nuisances(ps, benchmarks, ref);
    return nu;
  }

  private static Systematics systematics(LheMapping m, Nuisances nuisances) {
    List<Systematic> entries = new ArrayList<>();
    if (m.systematics() != null) {
      for (LheMapping.SystematicEntry e : m.systematics()) {
        String name = e.name() == null ? "" : e.name();
        Systematic.Type type = Systematic.type(name, e.type() == null ? "" : e.type());
        Systematic.Scale scale = e.scale() == null ? null : Systematic.scale(name, e.scale());
        entries.add(new Systematic(name, type, e.value(), scale));
      }
    }
    Map<String, String> of = new LinkedHashMap<>();
    if (m.nuisances() != null) {
      for (LheMapping.Nuisance n : m.nuisances()) {
        of.put(n.name(), n.systematic() == null ? n.name() : n.systematic());
      }
    }
    return nuisances.isEmpty() && entries.isEmpty()
        ? Systematics.NONE
        : new Systematics(entries, of);
  }
}
