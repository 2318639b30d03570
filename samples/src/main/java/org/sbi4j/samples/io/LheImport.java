package org.sbi4j.samples.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.common.Progress;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;

/**
 * Imports Les Houches Event files (MadGraph): the weight ids declared in {@code <initrwgt>}, each
 * event's particles (the text of {@code <event>}) and its {@code <rwgt><wgt id=…>} weights, mapped
 * onto benchmarks, with observables computed from the particles ({@link LheMapping}).
 *
 * <p>The XML parser is the JDK's StAX parser with DTDs and external entities disabled: a DOCTYPE is
 * rejected, so no file or network resource is ever read and no entity is expanded (no XXE, no
 * entity-expansion bombs). Errors name the event number (1-based) and the file.
 */
public final class LheImport {
  private LheImport() {}

  /**
   * The events of an {@code import lhe} run and what happened to the others.
   *
   * @param events the events that passed, weights normalised (pb), with the sampling benchmark of
   *     each and the nuisance weights when the config declares nuisances
   * @param definitions the observables' definitions (the expressions)
   * @param systematics the systematics to write beside the nuisance parameters
   * @param eventsRead events read from all files
   * @param failedCuts events that failed a cut
   * @param failedObservables events with an observable that could not be computed (no default)
   * @param failedEfficiencies events with an efficiency that could not be computed
   * @param samples per file: events read and kept
   */
  public record Imported(
      EventSample events,
      List<String> definitions,
      Systematics systematics,
      long eventsRead,
      long failedCuts,
      long failedObservables,
      long failedEfficiencies,
      List<SampleCount> samples) {}

  /**
   * What one file contributed.
   *
   * @param file the LHE file
   * @param sampledFrom the benchmark it was generated at ({@code background} for background)
   * @param eventsRead its events
   * @param eventsPassed its events kept
   */
  public record SampleCount(String file, String sampledFrom, long eventsRead, long eventsPassed) {}

  /**
   * Imports the LHE files {@code config} lists (docs/formats.md §9.2): smearing seeded by {@code
   * seed}, cuts, observables, efficiencies, k-factors, nuisance weights; {@code progress} is
   * stepped by the bytes read.
   *
   * @param setup the morphing setup, or null for the config's {@code setup}
   */
  public static Imported run(Path config, Path setup, long seed, Progress progress) {
    return LheSamples.run(LheImportConfig.load(config, setup), seed, progress);
  }

  /** Total bytes of the files {@code config} lists (for a progress bar). */
  public static long bytes(Path config, Path setup) {
    return LheSamples.bytes(LheImportConfig.load(config, setup));
  }

  /**
   * The LHE files {@code config} lists under {@code samples}, resolved (the inputs recorded in the
   * provenance); {@code setup} may be null.
   */
  public static List<Path> files(Path config, Path setup) {
    return LheImportConfig.load(config, setup).samples().stream()
        .map(LheImportConfig.SampleFile::file)
        .toList();
  }

  /** Reads {@code lhe} with the mapping in {@code mappingFile}. */
  public static EventSample read(Path lhe, Path mappingFile) {
    LheMapping m = Configs.load(mappingFile, LheMapping.class);
    if (m.setup() == null || m.weights() == null || m.observables() == null) {
      throw new IllegalArgumentException(
          mappingFile
              + " needs the keys 'setup', 'weights' and 'observables'; see configs/lhe-import.yaml");
    }
    MorphingSetup setup =
        SetupFiles.load(mappingFile.toAbsolutePath().getParent().resolve(m.setup()));
    return read(lhe, setup, m);
  }

  /**
   * Reads {@code lhe} with a setup and mapping given directly: one file, every event background,
   * observables of the {@code quantity} kind. A mapping with the keys of {@code import lhe} ({@code
   * samples}, {@code cuts}, {@code efficiencies}, {@code smearing}, {@code nuisances}, {@code
   * systematics}) is refused: use {@link #run}.
   */
  public static EventSample read(Path lhe, MorphingSetup setup, LheMapping m) {
    if (m.samples() != null
        || m.cuts() != null
        || m.efficiencies() != null
        || m.smearing() != null
        || m.nuisances() != null
        || m.systematics() != null) {
      throw new IllegalArgumentException(
          "this mapping has keys of 'sbi4j import lhe' (samples, cuts, efficiencies, smearing,"
              + " nuisances, systematics), which the single-file reader does not apply; run"
              + " the import command for LHE files with it");
    }
    List<String> ids = new ArrayList<>();
    for (String b : setup.benchmarkNames()) {
      String id = m.weights().get(b);
      if (id == null) {
        throw new IllegalArgumentException(
            "benchmark '"
                + b
                + "' has no weight id; map it under "
                + "'weights' (e.g. "
                + b
                + ": rwgt_1)");
      }
      ids.add(id);
    }
    List<LheObservables.Spec> specs = LheObservables.specs(m.observables());
    boolean average = m.normalization() == null || m.normalization().equals("average");
    if (!average && !m.normalization().equals("sum")) {
      throw new IllegalArgumentException(
          "normalization '" + m.normalization() + "' is neither 'average' nor 'sum'");
    }
    Parsed p = parse(lhe, ids, specs);
    int n = p.x.size();
    double[] w = new double[n * ids.size()];
    for (int i = 0; i < n; i++) {
      for (int b = 0; b < ids.size(); b++) {
        w[i * ids.size() + b] = p.w.get(i)[b] / (average ? n : 1);
      }
    }
    return EventSample.ofFeatures(
            specs.stream().map(LheObservables.Spec::name).toList(), p.x.toArray(new double[0][]))
        .withWeights(setup, w, null);
  }

  private static final class Parsed {
    final List<double[]> x = new ArrayList<>();
    final List<double[]> w = new ArrayList<>();
  }

  private static Parsed parse(Path lhe, List<String> ids, List<LheObservables.Spec> specs) {
    Parsed p = new Parsed();
    LheReader.stream(
        lhe,
        ids,
        Progress.NONE,
        (event, ev, wgt) -> {
          double[] w = new double[ids.size()];
          for (int b = 0; b < w.length; b++) {
            w[b] = LheReader.weight(lhe, event, ev, wgt, ids.get(b));
          }
          p.x.add(LheObservables.evaluate(lhe, event, ev, specs));
          p.w.add(w);
        });
    return p;
  }
}
