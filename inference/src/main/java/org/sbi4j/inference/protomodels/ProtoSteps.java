package org.sbi4j.inference.protomodels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.TaskRunner;

/**
 * The library calls behind {@code sbi4j protomodels build|pvalue|toy-database} (docs/cli.md): each
 * reads its inputs, runs, writes its report and plots into the output folder and returns the
 * report.
 */
public final class ProtoSteps {
  private ProtoSteps() {}

  /**
   * Runs the builder; writes {@code out/report.json}, {@code out/k-walks.{png,svg}} and the
   * walkers' checkpoints {@code out/walkers/walker-NNNN.json}.
   */
  public static Map<String, Object> build(
      Path database, BuildConfig config, Path out, TaskRunner tasks, boolean progress) {
    DatabaseSource source = DatabaseSource.of(database);
    Database db = source.load();
    List<WalkerState> walkers =
        Builder.run(source, config, out.resolve("walkers"), tasks, progress);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("database", database.toString());
    putConfig(report, config);
    putBest(report, db, config.settings(), walkers);
    List<Object> each = new ArrayList<>();
    for (WalkerState w : walkers) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("walker", w.walker());
      m.put("bestK", w.bestEvaluation().k());
      m.put("finalK", w.currentEvaluation().k());
      m.put("acceptance", (double) w.accepted() / w.steps());
      m.put("trajectory", w.trajectory());
      each.add(m);
    }
    report.put("walkerResults", each);
    AtomicFiles.writeString(
        out.resolve("report.json"),
        DatabaseJson.MAPPER.writeValueAsString(withProvenance(report)) + "\n");
    ProtoPlots.walks(walkers).save(out.resolve("k-walks"));
    return report;
  }

  /**
   * The global p-value of the SM from {@code fakes} fake databases; writes {@code out/pvalue.json},
   * {@code out/k-fakes.{png,svg}}, {@code out/k-walks.{png,svg}} (the real database's walks) and
   * the checkpoints in {@code out/observed/} and {@code out/fake-NNNN/}.
   */
  public static Map<String, Object> pvalue(
      Path database, BuildConfig config, int fakes, Path out, TaskRunner tasks, boolean progress) {
    DatabaseSource source = DatabaseSource.of(database);
    Database db = source.load();
    GlobalPValue.Result r = GlobalPValue.run(source, config, fakes, out, tasks, progress);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("database", database.toString());
    putConfig(report, config);
    report.put("fakes", fakes);
    report.put("observedK", r.observedK());
    report.put("fakeK", r.fakeK());
    report.put("pValue", r.pValue());
    report.put("pValueRandomized", r.pValueRandomized());
    putBest(report, db, config.settings(), r.observed());
    AtomicFiles.writeString(
        out.resolve("pvalue.json"),
        DatabaseJson.MAPPER.writeValueAsString(withProvenance(report)) + "\n");
    ProtoPlots.fakes(r).save(out.resolve("k-fakes"));
    ProtoPlots.walks(r.observed()).save(out.resolve("k-walks"));
    return report;
  }

  /** {@code report} followed by the run's provenance (docs/formats.md §17), as JSON results. */
  private static Map<String, Object> withProvenance(Map<String, Object> report) {
    Map<String, Object> m = new LinkedHashMap<>(report);
    m.put("provenance", org.sbi4j.common.Provenance.current());
    return m;
  }

  /** Writes the toy database drawn with {@code seed} into {@code out}; returns its summary. */
  public static Map<String, Object> toyDatabase(Path out, long seed, boolean planted) {
    return toyDatabase(out, seed, planted, false);
  }

  /**
   * Writes the toy database drawn with {@code seed} into {@code out}, the EFT toy database when
   * {@code eft}; returns its summary.
   */
  public static Map<String, Object> toyDatabase(Path out, long seed, boolean planted, boolean eft) {
    Database db =
        eft ? EftToyDatabase.generate(seed, planted) : ToyDatabase.generate(seed, planted);
    DatabaseJson.write(db, out);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("database", out.toString());
    report.put("seed", seed);
    report.put("particles", db.particles().stream().map(Particle::name).toList());
    report.put("operators", db.operatorNames());
    report.put("analyses", db.analyses().stream().map(Analysis::name).toList());
    report.put("cliques", Cliques.of(db).stream().map(c -> names(db, c)).toList());
    if (planted && eft) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("operator", EftToyDatabase.OPERATORS.get(0));
      p.put("coefficient", EftToyDatabase.PLANTED_COEFFICIENT);
      p.put("analyses", List.of("E01", "E02"));
      report.put("planted", p);
    } else if (planted) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("particle", "X");
      p.put("mass", ToyDatabase.PLANTED_MASS);
      p.put("signalStrength", ToyDatabase.PLANTED_STRENGTH);
      p.put("channel", "jj");
      p.put("analyses", List.of("A01", "A02"));
      report.put("planted", p);
    } else {
      report.put("planted", null);
    }
    return report;
  }

  private static void putConfig(Map<String, Object> report, BuildConfig config) {
    report.put("walkers", config.walkers());
    report.put("steps", config.steps());
    report.put("seed", config.seed());
    report.put("penalty", config.settings().penalty());
    report.put("rMax", config.settings().rMax());
  }

  /** The best model of {@code walkers}, re-evaluated: K, combination, μ̂ and the critic's r. */
  private static void putBest(
      Map<String, Object> report,
      Database db,
      Combiner.Settings settings,
      List<WalkerState> walkers) {
    int w = Builder.bestWalker(walkers);
    ProtoModel best = walkers.get(w).best();
    Combiner combiner = new Combiner(db, settings);
    Combiner.Evaluation ev = combiner.evaluate(best);
    report.put("bestK", ev.k());
    report.put("bestWalker", w);
    report.put("bestModel", best.describe(db.particles()));
    report.put("bestOperators", best.describeOperators(db.operatorNames()));
    report.put("combination", names(db, ev.clique()));
    report.put("muHat", ev.muHat());
    report.put("deltaChi2", ev.deltaChi2());
    report.put("freeParameters", ev.freeParameters());
    double[][] signals = db.signals(best);
    Map<String, Object> ratios = new LinkedHashMap<>();
    for (int a = 0; a < signals.length; a++) {
      double r = db.analyses().get(a).likelihood().term(signals[a]).ratio() * ev.muHat();
      ratios.put(db.analyses().get(a).name(), r);
    }
    report.put("criticRatios", ratios);
    report.put("cliques", combiner.cliques().stream().map(c -> names(db, c)).toList());
  }

  private static List<String> names(Database db, int[] clique) {
    List<String> out = new ArrayList<>();
    for (int a : clique) {
      out.add(db.analyses().get(a).name());
    }
    return out;
  }
}
