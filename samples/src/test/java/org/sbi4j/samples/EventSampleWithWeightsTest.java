package org.sbi4j.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.morphing.Benchmark;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.morphing.Parameter;
import org.sbi4j.samples.simulators.Interference1D;

/**
 * {@link EventSample#withWeights} on a sample with nuisance parameters keeps the events' weights at
 * the nuisance benchmarks (they were dropped silently before), and refuses a setup the nuisance
 * parameters do not fit with one message that says what is wrong.
 */
class EventSampleWithWeightsTest {
  private final EventSample events = Interference1D.withNuisances().events(200, 4);

  @Test
  void keepsTheNuisanceWeights() {
    MorphingSetup setup = events.setup().orElseThrow();
    int[] from = new int[events.size()];
    double[] w = events.weights();
    for (int i = 0; i < w.length; i++) {
      w[i] *= 2; // new nominal weights: the nuisance weights belong to the events, kept as they are
    }
    EventSample out = events.withWeights(setup, w, from);
    assertEquals(events.nuisances(), out.nuisances());
    assertArrayEquals(events.nuisanceWeights(), out.nuisanceWeights(), 0.0);
    assertArrayEquals(w, out.weights(), 0.0);
    // the nuisance morphing still works on the result (it read no weights before the fix)
    NuisanceMorphing m = out.nuisanceMorphing(NuisanceMorphing.Policy.ERROR);
    assertEquals(events.size(), m.size());
  }

  @Test
  void refusesASetupWithoutTheNuisanceReference() {
    MorphingSetup other =
        MorphingSetup.of(
            List.of(Parameter.of("theta", 2, -1, 1)),
            List.of(
                new Benchmark("a", new double[] {0}),
                new Benchmark("b", new double[] {1}),
                new Benchmark("c", new double[] {-1})),
            2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> events.withWeights(other, events.weights(), null));
    assertTrue(e.getMessage().contains("nuisance parameters [norm, shape]"), e.getMessage());
    assertTrue(e.getMessage().contains("'sm'"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
