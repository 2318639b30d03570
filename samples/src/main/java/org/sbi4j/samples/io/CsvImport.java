package org.sbi4j.samples.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;

/**
 * Imports weighted events from a CSV file with a header row, the columns named in a small YAML
 * mapping ({@link Mapping}; example in {@code configs/csv-import.yaml}):
 *
 * <pre>
 * setup: setup.yaml            # YAML setup or event file, relative to the mapping file
 * observables: {pt: pt_j1, eta: eta_j1}     # observable name: CSV column
 * weights: {sm: w_sm, plus: w_plus, minus: w_minus}   # benchmark name: CSV column
 * sampledFrom: bench           # optional column with the generating benchmark index (−1 bg)
 * </pre>
 *
 * Every benchmark of the setup needs a weight column, and every weight entry must name a benchmark.
 * Errors name the file, line and column.
 */
public final class CsvImport {
  private CsvImport() {}

  /**
   * The YAML mapping.
   *
   * @param setup path of the setup (YAML or event file), relative to the mapping file
   * @param observables observable name → CSV column, in order
   * @param weights benchmark name → CSV column
   * @param sampledFrom optional CSV column holding the generating benchmark index
   * @param file the CSV file, relative to the mapping file (for {@code import csv})
   */
  public record Mapping(
      String setup,
      LinkedHashMap<String, String> observables,
      LinkedHashMap<String, String> weights,
      String sampledFrom,
      String file) {

    /** A mapping without a file (the file is given separately). */
    public Mapping(
        String setup,
        LinkedHashMap<String, String> observables,
        LinkedHashMap<String, String> weights,
        String sampledFrom) {
      this(setup, observables, weights, sampledFrom, null);
    }
  }

  /** Reads {@code csv} with the mapping in {@code mappingFile}. */
  public static EventSample read(Path csv, Path mappingFile) {
    Mapping m = load(mappingFile, null);
    Path base = mappingFile.toAbsolutePath().getParent();
    return read(csv, SetupFiles.load(base.resolve(m.setup())), m);
  }

  /**
   * {@code import csv}: reads the CSV file named by the mapping's {@code file} key; {@code setup}
   * (may be null) replaces the mapping's setup.
   */
  public static EventSample fromConfig(Path mappingFile, Path setup) {
    Mapping m = load(mappingFile, setup);
    Path file = dataFile(mappingFile, m, "CSV");
    Path base = mappingFile.toAbsolutePath().getParent();
    MorphingSetup s = SetupFiles.load(setup != null ? setup : base.resolve(m.setup()));
    return read(file, s, m);
  }

  /**
   * The CSV file a mapping names, resolved against the mapping's folder ({@code setup}, may be
   * null, stands for a missing 'setup' key): the input recorded in the provenance.
   */
  public static Path dataFile(Path mappingFile, Path setup) {
    return dataFile(mappingFile, load(mappingFile, setup), "CSV");
  }

  /** The mapping's 'file', resolved against the mapping's folder; {@code kind} names it. */
  static Path dataFile(Path mappingFile, Mapping m, String kind) {
    if (m.file() == null || m.file().isBlank()) {
      throw new IllegalArgumentException(
          mappingFile + " has no 'file'; name the " + kind + " file (relative to the mapping)");
    }
    return mappingFile.toAbsolutePath().getParent().resolve(m.file());
  }

  private static Mapping load(Path mappingFile, Path setup) {
    return load(mappingFile, setup, "configs/csv-import.yaml");
  }

  /**
   * Reads a table mapping (CSV or HDF5 import); {@code setup} (may be null) stands for a missing
   * 'setup' key; {@code example} names the example config in the message.
   */
  static Mapping load(Path mappingFile, Path setup, String example) {
    Mapping m = Configs.load(mappingFile, Mapping.class);
    if ((m.setup() == null && setup == null) || m.observables() == null || m.weights() == null) {
      throw new IllegalArgumentException(
          mappingFile + " needs the keys 'setup', 'observables' and 'weights'; see " + example);
    }
    if (m.observables().isEmpty()) {
      throw new IllegalArgumentException(
          mappingFile + ": 'observables' is empty; map at least one observable");
    }
    return m;
  }

  /** Every weight entry names a benchmark of the setup, and every benchmark has one. */
  static void checkWeights(MorphingSetup setup, Mapping m) {
    for (String b : m.weights().keySet()) {
      if (!setup.benchmarkNames().contains(b)) {
        throw new IllegalArgumentException(
            "weights maps '"
                + b
                + "', which is not a benchmark of "
                + "the setup "
                + setup.benchmarkNames()
                + "; rename or remove it");
      }
    }
    for (String b : setup.benchmarkNames()) {
      if (!m.weights().containsKey(b)) {
        throw new IllegalArgumentException(
            "benchmark '"
                + b
                + "' has no weight column; add it "
                + "under 'weights' (every benchmark needs one)");
      }
    }
  }

  /** Reads {@code csv} with a mapping and setup given directly. */
  public static EventSample read(Path csv, MorphingSetup setup, Mapping m) {
    checkWeights(setup, m);
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        throw new IllegalArgumentException(csv + " is empty; it needs a header row");
      }
      List<String> cols = CsvParsing.columns(header);
      int[] obs = indices(csv, cols, new ArrayList<>(m.observables().values()));
      List<String> wcols = new ArrayList<>();
      for (String b : setup.benchmarkNames()) {
        wcols.add(m.weights().get(b));
      }
      int[] wi = indices(csv, cols, wcols);
      int si = m.sampledFrom() == null ? -1 : indices(csv, cols, List.of(m.sampledFrom()))[0];
      return rows(
          csv, r, cols.size(), obs, wi, si, setup, new ArrayList<>(m.observables().keySet()));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("file " + csv + " does not exist");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + csv + ": " + e.getMessage());
    }
  }

  private static EventSample rows(
      Path csv,
      BufferedReader r,
      int width,
      int[] obs,
      int[] wi,
      int si,
      MorphingSetup setup,
      List<String> names)
      throws IOException {
    List<double[]> x = new ArrayList<>();
    List<double[]> w = new ArrayList<>();
    List<Integer> s = new ArrayList<>();
    CsvParsing.forEachRow(
        csv,
        r,
        width,
        v -> {
          double[] xr = new double[obs.length];
          for (int j = 0; j < obs.length; j++) {
            xr[j] = v[obs[j]];
          }
          double[] wr = new double[wi.length];
          for (int b = 0; b < wi.length; b++) {
            wr[b] = v[wi[b]];
          }
          x.add(xr);
          w.add(wr);
          s.add(si < 0 ? -1 : (int) v[si]);
        });
    if (x.isEmpty()) {
      throw new IllegalArgumentException(csv + " has a header but no events");
    }
    int[] from = s.stream().mapToInt(Integer::intValue).toArray();
    return EventSample.ofFeatures(names, x.toArray(new double[0][]))
        .withWeights(
            setup, EventSample.flatten("weights", w.toArray(new double[0][]), wi.length), from);
  }

  private static int[] indices(Path csv, List<String> header, List<String> wanted) {
    int[] out = new int[wanted.size()];
    Map<String, Integer> pos = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      pos.putIfAbsent(header.get(i), i);
    }
    for (int k = 0; k < out.length; k++) {
      Integer i = pos.get(wanted.get(k));
      if (i == null) {
        throw new IllegalArgumentException(
            csv + " has no column '" + wanted.get(k) + "'; its header has " + header);
      }
      out[k] = i;
    }
    return out;
  }
}
