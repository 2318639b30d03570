package org.sbi4j.samples.mining;

import java.util.List;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;

/** Events [offset, offset + size) of a source, read through to it. */
class SourceRange implements EventSource {
  final EventSource source;
  final long offset;
  final long size;

  SourceRange(EventSource source, long offset, long size) {
    this.source = source;
    this.offset = offset;
    this.size = size;
  }

  @Override
  public MorphingSetup setup() {
    return source.setup();
  }

  @Override
  public List<String> observables() {
    return source.observables();
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public EventSample read(long from, int count) {
    return source.read(offset + from, count);
  }

  @Override
  public void readWeights(long from, int count, double[] out) {
    source.readWeights(offset + from, count, out);
  }

  @Override
  public int[] readSampledFrom(long from, int count) {
    return source.readSampledFrom(offset + from, count);
  }
}
