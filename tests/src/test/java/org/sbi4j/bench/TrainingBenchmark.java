package org.sbi4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.TestDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sbi4j.samples.EventSample;
import org.sbi4j.testing.GaussianToy;
import org.sbi4j.testing.ProcessCpu;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingEngine;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.internal.Nd4jRuntime;
import org.sbi4j.training.model.Method;

/**
 * Training throughput (rows per second) of ALICES (3 × 100 tanh, batch 128, with the score term),
 * SALLY, and the same network as a plain DL4J MultiLayerNetwork with an MSE loss (the floor: no
 * tangents, no score term). Run with OMP_NUM_THREADS=1: {@code java -cp ...
 * org.sbi4j.bench.TrainingBenchmark [rows] [epochs] [out.md]}.
 */
public final class TrainingBenchmark {
  private TrainingBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path out = args.length > 2 ? Path.of(args[2]) : null;
    Nd4jRuntime.configure();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "| %-32s | %10s | %8s | %14s |",
            "case",
            "rows/s",
            "seconds",
            "rows/CPU-second"));
    lines.add("|----------------------------------|------------|----------|----------------|");
    for (TrainingEngine e : new TrainingEngine[] {TrainingEngine.FUSED, TrainingEngine.SAMEDIFF}) {
      String tag = e == TrainingEngine.FUSED ? "fused" : "SameDiff";
      lines.add(measure("ALICES (score term), " + tag, rows, epochs, Method.ALICES, e));
      lines.add(measure("RASCAL (score term), " + tag, rows, epochs, Method.RASCAL, e));
      lines.add(measure("CARL (no score term), " + tag, rows, epochs, Method.CARL, e));
    }
    lines.add(measure("SALLY, fused", rows, epochs, Method.SALLY, TrainingEngine.FUSED));
    lines.add(measure("SALLY, SameDiff", rows, epochs, Method.SALLY, TrainingEngine.SAMEDIFF));
    lines.add(floor(rows, epochs));
    String table = String.join("\n", lines);
    System.out.println(table);
    if (out != null) {
      Files.writeString(out, table + "\n");
    }
  }

  private static String measure(
      String name, int rows, int epochs, Method m, TrainingEngine engine) {
    EventSample s =
        m == Method.SALLY ? GaussianToy.scoreSample(rows, 1) : GaussianToy.ratioSample(rows, 1);
    // Warm-up: JIT and ND4J's workspaces, on the same method and sizes.
    TrainingConfig c = TrainingConfig.builder().epochs(2).validationSplit(0).engine(engine).build();
    new Trainer(c)
        .train(
            m == Method.SALLY
                ? GaussianToy.scoreSample(10_000, 2)
                : GaussianToy.ratioSample(10_000, 2),
            m,
            1);
    c = c.toBuilder().epochs(epochs).build();
    long cpu0 = ProcessCpu.nanos();
    TrainingOutcome o = new Trainer(c).train(s, m, 3);
    double cpu = (ProcessCpu.nanos() - cpu0) / 1e9;
    double sec = o.history().stream().mapToDouble(r -> r.seconds()).sum();
    return row(name, (double) rows * epochs / sec, sec, (double) rows * epochs / cpu);
  }

  private static String floor(int rows, int epochs) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(1)
            .dataType(DataType.FLOAT)
            .updater(new Adam(1e-3))
            .list()
            .layer(new DenseLayer.Builder().nIn(2).nOut(100).activation(Activation.TANH).build())
            .layer(new DenseLayer.Builder().nIn(100).nOut(100).activation(Activation.TANH).build())
            .layer(new DenseLayer.Builder().nIn(100).nOut(100).activation(Activation.TANH).build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                    .nIn(100)
                    .nOut(1)
                    .activation(Activation.IDENTITY)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    DataSet all =
        new DataSet(Nd4j.rand(DataType.FLOAT, rows, 2), Nd4j.rand(DataType.FLOAT, rows, 1));
    DataSetIterator it = new TestDataSetIterator(all, 128);
    net.fit(it, 2);
    it.reset();
    long cpu0 = ProcessCpu.nanos();
    long t0 = System.nanoTime();
    net.fit(it, epochs);
    double sec = (System.nanoTime() - t0) / 1e9;
    double cpu = (ProcessCpu.nanos() - cpu0) / 1e9;
    return row(
        "DL4J MultiLayerNetwork floor",
        (double) rows * epochs / sec,
        sec,
        (double) rows * epochs / cpu);
  }

  private static String row(String name, double rate, double sec, double perCpu) {
    return String.format(
        Locale.ROOT, "| %-32s | %10.0f | %8.2f | %14.0f |", name, rate, sec, perCpu);
  }
}
