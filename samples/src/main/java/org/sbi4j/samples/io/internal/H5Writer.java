package org.sbi4j.samples.io.internal;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.common.AtomicFiles;
import org.sbi4j.common.Provenance;

/**
 * Writes an HDF5 file with MadMiner's dtypes: strings as fixed-length 256-byte ASCII ({@code
 * |S256}, null-padded, as numpy's {@code S256}), integers int64, floats float64.
 *
 * <p>Built on jhdf 0.13, which writes strings as null-terminated UTF-8 of the longest string's
 * length plus one. Strings are therefore padded to 255 bytes (jhdf adds the 256th) and, after jhdf
 * has closed the file, {@link AsciiStringPatch} rewrites the string datatypes' charset and padding
 * bits to ASCII / null-padded. jhdf keeps every dataset in memory until the file closes. Every file
 * gets the run's provenance ({@link H5Provenance}).
 */
public final class H5Writer {
  /** Bytes per fixed-length string, as MadMiner's {@code dtype="S256"}. */
  public static final int STRING_BYTES = 256;

  private final WritableHdfFile h5;
  private final Map<String, WritableGroup> groups = new HashMap<>();
  private final List<String> stringPaths = new ArrayList<>();

  private H5Writer(WritableHdfFile h5) {
    this.h5 = h5;
  }

  /** What fills the file. */
  @FunctionalInterface
  public interface Body {
    void write(H5Writer out);
  }

  /** Writes {@code target} atomically (temporary file, then rename). */
  public static void write(Path target, Body body) {
    write(target, body, tmp -> {});
  }

  /**
   * As {@link #write(Path, Body)}, then {@code after} finishes the temporary file (e.g. {@link
   * StreamedDatasets} appends rows) before it is renamed over {@code target}.
   */
  public static void write(Path target, Body body, AtomicFiles.Writer after) {
    AtomicFiles.write(
        target,
        tmp -> {
          List<String> strings;
          try (WritableHdfFile file = HdfFile.write(tmp)) {
            H5Writer out = new H5Writer(file);
            body.write(out);
            H5Provenance.write(file, Provenance.current());
            strings = out.stringPaths;
          } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
              throw e;
            }
            throw new IOException("HDF5 writer failed: " + e.getMessage(), e);
          }
          AsciiStringPatch.apply(tmp, strings);
          after.write(tmp);
        });
  }

  /** Fixed-length 256-byte ASCII strings, shape (n). */
  public void strings(String path, List<String> values) {
    requireNonEmpty(path, values.size());
    String[] padded = new String[values.size()];
    for (int i = 0; i < padded.length; i++) {
      String v = values.get(i) == null ? "" : values.get(i);
      if (v.length() > STRING_BYTES - 1 || !v.chars().allMatch(c -> c > 0 && c < 128)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s[%d] = '%s' must be printable ASCII of at most %d characters; rename it",
                path,
                i,
                v.length() > 40 ? v.substring(0, 40) + "…" : v,
                STRING_BYTES - 1));
      }
      padded[i] = v + "\0".repeat(STRING_BYTES - 1 - v.length());
    }
    put(path, padded);
    stringPaths.add(path);
  }

  /** int64, shape (n). */
  public void longs(String path, long[] values) {
    requireNonEmpty(path, values.length);
    put(path, values.clone());
  }

  /** int64 scalar. */
  public void longScalar(String path, long value) {
    put(path, Long.valueOf(value));
  }

  /** int64, shape (rows, cols). */
  public void longMatrix(String path, long[][] values) {
    requireNonEmpty(path, values.length);
    put(path, values);
  }

  /** float64, shape (n). */
  public void doubles(String path, double[] values) {
    requireNonEmpty(path, values.length);
    put(path, values.clone());
  }

  /** float64, shape (n / cols, cols), from a row-major flat array. */
  public void matrix(String path, double[] flat, int cols) {
    if (cols <= 0 || flat.length % cols != 0) {
      throw new IllegalArgumentException(
          path + ": " + flat.length + " values do not fill rows of " + cols);
    }
    int rows = flat.length / cols;
    requireNonEmpty(path, rows);
    double[][] m = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(flat, i * cols, m[i], 0, cols);
    }
    put(path, m);
  }

  /** float64, shape (rows, cols). */
  public void matrix(String path, double[][] values) {
    requireNonEmpty(path, values.length);
    put(path, values);
  }

  private static void requireNonEmpty(String path, int n) {
    if (n == 0) {
      throw new IllegalArgumentException(
          "dataset '" + path + "' would be empty; an event or sample file needs at least one row");
    }
  }

  private void put(String path, Object data) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) {
      h5.putDataset(path, data);
      return;
    }
    group(path.substring(0, slash)).putDataset(path.substring(slash + 1), data);
  }

  private WritableGroup group(String path) {
    WritableGroup g = groups.get(path);
    if (g != null) {
      return g;
    }
    int slash = path.lastIndexOf('/');
    g =
        slash < 0
            ? h5.putGroup(path)
            : group(path.substring(0, slash)).putGroup(path.substring(slash + 1));
    groups.put(path, g);
    return g;
  }
}
