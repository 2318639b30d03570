package org.sbi4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sbi4j.training.listeners.EpochReport;
import org.sbi4j.training.listeners.TrainingControl;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Network.Dense;

/** The averaged weights against the arithmetic mean of the epochs' weights, written out here. */
class WeightAveragingTest {
  /** A 1-1-1 network whose every weight and bias is v. */
  private static Network constant(double v) {
    return new Network(
        Activation.TANH,
        List.of(
            new Dense(1, 1, new double[] {v}, new double[] {v}),
            new Dense(1, 1, new double[] {2 * v}, new double[] {-v})));
  }

  /** Hands out the given networks as successive snapshots and records what is restored. */
  private static final class Control implements TrainingControl {
    private final double[] values;
    private int next;
    final List<Network> restored = new ArrayList<>();

    Control(double... values) {
      this.values = values;
    }

    @Override
    public Network snapshot() {
      return constant(values[next++]);
    }

    @Override
    public void restore(Network weights) {
      restored.add(weights);
    }

    @Override
    public void requestStop(String reason) {}
  }

  private static EpochReport epoch(int member, int e, int of) {
    return new EpochReport(member, e, of, 1, 1, 1e-3, 1);
  }

  @Test
  void meanOfTheLastEpochsIsRestored() {
    WeightAveraging avg = new WeightAveraging(3);
    // Five epochs: only epochs 2, 3, 4 are averaged, so only three snapshots are taken.
    Control control = new Control(1, 2, 4);
    for (int e = 0; e < 5; e++) {
      avg.onEpochEnd(epoch(0, e, 5), control);
    }
    assertEquals(3, avg.count());
    avg.onTrainingEnd(0, control);
    assertEquals(1, control.restored.size());
    Network mean = control.restored.get(0);
    double m = (1.0 + 2.0 + 4.0) / 3;
    // Three terms summed and divided once: the mean to one rounding of the division.
    assertArrayEquals(new double[] {m}, mean.layers().get(0).w(), 1e-15);
    assertArrayEquals(new double[] {m}, mean.layers().get(0).b(), 1e-15);
    assertArrayEquals(new double[] {2 * m}, mean.layers().get(1).w(), 1e-15);
    assertArrayEquals(new double[] {-m}, mean.layers().get(1).b(), 1e-15);
  }

  @Test
  void aNewMemberStartsAFreshMeanAndAStoppedMemberBeforeTheWindowKeepsItsWeights() {
    WeightAveraging avg = new WeightAveraging(2);
    Control first = new Control(10, 20);
    avg.onEpochEnd(epoch(0, 3, 4), first);
    Control second = new Control(1, 3);
    avg.onEpochEnd(epoch(1, 2, 4), second);
    avg.onEpochEnd(epoch(1, 3, 4), second);
    avg.onTrainingEnd(1, second);
    assertArrayEquals(new double[] {2}, second.restored.get(0).layers().get(0).w(), 0);
    WeightAveraging early = new WeightAveraging(2);
    Control stopped = new Control();
    early.onEpochEnd(epoch(0, 0, 10), stopped);
    early.onTrainingEnd(0, stopped);
    assertEquals(0, stopped.restored.size());
    assertNull(early.average());
  }
}
