package org.sbi4j.samples.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Parameter;

/**
 * MadMiner's HDF5 event-file layout (CLI.md): setup groups {@code parameters}, {@code benchmarks},
 * {@code morphing}. v0.9 dataset names are read, and v0.7 names as a fallback.
 */
public final class MadMinerFiles {
  private MadMinerFiles() {}

  /** Reads the morphing setup stored in an event file. */
  public static MorphingSetup readSetup(Path file) {
    try (HdfFile h5 = new HdfFile(file)) {
      String[] names = strings(h5, "parameters/names");
      int p = names.length;
      String[] blocks = optionalStrings(h5, "parameters/lha_blocks", p);
      long[] ids = optionalLongs(h5, "parameters/lha_ids", p);
      long[] powers = longs(h5, "parameters/max_power");
      double[][] ranges = matrix(h5, "parameters/val_ranges");
      List<Parameter> params = new ArrayList<>();
      for (int i = 0; i < p; i++) {
        params.add(new Parameter(names[i], blocks == null ? "" : blocks[i],
            ids == null ? 0 : (int) ids[i], (int) powers[i], ranges[i][0], ranges[i][1]));
      }
      String[] bnames = strings(h5, "benchmarks/names");
      double[][] values = matrix(h5, "benchmarks/values");
      List<Benchmark> benchmarks = new ArrayList<>();
      for (int b = 0; b < bnames.length; b++) {
        benchmarks.add(new Benchmark(bnames[b], values[b]));
      }
      int[][] components = null;
      double[][] w = null;
      if (exists(h5, "morphing/components")) {
        double[][] c = matrix(h5, "morphing/components");
        components = new int[c.length][];
        for (int k = 0; k < c.length; k++) {
          components[k] = new int[c[k].length];
          for (int i = 0; i < c[k].length; i++) {
            components[k][i] = (int) Math.round(c[k][i]);
          }
        }
        if (exists(h5, "morphing/morphing_matrix")) {
          w = matrix(h5, "morphing/morphing_matrix");
        }
      }
      int overall = 0;
      if (components != null) {
        for (int[] k : components) {
          int s = 0;
          for (int v : k) {
            s += v;
          }
          overall = Math.max(overall, s);
        }
      } else {
        for (long v : powers) {
          overall = (int) Math.max(overall, v);
        }
      }
      return new MorphingSetup(params, benchmarks, overall, components, w);
    } catch (HdfException e) {
      throw new IllegalArgumentException(file + " is not a readable HDF5 file: " + e.getMessage());
    }
  }

  static boolean exists(HdfFile h5, String path) {
    try {
      h5.getByPath(path);
      return true;
    } catch (HdfException e) {
      return false;
    }
  }

  static Dataset dataset(HdfFile h5, String path) {
    Node node;
    try {
      node = h5.getByPath(path);
    } catch (HdfException e) {
      throw new IllegalArgumentException(h5.getFile() + " has no dataset '" + path
          + "'; is it an event file in MadMiner's layout?");
    }
    if (!(node instanceof Dataset d)) {
      throw new IllegalArgumentException(h5.getFile() + ": '" + path + "' is not a dataset");
    }
    return d;
  }

  static String[] strings(HdfFile h5, String path) {
    Object data = dataset(h5, path).getData();
    int n = Array.getLength(data);
    String[] out = new String[n];
    for (int i = 0; i < n; i++) {
      Object v = Array.get(data, i);
      out[i] = v instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).trim()
          : String.valueOf(v).trim();
    }
    return out;
  }

  private static String[] optionalStrings(HdfFile h5, String path, int n) {
    return exists(h5, path) ? strings(h5, path) : null;
  }

  private static long[] optionalLongs(HdfFile h5, String path, int n) {
    return exists(h5, path) ? longs(h5, path) : null;
  }

  static long[] longs(HdfFile h5, String path) {
    Object data = dataset(h5, path).getData();
    int n = Array.getLength(data);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = ((Number) Array.get(data, i)).longValue();
    }
    return out;
  }

  static double[][] matrix(HdfFile h5, String path) {
    Object data = dataset(h5, path).getData();
    int n = Array.getLength(data);
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      Object row = Array.get(data, i);
      int m = Array.getLength(row);
      out[i] = new double[m];
      for (int j = 0; j < m; j++) {
        out[i][j] = ((Number) Array.get(row, j)).doubleValue();
      }
    }
    return out;
  }
}
