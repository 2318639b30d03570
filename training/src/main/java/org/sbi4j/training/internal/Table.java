package org.sbi4j.training.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named row-major columns of equal row count, as fed to the graph's placeholders: the input and the
 * labels of a training or validation partition (already standardised).
 */
public final class Table implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  private final int rows;
  private final Map<String, double[]> data = new LinkedHashMap<>();
  private final Map<String, Integer> widths = new LinkedHashMap<>();
  private int tangentCount;

  public Table(int rows) {
    this.rows = rows;
  }

  /** Adds a column of {@code width} values per row. */
  public Table put(String name, double[] values, int width) {
    if (values.length != (long) rows * width) {
      throw new IllegalStateException(
          name + " has " + values.length + " values, not " + rows + " × " + width);
    }
    data.put(name, values);
    widths.put(name, width);
    return this;
  }

  /** Feeds the input tangents e_k of the first {@code p} input columns with every batch. */
  public Table withInputTangents(int p) {
    tangentCount = p;
    return this;
  }

  /** Number of input-tangent placeholders fed with every batch. */
  public int tangentCount() {
    return tangentCount;
  }

  /** Width of column {@code name}. */
  public int width(String name) {
    return widths.get(name);
  }

  /** Column {@code name} itself (not a copy), or null when absent. */
  double[] values(String name) {
    return data.get(name);
  }

  public int rows() {
    return rows;
  }

  public List<String> names() {
    return List.copyOf(data.keySet());
  }

  /** The rows {@code index[from..to)} of column {@code name} as a (to−from) × width array. */
  public INDArray gather(String name, int[] index, int from, int to, DataType type) {
    int w = widths.get(name);
    double[] src = data.get(name);
    double[] out = new double[(to - from) * w];
    for (int r = from; r < to; r++) {
      System.arraycopy(src, index[r] * w, out, (r - from) * w, w);
    }
    return Nd4j.create(out, new long[] {to - from, w}, type);
  }

  /** Rows [from, to) of column {@code name}. */
  public INDArray slice(String name, int from, int to, DataType type) {
    int w = widths.get(name);
    double[] out = new double[(to - from) * w];
    System.arraycopy(data.get(name), from * w, out, 0, out.length);
    return Nd4j.create(out, new long[] {to - from, w}, type);
  }

  /** The placeholders of rows [from, to), every column. */
  public Map<String, INDArray> placeholders(int from, int to, DataType type) {
    Map<String, INDArray> m = new LinkedHashMap<>();
    for (String name : data.keySet()) {
      m.put(name, slice(name, from, to, type));
    }
    m.putAll(Graphs.inputTangents(to - from, width(Graphs.INPUT), tangentCount, type));
    return m;
  }
}
