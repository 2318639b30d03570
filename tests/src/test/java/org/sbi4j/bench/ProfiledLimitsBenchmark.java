package org.sbi4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.GridEvaluator;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.LimitsResult;
import org.sbi4j.inference.limits.NuisanceSettings;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Interference1D;
import org.sbi4j.testing.ProcessCpu;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;

/**
 * Cost of profiling (issue 13): wall and CPU seconds of one whole expected-limits scan ({@link
 * Limits#expected}: grid, continuous best fit, 68 %/95 % crossings) of interference-1d with its two
 * nuisance parameters profiled, against the same scan with them fixed at 0, on the same events
 * (test partition of {@code events} Asimov events, the whole file 5 × that for σ(θ, ν)), 1D θ grid
 * of {@code points} points. Sources: the exact ratio (over θ ⊕ ν when profiled), a 3 × 100 tanh
 * ratio network with random weights (input x ⊕ θ ⊕ ν; fixed at ν = 0 for the baseline, so both
 * scans go through the same network) and the histogram baseline. Run: {@code java -cp …
 * org.sbi4j.bench.ProfiledLimitsBenchmark [events] [points] [out.md]}.
 */
public final class ProfiledLimitsBenchmark {
  private ProfiledLimitsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int points = args.length > 1 ? Integer.parseInt(args[1]) : 101;
    Path out = args.length > 2 ? Path.of(args[2]) : null;
    Interference1D sim = Interference1D.withNuisances();
    EventSample file = sim.events(events * 5, 1);
    ParameterGrid grid = ParameterGrid.parse("-1:1:" + points);
    NuisanceSettings none = new NuisanceSettings(false, Map.of(), NuisanceMorphing.Policy.ERROR);
    List<String> rows = new ArrayList<>();
    rows.add(
        "| source | events | grid | fixed ν = 0: s (CPU s) | profiled: s (CPU s) | ratio (wall) |");
    rows.add("|---|---|---|---|---|---|");
    RatioModel net = network();
    Object[][] cases = {
      {
        "exact ratio",
        new LimitSource.Ratio("exact", new ExactRatio(sim, new double[] {0.5})),
        new LimitSource.Ratio("exact", ExactRatio.withNuisances(sim, new double[] {0.5}))
      },
      {
        "ALICES 3 × 100 tanh (random weights)",
        new LimitSource.Ratio("net", net),
        new LimitSource.Ratio("net", net)
      },
      {"histogram x", LimitSource.histogram(List.of("x")), LimitSource.histogram(List.of("x"))},
    };
    for (Object[] c : cases) {
      double[] fixed = time(file, (LimitSource) c[1], grid, none);
      double[] prof = time(file, (LimitSource) c[2], grid, NuisanceSettings.DEFAULT);
      String row =
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.3f (%.3f) | %.3f (%.3f) | %.2f× |",
              c[0],
              events,
              points,
              fixed[0],
              fixed[1],
              prof[0],
              prof[1],
              prof[0] / fixed[0]);
      System.out.println(row);
      rows.add(row);
    }
    String table = String.join("\n", rows);
    System.out.println(table);
    if (out != null) {
      Files.writeString(out, table + "\n");
    }
  }

  /** Best of 3 runs after one warm-up: {wall s, CPU s}. */
  private static double[] time(
      EventSample file, LimitSource source, ParameterGrid grid, NuisanceSettings settings) {
    run(file, source, grid, settings);
    double best = Double.POSITIVE_INFINITY;
    double bestCpu = 0;
    for (int r = 0; r < 3; r++) {
      long cpu0 = ProcessCpu.nanos();
      long t0 = System.nanoTime();
      run(file, source, grid, settings);
      double sec = (System.nanoTime() - t0) / 1e9;
      if (sec < best) {
        best = sec;
        bestCpu = (ProcessCpu.nanos() - cpu0) / 1e9;
      }
    }
    return new double[] {best, bestCpu};
  }

  private static LimitsResult run(
      EventSample file, LimitSource source, ParameterGrid grid, NuisanceSettings settings) {
    return Limits.expected(file, source, new double[] {0}, 10, grid, GridEvaluator.LOCAL, settings);
  }

  /** A 3 × 100 tanh ratio network on x with parameter input θ ⊕ (norm, shape), random weights. */
  static RatioModel network() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    List<Network.Dense> dense = new ArrayList<>();
    int in = 4;
    for (int l = 0; l <= 3; l++) {
      int o = l == 3 ? 1 : 100;
      double[] w = new double[in * o];
      for (int k = 0; k < w.length; k++) {
        w[k] = (rng.nextDouble() - 0.5) * 0.2 / Math.sqrt(in);
      }
      dense.add(new Network.Dense(in, o, w, new double[o]));
      in = o;
    }
    ModelData data =
        new ModelData(
            Method.ALICES,
            Precision.FLOAT32,
            List.of("x"),
            List.of("theta", "norm", "shape"),
            Scaling.identity(1),
            Scaling.identity(3),
            new double[][] {{-1, 1}, {-3, 3}, {-3, 3}},
            List.of(new Network(Activation.TANH, dense)));
    return new RatioModel(data);
  }
}
