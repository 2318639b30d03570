package org.sbi4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.inference.likelihood.Dataset;
import org.sbi4j.inference.likelihood.ExtendedLikelihood;
import org.sbi4j.inference.likelihood.MorphedEvents;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.estimators.RatioEstimator;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.testing.ProcessCpu;
import org.sbi4j.training.model.Activation;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.ModelData;
import org.sbi4j.training.model.Network;
import org.sbi4j.training.model.NetworkEvaluator;
import org.sbi4j.training.model.Precision;
import org.sbi4j.training.model.RatioModel;
import org.sbi4j.training.model.Scaling;

/**
 * Grid-evaluation throughput of the extended likelihood with a ratio model: (events × grid points)
 * / second for one call of {@link ExtendedLikelihood#evaluate(double[][])} over the whole grid, on
 * interference-1d Asimov data. Networks with random weights (throughput does not depend on their
 * values): the default 3 × 100 tanh ALICES architecture and a small 2 × 8 one, each through {@link
 * RatioModel}'s {@link NetworkEvaluator} (what limits use) on its Java Vector API kernel and on the
 * plain-Java kernel a JVM without {@code --add-modules jdk.incubator.vector} falls back to. Run:
 * {@code java -cp … org.sbi4j.bench.LimitsBenchmark [events] [gridPoints] [out.md]} with
 * OMP_NUM_THREADS set to the cores to use.
 */
public final class LimitsBenchmark {
  private LimitsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int points = args.length > 1 ? Integer.parseInt(args[1]) : 101;
    Path out = args.length > 2 ? Path.of(args[2]) : null;
    EventSample file = Simulators.INTERFERENCE_1D.create().events(events * 5, 1);
    MorphedEvents all = new MorphedEvents(file);
    MorphedEvents test = new MorphedEvents(file.range(file.size() - events, file.size()));
    Dataset asimov = Dataset.asimov(test, all, new double[] {0}, 10);
    double[][] grid = ParameterGrid.parse("-1:1:" + points).points();
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "| %-30s | %-22s | %7s | %5s | %13s | %8s | %15s |",
            "model",
            "evaluation",
            "events",
            "grid",
            "evaluations/s",
            "seconds",
            "per CPU-second"));
    rows.add(
        "|--------------------------------|------------------------|---------|-------|"
            + "---------------|----------|-----------------|");
    for (Object[] c :
        new Object[][] {
          {"ALICES 3 × 100 tanh, float32", 100, 3}, {"ALICES 2 × 8 tanh, float32", 8, 2}
        }) {
      RatioModel model = (RatioModel) randomModel((int) c[1], (int) c[2], Precision.FLOAT32);
      rows.add(
          measure(
              (String) c[0],
              "NetworkEvaluator (Vector)",
              onKernel(model, true),
              asimov,
              all,
              grid));
      rows.add(
          measure(
              (String) c[0], "NetworkEvaluator (Java)", onKernel(model, false), asimov, all, grid));
    }
    String table = String.join("\n", rows);
    System.out.println(table);
    if (out != null) {
      Files.writeString(out, table + "\n");
    }
  }

  private static String measure(
      String model,
      String how,
      RatioEstimator estimator,
      Dataset asimov,
      MorphedEvents all,
      double[][] grid) {
    ExtendedLikelihood ll = new ExtendedLikelihood(estimator, asimov, all, 10);
    ll.evaluate(grid);
    int repeats = 3;
    long cpu0 = ProcessCpu.nanos();
    long t0 = System.nanoTime();
    for (int r = 0; r < repeats; r++) {
      ll.evaluate(grid);
    }
    double sec = (System.nanoTime() - t0) / 1e9 / repeats;
    double cpu = (ProcessCpu.nanos() - cpu0) / 1e9 / repeats;
    int events = asimov.events().size();
    double evaluations = (double) events * grid.length;
    String row =
        String.format(
            Locale.ROOT,
            "| %-30s | %-22s | %7d | %5d | %13.0f | %8.3f | %15.0f |",
            model,
            how,
            events,
            grid.length,
            evaluations / sec,
            sec,
            evaluations / cpu);
    System.out.println(row);
    return row;
  }

  /** log r̂ of {@code model} through a {@link NetworkEvaluator} on the chosen kernel. */
  private static RatioEstimator onKernel(RatioModel model, boolean vector) {
    NetworkEvaluator e = NetworkEvaluator.withKernel(model.data(), vector);
    return new RatioEstimator() {
      @Override
      public List<String> observables() {
        return model.observables();
      }

      @Override
      public List<String> parameters() {
        return model.parameters();
      }

      @Override
      public double[][] logRatio(EventSample events, double[][] thetas) {
        return e.logRatio(events.x(), thetas);
      }

      @Override
      public double[][][] score(EventSample events, double[][] thetas) {
        return model.score(events, thetas);
      }

      @Override
      public double[][] thetaRange() {
        return model.thetaRange();
      }
    };
  }

  /** A ratio model on interference-1d's x and θ with random weights. */
  public static RatioEstimator randomModel(int width, int layers, Precision precision) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    List<Network.Dense> dense = new ArrayList<>();
    int in = 2;
    for (int l = 0; l <= layers; l++) {
      int o = l == layers ? 1 : width;
      double[] w = new double[in * o];
      for (int k = 0; k < w.length; k++) {
        w[k] = (rng.nextDouble() - 0.5) * 2 / Math.sqrt(in);
      }
      dense.add(new Network.Dense(in, o, w, new double[o]));
      in = o;
    }
    ModelData data =
        new ModelData(
            Method.ALICES,
            precision,
            List.of("x"),
            List.of("theta"),
            Scaling.identity(1),
            Scaling.identity(1),
            new double[][] {{-1, 1}},
            List.of(new Network(Activation.TANH, dense)));
    return new RatioModel(data);
  }
}
