package org.sbi4j.training.internal;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.sbi4j.common.Seeds;

/**
 * Mini-batches of a {@link Table} in an order reshuffled at every {@link #reset()} from {@code
 * Seeds.derive(seed, pass)}: the same seed gives the same batches. Features are the {@link
 * Graphs#INPUT} column, labels the other columns in table order; the last batch may be smaller.
 */
public final class BatchIterator implements MultiDataSetIterator {
  private static final long serialVersionUID = 1L;
  private final transient Table table;
  private final int batchSize;
  private final DataType type;
  private final long seed;
  private final List<String> labels;
  private final int[] order;
  private int pass;
  private int cursor;

  public BatchIterator(Table table, int batchSize, DataType type, long seed) {
    this.table = table;
    this.batchSize = batchSize;
    this.type = type;
    this.seed = seed;
    this.labels = table.names().stream().filter(n -> !n.equals(Graphs.INPUT)).toList();
    this.order = new int[table.rows()];
    shuffle();
  }

  /** The feature placeholder names: the input, then the input tangents. */
  public List<String> featureNames() {
    List<String> f = new java.util.ArrayList<>(List.of(Graphs.INPUT));
    for (int k = 0; k < table.tangentCount(); k++) {
      f.add(Graphs.INPUT_TANGENT + k);
    }
    return f;
  }

  /** The label placeholder names, in the order of the labels of each batch. */
  public List<String> labelNames() {
    return labels;
  }

  private void shuffle() {
    order(order, seed, pass);
    cursor = 0;
  }

  /**
   * The row order of pass {@code pass} (pass 0 at construction, pass e + 1 in epoch e): a
   * Fisher–Yates shuffle of 0..n−1 seeded with {@code derive(seed, pass)}, into {@code order}.
   */
  static void order(int[] order, long seed, int pass) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, pass));
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  @Override
  public boolean hasNext() {
    return cursor < order.length;
  }

  @Override
  public MultiDataSet next() {
    return next(batchSize);
  }

  @Override
  public MultiDataSet next(int num) {
    int from = cursor;
    int to = Math.min(order.length, from + num);
    cursor = to;
    INDArray[] f = new INDArray[1 + table.tangentCount()];
    f[0] = table.gather(Graphs.INPUT, order, from, to, type);
    int slot = 1;
    for (INDArray e :
        Graphs.inputTangents(to - from, table.width(Graphs.INPUT), table.tangentCount(), type)
            .values()) {
      f[slot++] = e;
    }
    INDArray[] l = new INDArray[labels.size()];
    for (int k = 0; k < l.length; k++) {
      l[k] = table.gather(labels.get(k), order, from, to, type);
    }
    return new org.nd4j.linalg.dataset.MultiDataSet(f, l);
  }

  @Override
  public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
    throw new IllegalStateException("BatchIterator takes no preprocessor: inputs are standardised");
  }

  @Override
  public MultiDataSetPreProcessor getPreProcessor() {
    return null;
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  @Override
  public boolean asyncSupported() {
    return false;
  }

  @Override
  public void reset() {
    pass++;
    shuffle();
  }
}
