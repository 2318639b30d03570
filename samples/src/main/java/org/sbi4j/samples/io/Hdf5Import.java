package org.sbi4j.samples.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.internal.H5Reader;

/**
 * Imports weighted events from numeric HDF5 datasets written by a user's own analysis code (h5py,
 * ROOT, ...), named in the same YAML mapping as {@link CsvImport} (example in {@code
 * configs/hdf5-import.yaml}; docs/formats.md §9.3):
 *
 * <pre>
 * setup: setup.yaml              # YAML setup or event file, relative to the mapping file
 * file: table.h5                 # the HDF5 file, relative to the mapping file
 * observables: {pt: /jets/pt, eta: "/x[1]"}   # observable: 1-D dataset, or column of a 2-D one
 * weights: {sm: "/w[0]", plus: "/w[1]"}      # benchmark: 1-D dataset or column, as above
 * sampledFrom: /benchmark        # optional integer dataset (index of the benchmark, −1 bg)
 * </pre>
 *
 * A reference {@code PATH[j]} is column {@code j} (from 0) of the 2-D dataset {@code PATH}; a plain
 * {@code PATH} is a 1-D dataset (or a 2-D one with one column). Every dataset must be numeric
 * (floats or integers) and have the same number of rows; the rows are read in blocks of {@link
 * #BLOCK}, each dataset once per block however many columns are used, so a table is never held
 * twice. Every value must be finite. Errors name the file, the dataset and the row.
 */
public final class Hdf5Import {
  /** Rows read per block. */
  static final int BLOCK = 1 << 16;

  private static final Pattern COLUMN = Pattern.compile("^(.+)\\[(\\d+)]$");

  private Hdf5Import() {}

  /**
   * One reference of the mapping.
   *
   * @param key where the mapping names it ({@code observables.pt})
   * @param dataset the dataset path
   * @param column the column of a 2-D dataset, or −1 for a 1-D dataset
   */
  record Ref(String key, String dataset, int column) {
    static Ref parse(String key, String text) {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException(
            key + " is empty; name a dataset (/path) or a column of one (/path[0])");
      }
      Matcher m = COLUMN.matcher(text.trim());
      if (m.matches()) {
        try {
          return new Ref(key, absolute(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(key + ": column '" + m.group(2) + "' is too large");
        }
      }
      return new Ref(key, absolute(text.trim()), -1);
    }

    private static String absolute(String path) {
      return path.startsWith("/") ? path : "/" + path;
    }
  }

  /**
   * The HDF5 file a mapping names, resolved against the mapping's folder ({@code setup}, may be
   * null, stands for a missing 'setup' key): the input recorded in the provenance.
   */
  public static Path dataFile(Path mappingFile, Path setup) {
    return CsvImport.dataFile(mappingFile, CsvImport.load(mappingFile, setup, EXAMPLE), "HDF5");
  }

  private static final String EXAMPLE = "configs/hdf5-import.yaml";

  /**
   * {@code import hdf5}: reads the HDF5 file named by the mapping's {@code file} key; {@code setup}
   * (may be null) replaces the mapping's setup.
   */
  public static EventSample fromConfig(Path mappingFile, Path setup) {
    CsvImport.Mapping m = CsvImport.load(mappingFile, setup, EXAMPLE);
    Path file = CsvImport.dataFile(mappingFile, m, "HDF5");
    Path base = mappingFile.toAbsolutePath().getParent();
    MorphingSetup s = SetupFiles.load(setup != null ? setup : base.resolve(m.setup()));
    return read(file, s, m);
  }

  /** Reads {@code file} with a mapping and setup given directly. */
  public static EventSample read(Path file, MorphingSetup setup, CsvImport.Mapping m) {
    return read(file, setup, m, BLOCK);
  }

