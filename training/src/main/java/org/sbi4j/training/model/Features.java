package org.sbi4j.training.model;

import java.util.List;
import org.sbi4j.samples.EventSample;

/** Picks a model's features out of an {@link EventSample}, matching them by name. */
final class Features {
  private Features() {}

  /** n × d features of {@code events} in the order of {@code observables}. */
  static double[] select(EventSample events, List<String> observables) {
    List<String> have = events.observables();
    int[] idx = new int[observables.size()];
    for (int j = 0; j < idx.length; j++) {
      idx[j] = have.indexOf(observables.get(j));
      if (idx[j] < 0) {
        throw new IllegalArgumentException(
            "the events lack observable '"
                + observables.get(j)
                + "' that the model reads; they have "
                + have
                + ", the model needs "
                + observables);
      }
    }
    int n = events.size();
    int d = idx.length;
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i * d + j] = events.x(i, idx[j]);
      }
    }
    return x;
  }
}
