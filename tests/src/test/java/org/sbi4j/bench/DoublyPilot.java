package org.sbi4j.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.sbi4j.common.Seeds;
import org.sbi4j.it.EstimatorAccuracy;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.io.Configs;
import org.sbi4j.samples.mining.GoldMiner;
import org.sbi4j.samples.mining.Partition;
import org.sbi4j.samples.mining.Prior;
import org.sbi4j.samples.mining.TrainingSamples;
import org.sbi4j.samples.mining.Unweighter;
import org.sbi4j.samples.mining.WeightedView;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.RatioModel;

/** Temporary pilot harness (properties rows, epochs, members, seed, sym, alpha, width, lr). */
public final class DoublyPilot {
  public static void main(String[] args) {
    int rows = Integer.getInteger("rows", 30_000);
    int epochs = Integer.getInteger("epochs", 20);
    int members = Integer.getInteger("members", 1);
    long seed = Long.getLong("seed", 1);
    boolean sym = Boolean.getBoolean("sym");
    int width = Integer.getInteger("width", 100);
    int layers = Integer.getInteger("layers", 3);
    String alpha = System.getProperty("alpha");
    double lr = Double.parseDouble(System.getProperty("lr", "1e-3"));
    double lrf = Double.parseDouble(System.getProperty("lrf", "1e-4"));
    double val = Double.parseDouble(System.getProperty("val", "0.25"));
    int nTest = Integer.getInteger("ntest", 20_000);
    long t0 = System.nanoTime();
    EventSource events = EstimatorAccuracy.events(4 * rows, 1 + 10 * seed);
    double[][] theta0 =
        Prior.parse("uniform:-1:1").points(EstimatorAccuracy.SIM.setup(), 5000, Seeds.derive(seed, 3));
    double[][] theta1 =
        Prior.parse("uniform:-1:1").points(EstimatorAccuracy.SIM.setup(), 5000, Seeds.derive(seed, 4));
    EventSample sample =
        new TrainingSamples(EstimatorAccuracy.SIM.setup(), 0.05)
            .doublyRatio(
                new Unweighter(new GoldMiner(EstimatorAccuracy.SIM.setup()))
                    .drawer(WeightedView.of(events, Partition.TRAIN)),
                theta0,
                theta1,
                rows,
                2 + 10 * seed)
            .sample();
    if (sym) {
      sample = mirror(sample);
    }
    TrainingConfig.Builder b =
        Configs.load(Path.of("..", "configs", "train-gold.yaml"), TrainingConfig.class).toBuilder()
            .epochs(epochs)
            .ensembleSize(members)
            .learningRate(lr)
            .finalLearningRate(lrf)
            .validationSplit(val)
            .hiddenLayers(IntStream.range(0, layers).mapToObj(i -> width).toList());
    if (alpha != null) {
      b.alpha(Double.parseDouble(alpha));
    }
    RatioModel model =
        new Trainer(b.build()).train(sample, Method.ALICES, 3 + 10 * seed).ratioModel();
    double mse = DoublyParameterizedAccuracyBenchmark.mse(model, nTest, 4);
    double mseA = DoublyParameterizedAccuracyBenchmark.mseAnti(model, nTest, 4);
    System.out.printf(
        "PILOT rows=%d epochs=%d members=%d seed=%d sym=%b width=%dx%d alpha=%s lr=%s..%s val=%s"
            + " mse=%.5f antisym=%.5f cpu=%.0fs wall=%.0fs%n",
        rows, epochs, members, seed, sym, layers, width, alpha, lr, lrf, val, mse, mseA,
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9,
        (System.nanoTime() - t0) / 1e9);
  }

  static EventSample mirror(EventSample s) {
    int n = s.size();
    int[] idx = new int[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      idx[i] = i % n;
    }
    List<String> names = s.parameterNames();
    double[] th0 = s.column(Column.THETA0);
    double[] th1 = s.column(Column.THETA1);
    double[] y = s.column(Column.Y);
    double[] lr = s.column(Column.LOG_R_XZ);
    double[] t0 = s.column(Column.T_XZ0);
    double[] t1 = s.column(Column.T_XZ1);
    double[] y2 = new double[2 * n];
    double[] lr2 = new double[2 * n];
    for (int i = 0; i < n; i++) {
      y2[i] = y[i];
      y2[n + i] = 1 - y[i];
      lr2[i] = lr[i];
      lr2[n + i] = -lr[i];
    }
    return s.select(idx)
        .withColumn(Column.THETA0, cat(th0, th1), names)
        .withColumn(Column.THETA1, cat(th1, th0), names)
        .withColumn(Column.T_XZ0, cat(t0, t1), names)
        .withColumn(Column.T_XZ1, cat(t1, t0), names)
        .withColumn(Column.Y, y2, names)
        .withColumn(Column.LOG_R_XZ, lr2, names);
  }

  static double[] cat(double[] a, double[] b) {
    double[] o = new double[a.length + b.length];
    System.arraycopy(a, 0, o, 0, a.length);
    System.arraycopy(b, 0, o, a.length, b.length);
    return o;
  }
}
