package org.sbi4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.inference.diagnostics.CalibratedRatio;
import org.sbi4j.inference.diagnostics.DiagnoseAnalysis;
import org.sbi4j.inference.diagnostics.DiagnoseRequest;
import org.sbi4j.inference.likelihood.ExactRatio;
import org.sbi4j.inference.limits.LimitSource;
import org.sbi4j.inference.limits.Limits;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.ProcessCpu;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;

/**
 * Cost of the diagnostics (issue 15): wall and CPU seconds of {@link DiagnoseAnalysis#run} (no
 * plots; closure, AUC with 25 bootstrap resamples, reliability) on {@code events} interference-1d
 * events (the test partition, a fifth of them, is what is evaluated) at a θ0 grid of {@code points}
 * points, for the exact ratio and for a 3 × 100 tanh ratio network with random weights; and one
 * expected-limits scan of that network with and without the histogram calibration (the validation
 * partition, a fifth, calibrates). Run: {@code java -cp … org.sbi4j.bench.DiagnoseBenchmark
 * [events] [points] [out.md]}.
 */
public final class DiagnoseBenchmark {
  private DiagnoseBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int points = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    Path out = args.length > 2 ? Path.of(args[2]) : null;
    Simulator sim = Simulators.INTERFERENCE_1D.create();
    EventSample file = sim.events(events, 1);
    Path h5 = Files.createTempFile("sbi4j-diagnose-bench", ".h5");
    h5.toFile().deleteOnExit();
    MadMinerFiles.writeEvents(h5, file);
    ParameterGrid grid = ParameterGrid.parse("-1:1:" + points);
    RatioModel net = network();
    List<String> rows = new ArrayList<>();
    rows.add("| what | events | grid | s (CPU s) |");
    rows.add("|---|---|---|---|");
    Object[][] cases = {
      {"diagnose: exact ratio", new ExactRatio(sim, new double[] {0})},
      {"diagnose: 3 × 100 tanh network", net},
    };
    for (Object[] c : cases) {
      DiagnoseRequest request =
          new DiagnoseRequest(
              h5,
              List.of(
                  new DiagnoseRequest.Model(
                      "m", (org.sbi4j.samples.estimators.RatioEstimator) c[1])),
              null,
              grid,
              sim,
              false,
              null,
              1);
      rows.add(row((String) c[0], events, points, time(() -> DiagnoseAnalysis.run(request))));
    }
    LimitSource plain = new LimitSource.Ratio("net", net);
    LimitSource calibrated = CalibratedRatio.calibrate(plain, file);
    rows.add(
        row(
            "limits: network",
            events,
            points,
            time(() -> Limits.expected(file, plain, new double[] {0}, 10, grid))));
    rows.add(
        row(
            "limits --calibrate: network",
            events,
            points,
            time(() -> Limits.expected(file, calibrated, new double[] {0}, 10, grid))));
    String table = String.join("\n", rows);
    System.out.println(table);
    if (out != null) {
      Files.writeString(out, table + "\n");
    }
  }

  private static String row(String what, int events, int points, double[] t) {
    String r =
        String.format(
            Locale.ROOT, "| %s | %d | %d | %.3f (%.3f) |", what, events, points, t[0], t[1]);
    System.out.println(r);
    return r;
  }

  /** Best of 3 runs after one warm-up: {wall s, CPU s}. */
  private static double[] time(Supplier<?> run) {
    run.get();
    double best = Double.POSITIVE_INFINITY;
    double bestCpu = 0;
    for (int r = 0; r < 3; r++) {
      long cpu0 = ProcessCpu.nanos();
      long t0 = System.nanoTime();
      run.get();
      double sec = (System.nanoTime() - t0) / 1e9;
      if (sec < best) {
        best = sec;
        bestCpu = (ProcessCpu.nanos() - cpu0) / 1e9;
      }
    }
    return new double[] {best, bestCpu};
  }

  /** A 3 × 100 tanh ratio network on x with parameter input θ, random weights. */
  static RatioModel network() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    List<Network.Dense> dense = new ArrayList<>();
    int in = 2;
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
            List.of("theta"),
            Scaling.identity(1),
            Scaling.identity(1),
            new double[][] {{-1, 1}},
            List.of(new Network(Activation.TANH, dense)));
    return new RatioModel(data);
  }
}
