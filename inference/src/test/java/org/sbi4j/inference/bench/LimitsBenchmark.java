package org.sbi4j.inference.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.inference.Dataset;
import org.sbi4j.inference.ExtendedLikelihood;
import org.sbi4j.inference.MorphedEvents;
import org.sbi4j.inference.ParameterGrid;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.training.Activation;
import org.sbi4j.training.Method;
import org.sbi4j.training.ModelData;
import org.sbi4j.training.Network;
import org.sbi4j.training.Precision;
import org.sbi4j.training.RatioEstimator;
import org.sbi4j.training.RatioModel;
import org.sbi4j.training.Scaling;

/**
 * Grid-evaluation throughput of the extended likelihood with a ratio model: (events × grid
 * points) / second for one call of {@link ExtendedLikelihood#evaluate(double[][])} over the whole
 * grid, on interference-1d Asimov data. Networks with random weights (throughput does not depend
 * on their values): the default 3 × 100 tanh ALICES architecture and a small 2 × 8 one, float32
 * and float64. Run: {@code java -cp … org.sbi4j.inference.bench.LimitsBenchmark [events]
 * [gridPoints] [out.md]} with OMP_NUM_THREADS set to the cores to use.
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
    rows.add(String.format(Locale.ROOT, "| %-32s | %8s | %6s | %14s | %8s |", "model", "events",
        "grid", "evaluations/s", "seconds"));
    rows.add("|----------------------------------|----------|--------|----------------|----------|");
    for (Object[] c : new Object[][] {{"ALICES 3 × 100 tanh, float32", 100, 3, Precision.FLOAT32},
        {"ALICES 3 × 100 tanh, float64", 100, 3, Precision.FLOAT64},
        {"ALICES 2 × 8 tanh, float32", 8, 2, Precision.FLOAT32}}) {
      RatioEstimator model = randomModel((int) c[1], (int) c[2], (Precision) c[3]);
      ExtendedLikelihood ll = new ExtendedLikelihood(model, asimov, all, 10);
      ll.evaluate(new double[][] {{0}, {0.5}});
      int repeats = 3;
      long t0 = System.nanoTime();
      for (int r = 0; r < repeats; r++) {
        ll.evaluate(grid);
      }
      double sec = (System.nanoTime() - t0) / 1e9 / repeats;
      rows.add(String.format(Locale.ROOT, "| %-32s | %8d | %6d | %14.0f | %8.3f |", c[0],
          events, points, (double) events * points / sec, sec));
      System.out.println(rows.get(rows.size() - 1));
    }
    String table = String.join("\n", rows);
    System.out.println(table);
    if (out != null) {
      Files.writeString(out, table + "\n");
    }
  }

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
    ModelData data = new ModelData(Method.ALICES, precision, List.of("x"), List.of("theta"),
        Scaling.identity(1), Scaling.identity(1), new double[][] {{-1, 1}},
        List.of(new Network(Activation.TANH, dense)));
    return new RatioModel(data);
  }
}
