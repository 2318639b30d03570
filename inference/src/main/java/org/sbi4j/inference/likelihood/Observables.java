package org.sbi4j.inference.likelihood;

import java.util.List;
import org.sbi4j.samples.EventSample;

/** Matching the features a model or histogram needs with those of an event file. */
public final class Observables {
  private Observables() {}

  /**
   * The events with exactly the features {@code wanted}, in that order.
   *
   * @param events the events
   * @param wanted the feature names needed
   * @param who what needs them ("the model", "the histogram"), for the message
   * @throws IllegalArgumentException naming both lists when a wanted feature is missing
   */
  public static EventSample project(EventSample events, List<String> wanted, String who) {
    List<String> have = events.observables();
    if (have.equals(wanted)) {
      return events;
    }
    int[] idx = new int[wanted.size()];
    for (int j = 0; j < idx.length; j++) {
      idx[j] = have.indexOf(wanted.get(j));
      if (idx[j] < 0) {
        throw new IllegalArgumentException(
            "observables do not match: "
                + who
                + " reads "
                + wanted
                + " but the events have "
                + have
                + "; use events with the same observables (the file the model was trained on)");
      }
    }
    int n = events.size();
    double[] x = new double[n * idx.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < idx.length; j++) {
        x[i * idx.length + j] = events.x(i, idx[j]);
      }
    }
    return EventSample.ofFeatures(wanted, x);
  }

  /** Features of the events, n × d row-major, for the names {@code wanted}. */
  public static double[] values(EventSample events, List<String> wanted, String who) {
    return project(events, wanted, who).x();
  }
}
