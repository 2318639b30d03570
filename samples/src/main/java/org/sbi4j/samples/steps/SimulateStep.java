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
   * @param nuisances names of the nuisance parameters written (empty without them)
   * @param nuisanceBenchmarks names of the nuisance benchmarks written (empty without them)
   */
  public record Result(
      String process,
      int events,
      String out,
      List<String> benchmarks,
      double[] crossSections,
      long seed,
      List<String> nuisances,
      List<String> nuisanceBenchmarks) {}

  /**
   * Simulates {@code events} events of {@code process} and writes them (shuffled) to {@code out}.
   */
  public static Result run(String process, int events, Path out, long seed) {
    return run(process, events, out, seed, false);
  }

  /**
   * As {@link #run(String, int, Path, long)}; with {@code nuisances} the process's nuisance
   * parameters are simulated too and their nuisance benchmarks written (docs/formats.md).
   */
  public static Result run(String process, int events, Path out, long seed, boolean nuisances) {
    Check.positive("events", events);
    Simulator sim = Simulators.byName(process, nuisances);
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
        sim.name(),
        events,
        out.toString(),
        sim.setup().benchmarkNames(),
        sigma,
        seed,
        sim.nuisances().names(),
        sim.nuisances().benchmarks());
  }
}
