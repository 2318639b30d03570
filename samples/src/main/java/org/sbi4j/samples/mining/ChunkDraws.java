package org.sbi4j.samples.mining;

import java.io.Serializable;

/**
 * The events drawn from one chunk in the second unweighting pass, in stream order.
 *
 * @param x n × d features, row-major
 * @param weights n × B effective benchmark weights, row-major (pb)
 * @param sampledFrom n generating-benchmark indices (−1: background or unknown)
 * @param thetaIndex n indices of the θ each event was drawn at
 * @param eventIndex n indices of the events in the whole source
 * @param nuisanceWeights n × K weights at the nuisance benchmarks, row-major (empty without
 *     nuisance parameters)
 */
public record ChunkDraws(
    double[] x,
    double[] weights,
    int[] sampledFrom,
    int[] thetaIndex,
    long[] eventIndex,
    double[] nuisanceWeights)
    implements Serializable {
  /** Draws without nuisance weights. */
  public ChunkDraws(
      double[] x, double[] weights, int[] sampledFrom, int[] thetaIndex, long[] eventIndex) {
    this(x, weights, sampledFrom, thetaIndex, eventIndex, new double[0]);
  }

  /** Number of drawn events. */
  public int size() {
    return thetaIndex.length;
  }
}
