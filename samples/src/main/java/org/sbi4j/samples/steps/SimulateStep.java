package org.sbi4j.samples.steps;

import java.nio.file.Path;
import java.util.List;
import org.sbi4j.common.Check;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;

/** {@code sbi4j simulate}: runs a built-in simulator and writes an event file. */
public final class SimulateStep {
  private SimulateStep() {}

  /**
   * The result.
   *
   * @param process the simulator's name
   * @param events number of events written
   * @param out the event file
   * @param benchmarks benchmark names
   * @param crossSections Σ_e w_e(θ_b) per benchmark (pb; estimates of σ(θ_b))
   * @param seed the seed used
   */
  public record Result(
      String process,
      int events,
      String out,
      List<String> benchmarks,
      double[] crossSections,
      long seed) {}

  /**
   * Simulates {@code events} events of {@code process} and writes them (shuffled) to {@code out}.
   */
  public static Result run(String process, int events, Path out, long seed) {
    Check.positive("events", events);
    Simulator sim = Simulators.byName(process);
    EventSample ev = sim.events(events, seed);
    MadMinerFiles.writeEvents(out, ev);
    int nb = sim.setup().benchmarks().size();
    double[] sigma = new double[nb];
    for (int i = 0; i < ev.size(); i++) {
      for (int b = 0; b < nb; b++) {
        sigma[b] += ev.weight(i, b);
      }
    }
    return new Result(
        sim.name(), events, out.toString(), sim.setup().benchmarkNames(), sigma, seed);
  }
}
