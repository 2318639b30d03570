package org.sbi4j.samples.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Progress;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.CsvImport;
import org.sbi4j.samples.io.Hdf5Import;
import org.sbi4j.samples.io.LheImport;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.io.Systematics;

/** {@code sbi4j import lhe|csv|hdf5}: a user's events into an event file (docs/cli.md). */
public final class ImportStep {
  private ImportStep() {}

  /**
   * The result.
   *
   * @param format {@code lhe}, {@code csv} or {@code hdf5}
   * @param out the event file written
   * @param eventsRead events read
   * @param eventsPassed events written (passed the cuts, observables computable)
   * @param failedCuts events that failed a cut
   * @param failedObservables events with an observable that could not be computed
   * @param failedEfficiencies events with an efficiency that could not be computed
   * @param benchmarks θ benchmark names
   * @param eventsPerBenchmark events written per sampling benchmark, and {@code background}
   * @param crossSections Σ_e w_e(θ_b) of the events written, per θ benchmark (pb)
   * @param observables observable names
   * @param nuisances nuisance parameter names (empty without)
   * @param nuisanceBenchmarks nuisance benchmark names (empty without)
   * @param samples per LHE file: events read and written (empty for CSV)
   * @param seed the smearing seed
   */
  public record Result(
      String format,
      String out,
      long eventsRead,
      long eventsPassed,
      long failedCuts,
      long failedObservables,
      long failedEfficiencies,
      List<String> benchmarks,
      Map<String, Long> eventsPerBenchmark,
      double[] crossSections,
      List<String> observables,
      List<String> nuisances,
      List<String> nuisanceBenchmarks,
      List<LheImport.SampleCount> samples,
      long seed) {}

  /** Imports the LHE files of {@code config} into {@code out}; {@code setup} may be null. */
  public static Result lhe(Path config, Path setup, Path out, long seed, Progress progress) {
    LheImport.Imported im = LheImport.run(config, setup, seed, progress);
    MadMinerFiles.writeEvents(out, im.events(), im.definitions(), im.systematics());
    return result(
        "lhe",
        out,
        im.events(),
        im.eventsRead(),
        im.failedCuts(),
        im.failedObservables(),
        im.failedEfficiencies(),
        im.samples(),
        seed);
  }

  /** Imports the CSV file of {@code config} into {@code out}; {@code setup} may be null. */
  public static Result csv(Path config, Path setup, Path out) {
    EventSample ev = CsvImport.fromConfig(config, setup);
    MadMinerFiles.writeEvents(out, ev, ev.observables(), Systematics.NONE);
    return result("csv", out, ev, ev.size(), 0, 0, 0, List.of(), 0);
  }

  /** Imports the HDF5 datasets of {@code config} into {@code out}; {@code setup} may be null. */
  public static Result hdf5(Path config, Path setup, Path out) {
    EventSample ev = Hdf5Import.fromConfig(config, setup);
    MadMinerFiles.writeEvents(out, ev, ev.observables(), Systematics.NONE);
    return result("hdf5", out, ev, ev.size(), 0, 0, 0, List.of(), 0);
  }

  private static Result result(
      String format,
      Path out,
      EventSample ev,
      long read,
      long failedCuts,
      long failedObservables,
      long failedEfficiencies,
      List<LheImport.SampleCount> samples,
      long seed) {
    List<String> names = ev.setup().orElseThrow().benchmarkNames();
    int nb = names.size();
    double[] sigma = new double[nb];
    for (int i = 0; i < ev.size(); i++) {
      for (int b = 0; b < nb; b++) {
        sigma[b] += ev.weight(i, b);
      }
    }
    Map<String, Long> perBenchmark = new LinkedHashMap<>();
    for (String b : names) {
      perBenchmark.put(b, 0L);
    }
    perBenchmark.put("background", 0L);
    int[] from = ev.sampledFrom().orElse(new int[ev.size()]);
    if (ev.sampledFrom().isEmpty()) {
      java.util.Arrays.fill(from, -1);
    }
    for (int f : from) {
      perBenchmark.merge(f < 0 ? "background" : names.get(f), 1L, Long::sum);
    }
    return new Result(
        format,
        out.toString(),
        read,
        ev.size(),
        failedCuts,
        failedObservables,
        failedEfficiencies,
        names,
        perBenchmark,
        sigma,
        ev.observables(),
        ev.nuisances().names(),
        new ArrayList<>(ev.nuisances().benchmarks()),
        samples,
        seed);
  }
}
