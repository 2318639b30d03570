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
 */
public record ChunkDraws(
    double[] x, double[] weights, int[] sampledFrom, int[] thetaIndex, long[] eventIndex)
    implements Serializable {
  /** Number of drawn events. */
  public int size() {
    return thetaIndex.length;
  }
}