  /** As {@link #read(Path, MorphingSetup, CsvImport.Mapping)}, {@code block} rows at a time. */
  static EventSample read(Path file, MorphingSetup setup, CsvImport.Mapping m, int block) {
    CsvImport.checkWeights(setup, m);
    List<Ref> obs = new ArrayList<>();
    m.observables().forEach((k, v) -> obs.add(Ref.parse("observables." + k, v)));
    List<Ref> weights = new ArrayList<>();
    for (String b : setup.benchmarkNames()) {
      weights.add(Ref.parse("weights." + b, m.weights().get(b)));
    }
    Ref from = m.sampledFrom() == null ? null : Ref.parse("sampledFrom", m.sampledFrom());
    try (H5Reader h5 = H5Reader.open(file)) {
      List<Ref> all = new ArrayList<>(obs);
      all.addAll(weights);
      if (from != null) {
        all.add(from);
      }
      long n = rows(h5, all);
      if (n == 0) {
        throw new IllegalArgumentException(file + ": the datasets have no rows (no events)");
      }
      if (n > Integer.MAX_VALUE / Math.max(obs.size(), weights.size())) {
        throw new IllegalArgumentException(
            file + " has " + n + " events, more than one event file holds; split the table");
      }
      int rows = (int) n;
      double[] x = new double[rows * obs.size()];
      double[] w = new double[rows * weights.size()];
      int[] sampled = new int[rows];
      java.util.Arrays.fill(sampled, -1);
      int nb = setup.benchmarkNames().size();
      for (int start = 0; start < rows; start += block) {
        int count = Math.min(block, rows - start);
        Map<String, double[]> cache = new LinkedHashMap<>();
        copy(h5, obs, start, count, cache, x);
        copy(h5, weights, start, count, cache, w);
        if (from != null) {
          double[] s = column(h5, from, start, count, cache);
          for (int i = 0; i < count; i++) {
            double v = s[i];
            if (v != Math.rint(v) || v < -1 || v >= nb) {
              throw new IllegalArgumentException(
                  String.format(
                      Locale.ROOT,
                      "%s: dataset '%s' (sampledFrom) row %d is %s; it must be a benchmark index"
                          + " 0..%d or -1 for background",
                      file,
                      from.dataset(),
                      start + i,
                      v,
                      nb - 1));
            }
            sampled[start + i] = (int) v;
          }
        }
      }
      return EventSample.ofFeatures(new ArrayList<>(m.observables().keySet()), x)
          .withWeights(setup, w, sampled);
    }
  }

  /** Checks every reference (dataset exists, numeric, rank, column) and the common row count. */
  private static long rows(H5Reader h5, List<Ref> refs) {
    long n = -1;
    Ref first = null;
    for (Ref r : refs) {
      if (!h5.has(r.dataset())) {
        throw new IllegalArgumentException(
            h5.file()
                + " has no dataset '"
                + r.dataset()
                + "' (named by "
                + r.key()
                + "); check the path with h5ls -r");
      }
      if (h5.isStrings(r.dataset())) {
        throw new IllegalArgumentException(where(h5, r) + " holds strings; numbers are expected");
      }
      if (!h5.isNumeric(r.dataset())) {
        throw new IllegalArgumentException(
            where(h5, r)
                + " does not hold plain numbers (compound, enum or other type); name a"
                + " dataset of floats or integers");
      }
      long[] dims = h5.dims(r.dataset());
      int cols = h5.columns(r.dataset());
      if (dims.length == 0) {
        throw new IllegalArgumentException(
            where(h5, r) + " is a scalar; name a 1-D dataset or a column of a 2-D one");
      }
      if (r.column() < 0 && cols != 1) {
        throw new IllegalArgumentException(
            where(h5, r) + " has " + cols + " columns; name one as " + r.dataset() + "[0]");
      }
      if (r.column() >= cols) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: %s names column %d of dataset '%s', which has %d column%s (from 0)",
                h5.file(),
                r.key(),
                r.column(),
                r.dataset(),
                cols,
                cols == 1 ? "" : "s"));
      }
      if (n >= 0 && dims[0] != n) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: dataset '%s' (%s) has %d rows but '%s' (%s) has %d; every dataset needs one"
                    + " row per event",
                h5.file(),
                r.dataset(),
                r.key(),
                dims[0],
                first.dataset(),
                first.key(),
                n));
      }
      if (n < 0) {
        n = dims[0];
        first = r;
      }
    }
    return n;
  }

  /** "FILE: dataset 'PATH' (named by KEY)". */
  private static String where(H5Reader h5, Ref r) {
    return h5.file() + ": dataset '" + r.dataset() + "' (named by " + r.key() + ")";
  }

  /** Copies rows [start, start+count) of each reference into column k of the row-major out. */
  private static void copy(
      H5Reader h5,
      List<Ref> refs,
      int start,
      int count,
      Map<String, double[]> block,
      double[] out) {
    int width = refs.size();
    for (int k = 0; k < width; k++) {
      Ref r = refs.get(k);
      double[] c = column(h5, r, start, count, block);
      for (int i = 0; i < count; i++) {
        double v = c[i];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              String.format(
                  Locale.ROOT,
                  "%s: dataset '%s'%s (%s) row %d is %s; every value must be finite",
                  h5.file(),
                  r.dataset(),
                  r.column() < 0 ? "" : " column " + r.column(),
                  r.key(),
                  start + i,
                  v));
        }
        out[(start + i) * width + k] = v;
      }
    }
  }

  /** The block's values of one reference, reading its dataset once per block. */
  private static double[] column(
      H5Reader h5, Ref r, int start, int count, Map<String, double[]> block) {
    double[] rows = block.computeIfAbsent(r.dataset(), d -> h5.rows(d, start, count));
    if (r.column() < 0) {
      return rows;
    }
    int cols = rows.length / count;
    double[] c = new double[count];
    for (int i = 0; i < count; i++) {
      c[i] = rows[i * cols + r.column()];
    }
    return c;
  }
}
