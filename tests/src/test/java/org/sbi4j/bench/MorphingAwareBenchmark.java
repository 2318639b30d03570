package org.sbi4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sbi4j.it.EstimatorAccuracy;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.EventSource;
import org.sbi4j.samples.estimators.Prediction;
import org.sbi4j.training.MorphingAwareTrainer;
import org.sbi4j.training.TrainingConfig;
import org.sbi4j.training.model.Method;
import org.sbi4j.training.model.MorphingAware;
import org.sbi4j.training.model.MorphingAwareModel;

/**
 * Recipes for the linear morphing-aware ALICES on interference-1d (docs/math.md §3.9): prints
 * E[(log r̂ − log r)²] on the 20 000 test pairs of MorphingAwareAccuracyIT and its split into
 * θ-bins ({@code args: rows epochs alpha seed basis fix ensemble [lr] [clip] [EXP|SQUARES]}; basis
 * as comma-separated θ's, e.g. {@code 0,1,-1}; fix {@code yes} fixes r̂_b ≡ 1 at θ1 = 0; seed s
 * draws events with 1 + 10s, the sample with 2 + 10s and trains with 3 + 10s, s = 0 being the
 * IT's).
 */
public final class MorphingAwareBenchmark {
  private MorphingAwareBenchmark() {}

  public static void main(String[] args) {
    int rows = Integer.parseInt(args[0]);
    int epochs = Integer.parseInt(args[1]);
    double alpha = Double.parseDouble(args[2]);
    long seed = Long.parseLong(args[3]);
    double[][] basis =
        Arrays.stream(args[4].split(","))
            .map(v -> new double[] {Double.parseDouble(v)})
            .toArray(double[][]::new);
    boolean fix = args[5].equals("yes");
    int ensemble = Integer.parseInt(args[6]);
    double lr = args.length > 7 ? Double.parseDouble(args[7]) : 3e-3;
    double clip = args.length > 8 ? Double.parseDouble(args[8]) : 5;
    EventSample events = EstimatorAccuracy.SIM.events(4 * rows, 1 + 10 * seed);
    EventSample sample = EstimatorAccuracy.ratioSample(EventSource.of(events), rows, 2 + 10 * seed);
    TrainingConfig config =
        EstimatorAccuracy.fullSizeConfig()
            .epochs(epochs)
            .learningRate(lr)
            .gradientClip(0.1)
            .alpha(alpha)
            .ensembleSize(ensemble)
            .build();
    MorphingAware spec =
        MorphingAware.fromEvents(
                MorphingAware.Kind.LINEAR, EstimatorAccuracy.SIM.setup(), events, clip)
            .withBasis(
                basis,
                fix ? new double[] {0} : null,
                args.length > 9 ? MorphingAware.ComponentForm.valueOf(args[9]) : null);
    long t0 = System.nanoTime();
    MorphingAwareModel model =
        MorphingAwareModel.of(
            new MorphingAwareTrainer(config, List.of())
                .train(sample, Method.ALICES, spec, 3 + 10 * seed)
                .model());
    double seconds = (System.nanoTime() - t0) / 1e9;
    double mse = EstimatorAccuracy.logRatioMse(model::predict, 20_000, 4);
    double[] bins = binned(model);
    System.out.printf(
        Locale.ROOT,
        "form %s, rows %d epochs %d alpha %s seed %d basis %s fix %s ensemble %d lr %s clip %s: MSE %.5f"
            + " (θ bins of 0.25 from −1: %s) train %.0f s%n",
        spec.form(),
        rows,
        epochs,
        args[2],
        seed,
        args[4],
        fix,
        ensemble,
        lr,
        clip,
        mse,
        Arrays.toString(Arrays.stream(bins).map(v -> Math.round(v * 1e4) / 1e4).toArray()),
        seconds);
  }

  /** The MSE of the IT's test pairs in 8 θ-bins of width 0.25 on [−1, 1]. */
  private static double[] binned(MorphingAwareModel model) {
    double[] sum = new double[8];
    double[] count = new double[8];
    double[] sq = new double[2];
    double[] xs = new double[20];
    double[] xc = new double[20];
    EstimatorAccuracy.logRatioMse(
        (theta, x) -> {
          Prediction p = model.predict(theta, x);
          for (int i = 0; i < theta.length; i++) {
            double exact =
                EstimatorAccuracy.SIM.logRatio(
                    new double[] {x[i]}, new double[] {theta[i]}, new double[] {0});
            int b = Math.min(7, (int) ((theta[i] + 1) / 0.25));
            double e2 = Math.pow(p.logRatio()[i] - exact, 2);
            sq[0] += e2;
            sq[1] += e2 * e2;
            sum[b] += e2;
            count[b]++;
            if (b == 0 || b == 7) {
              int k = Math.max(0, Math.min(9, (int) Math.floor(x[i] + 1))) + (b == 7 ? 10 : 0);
              xs[k] += Math.pow(p.logRatio()[i] - exact, 2) / 20_000;
              xc[k]++;
            }
          }
          return p;
        },
        20_000,
        4);
    for (int b = 0; b < 8; b++) {
      sum[b] /= count[b];
    }
    double mean = sq[0] / 20_000;
    System.out.printf(
        Locale.ROOT,
        "standard error of the MSE over the 20 000 test pairs: %.5f%n",
        Math.sqrt((sq[1] / 20_000 - mean * mean) / 20_000));
    System.out.printf(
        Locale.ROOT,
        "θ < −0.75, then θ > 0.75: contribution to the MSE by x bins of 1 from −1 %s, counts %s%n",
        Arrays.toString(Arrays.stream(xs).map(v -> Math.round(v * 1e5) / 1e5).toArray()),
        Arrays.toString(xc));
    return sum;
  }
}
