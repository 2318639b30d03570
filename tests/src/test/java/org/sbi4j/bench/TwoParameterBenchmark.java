package org.sbi4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.inference.likelihood.BinningSpec;
import org.sbi4j.it.TwoParameterAccuracy;
import org.sbi4j.samples.EventSource;
import org.sbi4j.training.Trainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.model.Method;

/**
 * The 2-parameter comparison of {@link TwoParameterAccuracyIT} at chosen sizes (args: training
 * events, ratio rows, θ0 points, epochs, hidden widths "64,64", initial lr, histogram bins per
 * dimension "8,12,16,20", optional seed); prints one line per estimator.
 */
public final class TwoParameterBenchmark {
  private TwoParameterBenchmark() {}

  public static void main(String[] args) {
    int trainEvents = Integer.parseInt(args[0]);
    int rows = Integer.parseInt(args[1]);
    int points = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    List<Integer> hidden = Arrays.stream(args[4].split(",")).map(Integer::valueOf).toList();
    double lr = Double.parseDouble(args[5]);
    long seed = args.length > 7 ? Long.parseLong(args[7]) : 0;
    EventSource events = TwoParameterAccuracy.events(trainEvents * 5 / 3, 21 + seed);
    TwoParameterAccuracy.TestPairs test = TwoParameterAccuracy.TestPairs.draw(10_000, 22);
    System.out.printf(Locale.ROOT, "E[(log r)^2] %.5f%n", test.scale());
    for (String b : args[6].split(",")) {
      System.out.printf(
          Locale.ROOT,
          "histogram %sx%s: MSE %.5f%n",
          b,
          b,
          test.mse(
              TwoParameterAccuracy.histogram(
                  events, new BinningSpec(Integer.parseInt(b), null, null))));
    }
    if (rows > 0) {
      TrainingConfig c =
          TrainingConfig.builder().epochs(epochs).hiddenLayers(hidden).learningRate(lr).build();
      TrainingOutcome o =
          new Trainer(c)
              .train(
                  TwoParameterAccuracy.ratioSample(events, rows, points, 23 + seed),
                  Method.ALICES,
                  24 + seed);
      System.out.printf(
          Locale.ROOT,
          "ALICES rows %d points %d epochs %d %s lr %s: MSE %.5f " + "(%.0f s)%n",
          rows,
          points,
          epochs,
          hidden,
          lr,
          test.mse(o),
          o.seconds());
    }
  }
}
