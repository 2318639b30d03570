package org.sbi4j.inference;

import java.util.List;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.training.ScoreEstimator;

/** Test-only SALLY "model": the exact score t(x|θ_ref) of a simulator. */
final class SimulatorScore implements ScoreEstimator {
  private final Simulator simulator;
  private final double[] reference;

  SimulatorScore(Simulator simulator, double[] reference) {
    this.simulator = simulator;
    this.reference = reference.clone();
  }

  @Override
  public List<String> observables() {
    return simulator.observables();
  }

  @Override
  public List<String> parameters() {
    return simulator.setup().parameterNames();
  }

  @Override
  public double[][] score(EventSample events) {
    double[][] out = new double[events.size()][];
    for (int e = 0; e < out.length; e++) {
      out[e] = simulator.score(events.xRow(e), reference);
    }
    return out;
  }
}
