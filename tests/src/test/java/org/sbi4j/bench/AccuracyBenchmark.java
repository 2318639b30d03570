package org.sbi4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sbi4j.it.EstimatorAccuracy;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.model.Method;

/**
 * The full-size accuracy run of issue 4 (too slow for CI on 2 cores): ALICES, RASCAL and CARL on
 * {@code rows} ratio rows of interference-1d with 3 × 100 tanh, and SALLY; prints a Markdown table
 * ({@code args: rows epochs [out.md] [methods, comma-separated; default alices,rascal,carl,
 * alice,sally] [initial learning rate, default 1e−3] [α, default the method's] [seed s, default 0]
 * [ensemble size, default 1] [gradient clip, default none]}). Seed s draws the events with 1 + 10s,
 * the sample with 2 + 10s and trains with 3 + 10s; the 20 000 test pairs are the same for every s.
 * {@code configs/train-gold.yaml}'s recipe is the default learning rate (1e-3) with clip 0.1.
 */
public final class AccuracyBenchmark {
  private AccuracyBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = Integer.parseInt(args[0]);
    int epochs = Integer.parseInt(args[1]);
    long seed = args.length > 6 ? Long.parseLong(args[6]) : 0;
    EventSource events = EstimatorAccuracy.events(4 * rows, 1 + 10 * seed);
    EventSample ratio = EstimatorAccuracy.ratioSample(events, rows, 2 + 10 * seed);
    TrainingConfig c =
        TrainingConfig.builder()
            .epochs(epochs)
            .learningRate(args.length > 4 ? Double.parseDouble(args[4]) : 1e-3)
            .alpha(args.length > 5 && !args[5].equals("default") ? Double.valueOf(args[5]) : null)
            .ensembleSize(args.length > 7 ? Integer.parseInt(args[7]) : 1)
            .gradientClip(
                args.length > 8 && !args[8].equals("none") ? Double.valueOf(args[8]) : null)
            .build();
    StringBuilder md =
        new StringBuilder(
            "| method | rows | epochs | metric | value | train s |\n"
                + "|---|---|---|---|---|---|\n");
    List<Method> methods =
        args.length > 3
            ? java.util.Arrays.stream(args[3].split(",")).map(Method::parse).toList()
            : List.of(Method.ALICES, Method.RASCAL, Method.CARL, Method.ALICE, Method.SALLY);
    for (Method m : methods.stream().filter(m -> m != Method.SALLY).toList()) {
      TrainingOutcome o = EstimatorAccuracy.train(ratio, m, c, 3 + 10 * seed);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | MSE(log r̂ − log r) | %.5f | %.0f |%n",
              m.cliName(),
              rows,
              epochs,
              EstimatorAccuracy.logRatioMse(o, 20_000, 4),
              o.seconds()));
      System.out.print(md);
    }
    if (methods.contains(Method.SALLY)) {
      TrainingOutcome s =
          EstimatorAccuracy.train(
              EstimatorAccuracy.sallySample(events, rows, 5), Method.SALLY, c, 6);
      md.append(
          String.format(
              Locale.ROOT,
              "| sally | %d | %d | ρ(t̂, t) | %.5f | %.0f |%n",
              rows,
              epochs,
              EstimatorAccuracy.scoreCorrelation(s, 20_000, 7),
              s.seconds()));
      System.out.print(md);
    }
    if (args.length > 2) {
      Files.writeString(Path.of(args[2]), md.toString());
    }
  }
}
